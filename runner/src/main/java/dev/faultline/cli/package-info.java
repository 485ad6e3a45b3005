/**
 * The {@code faultline} command line (picocli). The only package that writes to standard output.
 */
package dev.faultline.cli;
