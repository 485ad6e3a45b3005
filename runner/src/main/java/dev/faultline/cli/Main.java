package dev.faultline.cli;

import picocli.CommandLine;

/** Entry point of the {@code faultline} launcher. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests, which must not exit the JVM). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
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
        .setCaseInsensitiveEnumValuesAllowed(true);
  }
}
