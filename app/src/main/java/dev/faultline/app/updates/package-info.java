/**
 * Help › Check for Updates…, the opt-in check at start-up and its notice in the status bar. The
 * check itself is {@link dev.faultline.updates.UpdateChecker}; nothing is ever downloaded.
 */
package dev.faultline.app.updates;
