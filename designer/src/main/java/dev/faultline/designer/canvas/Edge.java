package dev.faultline.designer.canvas;

/**
 * One {@code after} edge: {@code to} runs after {@code from}.
 *
 * @param from the earlier step, where the wire leaves (its output port)
 * @param to the later step, where the wire arrives (its input port)
 */
public record Edge(String from, String to) {}
