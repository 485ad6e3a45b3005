package dev.faultline.sandbox.exec;

import java.util.Locale;
import java.util.Optional;

/** The POSIX signals the sandbox's processes understand, by name and Linux number. */
public enum Signal {
  SIGHUP(1),
  SIGINT(2),
  SIGKILL(9),
  SIGUSR1(10),
  SIGUSR2(12),
  SIGTERM(15),
  SIGCONT(18),
  SIGSTOP(19);

  private final int number;

  Signal(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  /** Parses {@code 9}, {@code KILL}, {@code SIGKILL} (any case), as kill and pkill accept them. */
  public static Optional<Signal> parse(String text) {
    String t = text.toUpperCase(Locale.ROOT);
    for (Signal s : values()) {
      if (t.equals(s.name())
          || t.equals(s.name().substring(3))
          || t.equals(String.valueOf(s.number))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Signals whose default action ends the process. */
  public boolean terminates() {
    return this == SIGKILL
        || this == SIGTERM
        || this == SIGINT
        || this == SIGHUP
        || this == SIGUSR1
        || this == SIGUSR2;
  }
}
