/**
 * The experiment model: immutable records for an experiment file. No I/O, no cluster access, no UI.
 *
 * <p>Values that users type as text (durations, selectors, regexes, jq) stay as text here so a file
 * with mistakes still loads and round-trips; {@code dev.faultline.validate} reports them.
 */
package dev.faultline.model;
