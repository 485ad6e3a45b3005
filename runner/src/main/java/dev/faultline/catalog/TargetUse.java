package dev.faultline.catalog;

/** Whether a step of a descriptor's type names a {@code target}. */
public enum TargetUse {
  REQUIRED,
  OPTIONAL,
  NONE
}
