package dev.faultline.cli;

import dev.faultline.engine.LoopResult;
import dev.faultline.engine.LoopRun;
import dev.faultline.engine.Verdict;
import dev.faultline.model.Schedule;
import dev.faultline.model.ScheduleConcurrency;
import dev.faultline.model.cron.CronExpression;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code faultline run} of an experiment with {@code spec.schedule}: waits for each firing of the
 * cron (printing when the next one is), starts a run for it, and goes on until {@code --max-runs}
 * runs have started or the process is stopped, when running runs are cancelled and rolled back.
 * With {@code concurrency: forbid} a firing while the previous run still goes is skipped and said.
 */
final class ScheduledRuns {
  private final Schedule schedule;
  private final CronExpression cron;
  private final ZoneId zone;
  private final Clock clock;
  private final PrintWriter err;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Set<LoopRun> active = ConcurrentHashMap.newKeySet();

  ScheduledRuns(Schedule schedule, Clock clock, PrintWriter err) {
    this.schedule = schedule;
    this.cron = CronExpression.parse(schedule.cron());
    this.zone = ZoneId.of(schedule.effectiveTimeZone());
    this.clock = clock;
    this.err = err;
  }

  /**
   * Runs firings until {@code maxRuns} (null: no limit) have started and finished, or {@link
   * #stop}.
   *
   * @param firing starts the run of one firing, given its run id suffix-free name
   * @param runId the run id for a firing at a time
   * @param onFinished called with each finished run, on the run's thread
   * @return the worst verdict of the runs, passed when none ran
   */
  Verdict run(
      Function<String, LoopRun> firing,
      Function<Instant, String> runId,
      Integer maxRuns,
      java.util.function.Consumer<LoopResult> onFinished)
      throws InterruptedException {
    Thread hook =
        new Thread(
            () -> stop("a signal to the faultline process (Ctrl-C or SIGTERM)"),
            "faultline-schedule-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    List<Future<LoopResult>> runs = new ArrayList<>();
    int started = 0;
    Instant after = clock.instant();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      while (maxRuns == null || started < maxRuns) {
        Optional<Instant> next = cron.next(after, zone);
        if (next.isEmpty()) {
          err.println("schedule: '" + cron + "' never fires again");
          break;
        }
        err.println(
            "schedule: next run at "
                + ZonedDateTime.ofInstant(next.get().truncatedTo(ChronoUnit.SECONDS), zone)
                + " ("
                + cron
                + ")");
        err.flush();
        Duration wait = Duration.between(clock.instant(), next.get());
        if (!wait.isNegative() && stopped.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
          break;
        }
        if (stopped.getCount() == 0) {
          break;
        }
        after = next.get();
        if (!active.isEmpty() && schedule.effectiveConcurrency() == ScheduleConcurrency.FORBID) {
          err.println(
              "schedule: skipped the run at "
                  + ZonedDateTime.ofInstant(next.get().truncatedTo(ChronoUnit.SECONDS), zone)
                  + ": the previous run is still going (concurrency: forbid)");
          err.flush();
          continue;
        }
        LoopRun run = firing.apply(runId.apply(next.get()));
        active.add(run);
        started++;
        runs.add(
            executor.submit(
                () -> {
                  try {
                    LoopResult result = run.run();
                    onFinished.accept(result);
                    return result;
                  } finally {
                    active.remove(run);
                  }
                }));
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook cancels the running runs and the executor's close waited for them
      }
    }
    Verdict worst = Verdict.PASSED;
    for (Future<LoopResult> run : runs) {
      try {
        Verdict verdict = run.get().verdict();
        if (verdict.exitCode() > worst.exitCode()) {
          worst = verdict;
        }
      } catch (java.util.concurrent.ExecutionException e) {
        err.println("schedule: a run crashed: " + e.getCause());
        worst = Verdict.ERROR;
      }
    }
    return worst;
  }

  /** Starts no further run and cancels the running ones (each rolls back). */
  void stop(String by) {
    stopped.countDown();
    active.forEach(run -> run.cancel(by));
  }
}
