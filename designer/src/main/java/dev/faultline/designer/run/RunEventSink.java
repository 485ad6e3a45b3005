package dev.faultline.designer.run;

import dev.faultline.engine.RunEvent;
import java.util.List;

/**
 * A part of the run view fed with a run's events. The run view model collects events from the
 * runner's threads and hands them over on the FX thread, once per pulse, as one batch in run order:
 * never one call per event.
 */
@FunctionalInterface
public interface RunEventSink {
  /** Called on the FX thread with the events that arrived since the last call, in order. */
  void accept(List<RunEvent> batch);
}
