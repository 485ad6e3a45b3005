package dev.faultline.designer.canvas;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.Descriptor;
import dev.faultline.model.AttackStep;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import dev.faultline.model.Params;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Step;
import dev.faultline.model.Target;
import dev.faultline.model.WaitStep;
import dev.faultline.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words on a step card and in its accessible description, from the step, its descriptor and its
 * target. Plain Java so the wording is unit-tested.
 */
public final class StepText {

  static final String SEPARATOR = " \u00b7 ";

  /** Parameter values longer than this are left off the card's one summary line. */
  private static final int MAX_VALUE_LENGTH = 40;

  /**
   * The lines of a card.
   *
   * @param title the step id
   * @param subtitle what the step does: the descriptor title, "Wait", "Manual gate"
   * @param detail key parameters: {@code SIGSTOP · java}, {@code until failing ≤ 10s}
   * @param context what it acts on: {@code checkout · app=checkout · 50%}, or a URL
   */
  public record Lines(String title, String subtitle, String detail, String context) {}

  private final Catalog catalog;

  public StepText(Catalog catalog) {
    this.catalog = catalog;
  }

  public Lines lines(Step step, Experiment experiment) {
    return switch (step) {
      case AttackStep a ->
          new Lines(
              a.id(),
              title(a.attack(), "attack") + elsewhere(a, experiment),
              attackDetail(a),
              targetSummary(a.target(), experiment, "no target"));
      case ProbeStep p ->
          new Lines(
              p.id(),
              title(p.probe(), "probe") + elsewhere(p, experiment),
              probeDetail(p),
              p.target() != null
                  ? targetSummary(p.target(), experiment, "")
                  : firstAddress(p.with()).orElse(""));
      case WaitStep w ->
          new Lines(w.id(), "Wait", "wait " + (w.duration() == null ? "?" : w.duration()), "");
      case GateStep g -> new Lines(g.id(), "Manual gate", nullToEmpty(g.gate()), gateContext(g));
    };
  }

  /**
   * {@code " in west"} when the step acts on, or reads, another cluster than the experiment's own
   * ({@code spec.context}, else the context picked when running), so a multi-cluster graph reads at
   * a glance; empty otherwise. The engine titles such steps the same way.
   */
  static String elsewhere(Step step, Experiment experiment) {
    String context = ClusterContexts.ofStep(experiment.spec(), step);
    if (context == null || context.equals(experiment.spec().context())) {
      return "";
    }
    return " in " + context;
  }

  /** The icon of the step's descriptor, or the kind's own. */
  public String iconId(Step step) {
    String descriptorId =
        switch (step) {
          case AttackStep a -> a.attack();
          case ProbeStep p -> p.probe();
          default -> null;
        };
    return Optional.ofNullable(descriptorId)
        .flatMap(catalog::find)
        .map(Descriptor::iconId)
        .orElse(StepKind.of(step).fallbackIcon());
  }

  /**
   * What a screen reader says for a focused card: {@code Attack freeze: Signal a process (SIGSTOP,
   * java) on target checkout, runs after none, 1 error}.
   */
  public String accessibleDescription(Step step, Lines lines, List<Problem> problems) {
    var text = new StringBuilder();
    text.append(StepKind.of(step).word()).append(' ').append(step.id()).append(": ");
    text.append(lines.subtitle());
    String detail = lines.detail().replace(SEPARATOR, ", ");
    if (!detail.isEmpty() && !(step instanceof GateStep)) {
      text.append(" (").append(detail).append(')');
    }
    String target =
        switch (step) {
          case AttackStep a -> a.target();
          case ProbeStep p -> p.target();
          default -> null;
        };
    if (target != null) {
      text.append(" on target ").append(target);
    }
    if (step instanceof GateStep g && g.gate() != null) {
      text.append(" asking \u201c").append(g.gate()).append('\u201d');
    }
    text.append(", runs after ")
        .append(step.after().isEmpty() ? "none" : String.join(" and ", step.after()));
    long errors = problems.stream().filter(Problem::isError).count();
    long warnings = problems.size() - errors;
    if (errors > 0) {
      text.append(", ").append(count(errors, "error"));
    }
    if (warnings > 0) {
      text.append(", ").append(count(warnings, "warning"));
    }
    if (problems.isEmpty()) {
      text.append(", no problems");
    }
    return text.toString();
  }

  private String title(String descriptorId, String role) {
    if (descriptorId == null) {
      return "No " + role + " type";
    }
    return catalog.find(descriptorId).map(Descriptor::title).orElse(descriptorId);
  }

  private static String attackDetail(AttackStep step) {
    List<String> parts = new ArrayList<>(scalarValues(step.with(), 3));
    if (step.duration() != null) {
      parts.add("for " + step.duration());
    }
    return parts.isEmpty() ? "no parameters" : String.join(SEPARATOR, parts);
  }

  private static String probeDetail(ProbeStep step) {
    String limit = step.timeout() == null ? "" : " \u2264 " + step.timeout();
    if (step.until() != null) {
      return "until " + step.until().keyword() + limit;
    }
    String retries =
        step.effectiveRetries() > 0 ? SEPARATOR + step.effectiveRetries() + " retries" : "";
    return "check once" + limit + retries;
  }

  private static String gateContext(GateStep gate) {
    if (gate.timeout() == null) {
      return "waits for an answer";
    }
    return "after " + gate.timeout() + ": " + gate.effectiveOnTimeout().keyword();
  }

  /** {@code checkout · app=checkout · 50%}: the target's name, how it selects, how many. */
  static String targetSummary(String name, Experiment experiment, String none) {
    if (name == null) {
      return none;
    }
    Target target = experiment.spec().targets().get(name);
    if (target == null) {
      return name + SEPARATOR + "missing";
    }
    List<String> parts = new ArrayList<>();
    parts.add(name);
    if (target.labelSelector() != null) {
      parts.add(target.labelSelector());
    } else if (target.podName() != null) {
      parts.add(target.podName());
    } else if (target.owner() != null) {
      parts.add("owned");
    }
    parts.add(radius(target.effectiveBlastRadius()));
    return String.join(SEPARATOR, parts);
  }

  private static String radius(BlastRadius radius) {
    String value = radius.value() == null ? "?" : radius.value().toString();
    return switch (radius.mode()) {
      case ALL -> "all";
      case ONE -> "one";
      case COUNT -> value + (radius.value() != null && radius.value() == 1 ? " pod" : " pods");
      case PERCENT -> value + "%";
      case MAX_PERCENT -> "\u2264 " + value + "%";
    };
  }

  /** Short scalar parameter values in file order; lists, maps and long texts stay off the card. */
  private static List<String> scalarValues(Params params, int max) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, Object> entry : params.values().entrySet()) {
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> || value instanceof List<?> || value == null) {
        continue;
      }
      String text = value.toString();
      if (!text.isBlank() && text.length() <= MAX_VALUE_LENGTH && !text.contains("\n")) {
        values.add(text);
      }
      if (values.size() == max) {
        break;
      }
    }
    return values;
  }

  /** The first URL among the parameters, without its scheme: where an HTTP probe looks. */
  private static Optional<String> firstAddress(Params params) {
    for (Object value : params.values().values()) {
      if (value instanceof String text && text.matches("(?i)https?://.*")) {
        return Optional.of(text.replaceFirst("(?i)^https?://", ""));
      }
    }
    return Optional.empty();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
