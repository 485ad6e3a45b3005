/**
 * What the app remembers between runs: {@link dev.faultline.app.prefs.RecentFiles}, the {@link
 * dev.faultline.app.prefs.WindowLayout} (window bounds, split dividers, panels, theme) and crash
 * recovery of unsaved documents ({@link dev.faultline.app.prefs.RecoveryStore}, {@link
 * dev.faultline.app.prefs.RecoveryAutosaver}), and the opt-in update check's settings ({@link
 * dev.faultline.app.prefs.UpdatePrefs}).
 *
 * <p>Every store does file IO: call it off the FX thread. Files are written atomically and read
 * leniently: a missing or corrupt file gives the defaults plus a warning, never an exception at
 * start-up.
 */
package dev.faultline.app.prefs;
