/**
 * Helpers the installer build ({@code installers/build.xml}) calls between jdeps, jlink and
 * jpackage: the runtime's module list and the version each package format accepts.
 */
package dev.faultline.installers;
