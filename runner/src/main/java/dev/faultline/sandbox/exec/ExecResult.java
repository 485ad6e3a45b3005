package dev.faultline.sandbox.exec;

/** What a simulated command printed and how it ended. */
public record ExecResult(int exitCode, String stdout, String stderr) {
  public static ExecResult ok(String stdout) {
    return new ExecResult(0, stdout, "");
  }

  public static ExecResult failed(int exitCode, String stderr) {
    return new ExecResult(exitCode, "", stderr);
  }
}
