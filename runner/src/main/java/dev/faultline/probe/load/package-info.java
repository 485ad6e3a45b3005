/**
 * The engine of the {@code load.http} probe: an open-loop HTTP load generator. {@link
 * dev.faultline.probe.load.OpenLoopSchedule} says when each request is due, virtual threads send
 * them over keep-alive connections, and every latency is measured from the request's due time
 * (coordinated-omission correction) into HdrHistogram windows that {@link
 * dev.faultline.probe.load.Slo} judges. Nothing here knows about clusters or the engine: the
 * executor in {@code dev.faultline.probe} resolves the URL and turns windows into samples.
 */
package dev.faultline.probe.load;
