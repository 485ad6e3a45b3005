package dev.faultline.designer.run.timeline;

/**
 * A moment on the timeline: a note (a ◆ pin) or a halt (a red line across all lanes).
 *
 * @param label the short text drawn next to it
 * @param tooltip the full text for the pointer
 */
public record Pin(long nanos, String label, String tooltip) {}
