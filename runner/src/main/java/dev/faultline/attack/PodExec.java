package dev.faultline.attack;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a command in a container through the API's {@code pods/exec} subresource (what {@code
 * kubectl exec} does) and returns its exit code and output, waiting at most the context's call
 * timeout.
 */
final class PodExec {
  /** Exit code of a shell whose command does not exist. */
  static final int NOT_FOUND = 127;

  private PodExec() {}

  /**
   * What the command did.
   *
   * @param exitCode the command's exit code; -1 when the API reported none
   */
  record Result(int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }

    /** Standard error, else standard output, on one line; for messages. */
    String detail() {
      String text = stderr.isBlank() ? stdout : stderr;
      return text.strip().replace('\n', ' ');
    }
  }

  /**
   * Runs {@code argv} in the container {@code target} names.
   *
   * @throws TargetGoneException when the pod does not exist
   * @throws AttackException when the exec could not run (retryable when the API is unreachable or
   *     did not answer in time)
   */
  static Result run(AttackContext context, ObjectRef target, List<String> argv)
      throws AttackException {
    try {
      return runOnce(context, target, argv);
    } catch (UpgradeTimedOut first) {
      // The websocket never opened, so the command never ran: one more try is safe, and an API
      // server that was briefly too busy to answer the upgrade usually answers the second.
      try {
        return runOnce(context, target, argv);
      } catch (UpgradeTimedOut second) {
        throw new AttackException(
            second.failure.getMessage() + " (tried twice; the command did not run)",
            true,
            second.failure);
      }
    }
  }

  /** An exec whose websocket upgrade did not complete in time: the command did not run. */
  private static final class UpgradeTimedOut extends Exception {
    private final AttackException failure;

    UpgradeTimedOut(AttackException failure) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
    }
  }

  private static Result runOnce(AttackContext context, ObjectRef target, List<String> argv)
      throws AttackException, UpgradeTimedOut {
    String doing = "run '" + String.join(" ", argv) + "' in";
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    try (ExecWatch watch =
        context
            .client()
            .pods()
            .inNamespace(target.namespace())
            .withName(target.name())
            .inContainer(target.container())
            .writingOutput(out)
            .writingError(err)
            .exec(argv.toArray(String[]::new))) {
      Integer code = watch.exitCode().get(context.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return new Result(
          code == null ? -1 : code,
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } catch (KubernetesClientException e) {
      if (ClusterCalls.notFound(e)) {
        throw new TargetGoneException(target, "the pod was deleted");
      }
      AttackException failure = ClusterCalls.failure(context, doing, target, e);
      if (upgradeTimedOut(e)) {
        throw new UpgradeTimedOut(failure); // thrown by exec() itself, before any command ran
      }
      throw failure;
    } catch (RuntimeException e) {
      // fabric8 passes some transport failures of the upgrade through unwrapped (a netty
      // WebSocketHandshakeException when the connection closes mid-handshake): still an exec
      // that could not run, never an exception the attack does not know.
      AttackException failure =
          new AttackException(
              "cannot " + doing + " " + target.display() + ": " + e.getMessage(), true, e);
      if (upgradeTimedOut(e)) {
        throw new UpgradeTimedOut(failure);
      }
      throw failure;
    } catch (TimeoutException e) {
      throw new AttackException(
          "cannot "
              + doing
              + " "
              + target.display()
              + ": no answer within "
              + context.callTimeout().toMillis()
              + " ms",
          true,
          e);
    } catch (ExecutionException e) {
      AttackException failure = ClusterCalls.failure(context, doing, target, e.getCause());
      if (upgradeTimedOut(e.getCause())) {
        throw new UpgradeTimedOut(failure);
      }
      throw failure;
    } catch (InterruptedException e) {
      throw ClusterCalls.interrupted(doing, target, e);
    }
  }

  /**
   * Whether the exec failed before its websocket opened: the upgrade timed out (fabric8: "Exec
   * WebSocket upgrade did not complete after N ms") or the connection closed during the handshake
   * (netty: "Connection closed while handshake in process", which is what a timed-out upgrade
   * sometimes surfaces as), as opposed to a refusal or an error. Either way the command never ran.
   */
  static boolean upgradeTimedOut(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (t instanceof TimeoutException
          || message.contains("upgrade did not complete")
          || message.contains("closed while handshake")) {
        return true;
      }
    }
    return false;
  }

  /** A failed command as an exception naming the command, the container and the output. */
  static AttackException failed(ObjectRef target, List<String> argv, Result result) {
    String command = String.join(" ", argv);
    if (result.exitCode() == NOT_FOUND) {
      return new AttackException(
          "cannot run '"
              + command
              + "' in "
              + target.display()
              + ": the image has no '"
              + argv.getFirst()
              + "' executable (exit code 127). This attack needs it in the container;"
              + " distroless and scratch images do not have it");
    }
    return new AttackException(
        "'"
            + command
            + "' failed in "
            + target.display()
            + " with exit code "
            + result.exitCode()
            + (result.detail().isEmpty() ? "" : ": " + result.detail()));
  }
}
