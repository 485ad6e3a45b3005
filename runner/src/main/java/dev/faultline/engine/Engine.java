package dev.faultline.engine;

import dev.faultline.model.Experiment;
import java.util.List;

/**
 * Runs experiments against one cluster context.
 *
 * <pre>{@code
 * RunHandle run = new Engine(environment).start(experiment, RunOptions.defaults(id), listener);
 * RunResult result = run.result().join();
 * }</pre>
 *
 * The experiment must be valid (see {@link dev.faultline.validate.Validator}); the engine checks
 * again what it relies on (executors exist, targets resolve, permissions) before it applies
 * anything. Protected-context confirmation is the caller's job ({@link
 * dev.faultline.safety.RunGuard}), before calling {@link #start}.
 */
public final class Engine {
  private final RunEnvironment environment;

  public Engine(RunEnvironment environment) {
    this.environment = environment;
  }

  /** Starts a run on its own threads and returns at once. */
  public RunHandle start(Experiment experiment, RunOptions options, RunListener... listeners) {
    var run = new Run(experiment, environment, options, List.of(listeners));
    run.start();
    return new RunHandle(run);
  }
}
