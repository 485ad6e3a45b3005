/** Light and dark themes (AtlantaFX Primer), following the operating system unless chosen. */
package dev.faultline.app.theme;
