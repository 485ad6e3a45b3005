package dev.faultline.safety;

import dev.faultline.attack.Fault;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a rollback journal file holds, as read back (by {@code faultline cleanup}, {@code stop} and
 * the start-up warning).
 *
 * @param file the journal file
 * @param runId the run the journal belongs to
 * @param experiment the experiment's name, empty when the journal does not say
 * @param context the run's kubeconfig context, empty when the journal does not say
 * @param startedAt when the run started; {@code null} when the journal does not say
 * @param recorded every fault recorded, in order
 * @param outcomes fault id → outcome, for the faults marked done
 * @param damagedLines lines that could not be read (a write torn by a crash); they are skipped
 */
public record JournalContents(
    Path file,
    String runId,
    String experiment,
    String context,
    Instant startedAt,
    List<Fault> recorded,
    Map<String, String> outcomes,
    int damagedLines) {

  public JournalContents {
    recorded = List.copyOf(recorded);
    outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    experiment = experiment == null ? "" : experiment;
    context = context == null ? "" : context;
  }

  /** The faults recorded and not done, in the order they were recorded. */
  public List<Fault> open() {
    return recorded.stream().filter(f -> !outcomes.containsKey(f.id())).toList();
  }

  /** Whether any fault is still open. */
  public boolean hasOpenFaults() {
    return recorded.stream().anyMatch(f -> !outcomes.containsKey(f.id()));
  }

  /** The outcome a fault was marked done with, if it was. */
  public Optional<String> outcome(String faultId) {
    return Optional.ofNullable(outcomes.get(faultId));
  }
}
