package dev.faultline.export.chaosmesh;

/**
 * A step that cannot be written for Chaos Mesh as it stands (the user's manifest breaks an
 * admission rule, a target's namespace is not permitted, ...): a {@code Suspend} takes its place,
 * with the message as the warning.
 */
final class Refused extends Exception {
  private static final long serialVersionUID = 1L;

  Refused(String message) {
    super(message);
  }
}
