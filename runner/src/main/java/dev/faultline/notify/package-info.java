/**
 * Notifications and log sinks: the messages a run sends when it starts, waits at a gate, halts and
 * finishes, their JSON shapes (Slack and generic), and delivery to webhooks and log files on
 * background threads with short timeouts and retries. Nothing here can fail or slow a run beyond a
 * bound; the engine's {@code RunNotifier} feeds it.
 */
package dev.faultline.notify;
