package dev.faultline.attack;

import java.util.Locale;

/** Signal names as {@code kill} and {@code pkill} take them. */
final class Signals {
  private Signals() {}

  /** {@code SIGKILL} → {@code -KILL}; POSIX kill, procps and BusyBox all accept this form. */
  static String flag(String signal) {
    String name = signal.toUpperCase(Locale.ROOT);
    return "-" + (name.startsWith("SIG") ? name.substring(3) : name);
  }
}
