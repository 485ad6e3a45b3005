package dev.faultline.cli;

import picocli.CommandLine;

/** Entry point of the {@code faultline} launcher. */
public final class Main {
  private Main() {}

  /**
   * fabric8 warns once per custom resource type whose API version is alpha or beta ("The client is
   * using resource type 'podchaos' with unstable version 'v1alpha1'"): every Chaos Mesh kind is
   * v1alpha1, so on a terminal this is noise between our own lines. Held in a field because the log
   * manager keeps loggers only weakly.
   */
  private static final java.util.logging.Logger UNSTABLE_VERSION_NOTICE =
      java.util.logging.Logger.getLogger(
          "io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils");

  /**
   * Closing a fabric8 client while Vert.x still completes a connection it is closing (a second
   * context's client after the overlap check of a multi-cluster run, say) makes Netty log a SEVERE
   * "Failed to submit a listener notification task. Event loop shut down?" with a stack trace: the
   * connection is gone either way, so on a terminal it is only alarming noise.
   */
  private static final java.util.logging.Logger CLOSED_EVENT_LOOP_NOTICE =
      java.util.logging.Logger.getLogger("io.netty.util.concurrent.DefaultPromise");

  public static void main(String[] args) {
    UNSTABLE_VERSION_NOTICE.setLevel(java.util.logging.Level.SEVERE);
    CLOSED_EVENT_LOOP_NOTICE.setLevel(java.util.logging.Level.OFF);
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests, which must not exit the JVM). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The command line as the launcher builds it; {@code docs/cli.md} is generated from it. */
  public static CommandLine commandLine() {
    return commandLine(CliEnvironment.system());
  }

  /** The command line with an injected environment (tests pass a temporary home and data dir). */
  static CommandLine commandLine(CliEnvironment environment) {
    return commandLine(environment, dev.faultline.attack.AttackExecutors::builtIn);
  }

  /** The command line with injected attack executors (tests roll back with test executors). */
  static CommandLine commandLine(
      CliEnvironment environment,
      java.util.function.Supplier<dev.faultline.attack.AttackExecutors> executors) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            if (type == ContextsCommand.class) {
              return type.cast(new ContextsCommand(environment));
            }
            if (type == RunCommand.class) {
              return type.cast(new RunCommand(environment));
            }
            if (type == WorkflowCommand.Run.class) {
              return type.cast(new WorkflowCommand.Run(environment));
            }
            if (type == StopCommand.class) {
              return type.cast(new StopCommand(environment, executors));
            }
            if (type == RunsCommand.class) {
              return type.cast(new RunsCommand(environment));
            }
            if (type == StatusCommand.class) {
              return type.cast(new StatusCommand(environment));
            }
            if (type == CatalogCommand.class) {
              return type.cast(new CatalogCommand(environment));
            }
            if (type == CleanupCommand.class) {
              return type.cast(new CleanupCommand(environment, executors));
            }
            return defaults.create(type);
          }
        };
    return new CommandLine(new FaultlineCommand(), factory)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new InternalErrors());
  }
}
