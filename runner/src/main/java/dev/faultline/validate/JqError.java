package dev.faultline.validate;

/**
 * Why a jq expression cannot be used.
 *
 * @param message short and human, e.g. {@code unexpected '|' at column 6}
 * @param index 0-based offset in the expression where the problem is; the expression's length when
 *     something is missing at the end; -1 if unknown
 */
public record JqError(String message, int index) {}
