/**
 * The cluster connection of the main window: which kubeconfig context (or the embedded sandbox) the
 * app talks to, the switcher that changes it, and the status that says how it is going.
 */
package dev.faultline.app.connection;
