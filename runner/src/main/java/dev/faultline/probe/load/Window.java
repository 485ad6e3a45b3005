package dev.faultline.probe.load;

/**
 * One finished window of a load.
 *
 * @param index 0 for the first window
 * @param fromNanos start of the window's span of the schedule, after the start of the load
 * @param toNanos end of that span (the last window of a step ends with its duration)
 * @param scheduled the requests the schedule made due in the span (fractional: {@code N(to) −
 *     N(from)})
 * @param tally what happened to the requests that finished in the window
 * @param last whether the load ended with this window
 */
record Window(
    int index, long fromNanos, long toNanos, double scheduled, Tally tally, boolean last) {
  long spanNanos() {
    return toNanos - fromNanos;
  }
}
