package dev.faultline.safety;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks for an explicit confirmation before a run against a protected context: the command line must
 * contain {@code --yes-i-mean-CONTEXT}, spelled exactly (same case, no {@code =value}), so that a
 * habit or a copied command for another cluster does not reach production.
 */
public final class RunGuard {

  /** The confirmation flag is this prefix followed by the context name. */
  public static final String FLAG_PREFIX = "--yes-i-mean-";

  private final ProtectedContexts protectedContexts;

  /**
   * Creates a guard.
   *
   * @param protectedContexts the protected contexts, as loaded
   */
  public RunGuard(ProtectedContexts protectedContexts) {
    this.protectedContexts = Objects.requireNonNull(protectedContexts, "protectedContexts");
  }

  /** The flag that confirms a run against {@code context}: {@code --yes-i-mean-prod-eu}. */
  public static String flag(String context) {
    return FLAG_PREFIX + context;
  }

  /**
   * Decides whether a run against {@code context} may go ahead.
   *
   * @param context the kubeconfig context the run would use
   * @param cliArgs the command-line arguments, as given
   */
  public Confirmation confirm(String context, List<String> cliArgs) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(cliArgs, "cliArgs");
    if (!protectedContexts.isProtected(context)) {
      return new Confirmation(Confirmation.Outcome.NOT_PROTECTED, context, "");
    }
    String flag = flag(context);
    if (cliArgs.contains(flag)) {
      return new Confirmation(
          Confirmation.Outcome.CONFIRMED,
          context,
          "running against protected context \"" + context + "\" (confirmed with " + flag + ")");
    }
    Optional<String> nearMiss =
        cliArgs.stream()
            .filter(arg -> arg.regionMatches(true, 0, FLAG_PREFIX, 0, FLAG_PREFIX.length()))
            .findFirst();
    String message =
        nearMiss
            .map(
                arg ->
                    "context \""
                        + context
                        + "\" is protected, and "
                        + arg
                        + " does not confirm it: write exactly "
                        + flag)
            .orElse(
                "context \""
                    + context
                    + "\" is protected (production): to run against it, add "
                    + flag
                    + " to the command line, or lift the protection with: faultline contexts"
                    + " unprotect "
                    + shellWord(context));
    return new Confirmation(Confirmation.Outcome.REFUSED, context, message);
  }

  /** {@code word}, single-quoted when a shell would split or expand it. */
  static String shellWord(String word) {
    return word.matches("[A-Za-z0-9._:/@+=,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
