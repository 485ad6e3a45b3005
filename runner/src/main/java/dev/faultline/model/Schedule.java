package dev.faultline.model;

/**
 * {@code spec.schedule}: run the experiment at the times of a cron expression.
 *
 * @param cron five-field cron, a macro such as {@code @daily}, or {@code @every 5m}; see {@link
 *     dev.faultline.model.cron.CronExpression}
 * @param timeZone IANA zone the cron is read in; {@code null}: UTC
 * @param concurrency what a firing does while the previous run still goes; {@code null}: forbid
 * @param historyLimit how many finished runs Chaos Mesh keeps (export only); {@code null}: its
 *     default
 */
public record Schedule(
    String cron,
    String timeZone,
    ScheduleConcurrency concurrency,
    Integer historyLimit,
    Extras extras) {
  public Schedule {
    extras = extras == null ? Extras.NONE : extras;
  }

  public ScheduleConcurrency effectiveConcurrency() {
    return concurrency == null ? ScheduleConcurrency.FORBID : concurrency;
  }

  public String effectiveTimeZone() {
    return timeZone == null ? "UTC" : timeZone;
  }
}
