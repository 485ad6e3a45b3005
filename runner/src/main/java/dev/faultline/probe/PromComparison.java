package dev.faultline.probe;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The comparison a {@code prometheus.query} result must hold: {@code operator threshold}, such as
 * {@code < 0.01}. NaN never holds, not even for {@code !=}: a query that gives NaN (0/0 when there
 * is no traffic) says nothing about the system, and a probe must not pass on nothing.
 */
record PromComparison(String operator, double threshold) {
  PromComparison {
    switch (operator) {
      case "<", "<=", ">", ">=", "==", "!=" -> {}
      default -> throw new IllegalArgumentException("unknown operator '" + operator + "'");
    }
  }

  boolean holds(double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    return switch (operator) {
      case "<" -> value < threshold;
      case "<=" -> value <= threshold;
      case ">" -> value > threshold;
      case ">=" -> value >= threshold;
      case "==" -> value == threshold;
      default -> value != threshold;
    };
  }

  /** Whether a larger value is the riskier one ({@code <}, {@code <=}). */
  boolean upperBound() {
    return operator.startsWith("<");
  }

  /** Whether a smaller value is the riskier one ({@code >}, {@code >=}). */
  boolean lowerBound() {
    return operator.startsWith(">");
  }

  /** {@code >= 3}. */
  String text() {
    return operator + " " + number(threshold);
  }

  /**
   * A number as people read it: whole numbers without a fraction, others with six significant
   * digits, and Prometheus's own words for the special values.
   */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
    return Math.abs(value) >= 1e-4 && Math.abs(value) < 1e15
        ? rounded.toPlainString()
        : rounded.toString();
  }
}
