/**
 * What the user can do in the main window, defined once: the menus, the command palette and the
 * keyboard cheat sheet are all built from the same {@link dev.faultline.app.actions.AppAction}s, so
 * a shortcut shown anywhere is the one that works.
 */
package dev.faultline.app.actions;
