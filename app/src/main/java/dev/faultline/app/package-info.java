/**
 * The desktop application shell: launcher, main window, menus and the composition root that wires
 * the designer to the runner.
 */
package dev.faultline.app;
