package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.AttackRequest;
import dev.faultline.catalog.ParamValues;
import dev.faultline.model.LabelSelector;
import dev.faultline.model.LabelSelectorException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code chaosmesh.network} → NetworkChaos: one tc block per action ({@code delay.latency}, {@code
 * loss.loss}, {@code bandwidth{rate, limit, buffer}}...), with the webhook's direction rules:
 * {@code from} and {@code both} need a {@code target} (the peer pods), except a partition from
 * external targets; external targets go with direction {@code to} only, except for partition.
 */
final class NetworkChaosSpec implements ChaosSpec {
  private static final String ID = "chaosmesh.network";
  private static final Pattern RATE =
      Pattern.compile("\\d+(?:\\.\\d+)?(?:bit|kbit|mbit|gbit|tbit|bps|kbps|mbps|gbps|tbps)");
  private static final Set<String> WITH_CORRELATION =
      Set.of("delay", "loss", "duplicate", "corrupt");
  private static final Set<String> WITH_PERCENT = Set.of("loss", "duplicate", "corrupt");

  @Override
  public void write(AttackRequest request, String namespace, ObjectNode spec)
      throws ChaosParamException {
    ParamValues params = request.params();
    String action = params.string("action");
    spec.put("action", action);
    onlyFor(params, action, "latency", Set.of("delay"));
    onlyFor(params, action, "jitter", Set.of("delay"));
    onlyFor(params, action, "percent", WITH_PERCENT);
    onlyFor(params, action, "correlation", WITH_CORRELATION);
    onlyFor(params, action, "rate", Set.of("bandwidth"));
    Optional<String> correlation = params.optionalDouble("correlation").map(ChaosValues::percent);
    switch (action) {
      case "delay" -> {
        Duration latency =
            params
                .optionalDuration("latency")
                .orElseThrow(() -> missing("action delay needs 'latency', such as 300ms"));
        ObjectNode delay = spec.putObject("delay");
        delay.put("latency", ChaosValues.goDuration(latency));
        params
            .optionalDuration("jitter")
            .ifPresent(j -> delay.put("jitter", ChaosValues.goDuration(j)));
        correlation.ifPresent(c -> delay.put("correlation", c));
      }
      case "loss", "duplicate", "corrupt" -> {
        String percent =
            params
                .optionalDouble("percent")
                .map(ChaosValues::percent)
                .orElseThrow(
                    () ->
                        missing(
                            "action "
                                + action
                                + " needs 'percent', the share of packets, such as 20"));
        ObjectNode block = spec.putObject(action);
        block.put(action, percent);
        correlation.ifPresent(c -> block.put("correlation", c));
      }
      case "bandwidth" -> {
        String rate =
            params
                .optionalString("rate")
                .map(r -> r.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> missing("action bandwidth needs 'rate', such as 1mbps"));
        if (!RATE.matcher(rate).matches()) {
          throw missing(
              "'rate' is '"
                  + rate
                  + "'; write a number and a unit: bit, kbit, mbit, gbit, tbit, bps, kbps, mbps,"
                  + " gbps or tbps (bps is bytes per second), such as 1mbps");
        }
        ObjectNode bandwidth = spec.putObject("bandwidth");
        bandwidth.put("rate", rate);
        bandwidth.put("limit", params.longValue("limit"));
        bandwidth.put("buffer", params.longValue("buffer"));
      }
      case "partition" -> {}
      default ->
          throw missing(
              "'action' is '"
                  + action
                  + "'; use delay, loss, duplicate, corrupt, partition or bandwidth");
    }
    direction(request, namespace, action, spec);
  }

  private static void direction(
      AttackRequest request, String namespace, String action, ObjectNode spec)
      throws ChaosParamException {
    ParamValues params = request.params();
    String direction = params.string("direction");
    List<String> external = params.stringList("externalTargets");
    Optional<String> peer = params.optionalString("peerLabelSelector").filter(s -> !s.isBlank());
    List<String> peerNamespaces = params.stringList("peerNamespaces");
    boolean partition = action.equals("partition");
    boolean toOnly = direction.equals("to");
    if (!toOnly && !external.isEmpty() && !partition) {
      throw missing(
          "'externalTargets' works with direction to only (except for action partition);"
              + " remove 'direction: "
              + direction
              + "' or the external targets");
    }
    if (!toOnly && peer.isEmpty() && !(partition && !external.isEmpty())) {
      throw missing(
          "direction "
              + direction
              + " needs the pods on the other side of the traffic: set 'peerLabelSelector'"
              + " (and 'peerNamespaces'), or use direction to");
    }
    if (peer.isEmpty() && !peerNamespaces.isEmpty()) {
      throw missing("'peerNamespaces' needs 'peerLabelSelector' to say which pods");
    }
    spec.put("direction", direction);
    if (peer.isPresent()) {
      // Without peerNamespaces the peers are looked for beside the target pods, whose namespace
      // the target resolution has already checked against the policy.
      List<String> namespaces = peerNamespaces.isEmpty() ? List.of(namespace) : peerNamespaces;
      for (String ns : peerNamespaces) {
        if (!request.namespaces().permits(ns)) {
          throw missing("peer namespace '" + ns + "' is not permitted by spec.safety.namespaces");
        }
      }
      ObjectNode target = spec.putObject("target");
      ObjectNode selector = target.putObject("selector");
      ArrayNode ns = selector.putArray("namespaces");
      namespaces.forEach(ns::add);
      selector(peer.get(), selector);
      target.put("mode", "all");
    }
    if (!external.isEmpty()) {
      ArrayNode targets = spec.putArray("externalTargets");
      external.forEach(targets::add);
    }
  }

  /** A label selector as Chaos Mesh's {@code labelSelectors} and {@code expressionSelectors}. */
  private static void selector(String text, ObjectNode selector) throws ChaosParamException {
    LabelSelector parsed;
    try {
      parsed = LabelSelector.parse(text);
    } catch (LabelSelectorException e) {
      throw missing("'peerLabelSelector' is not a label selector: " + e.getMessage());
    }
    for (LabelSelector.Requirement r : parsed.requirements()) {
      String operator =
          switch (r.operator()) {
            case EQUALS -> null;
            case NOT_EQUALS, NOT_IN -> "NotIn";
            case IN -> "In";
            case EXISTS -> "Exists";
            case NOT_EXISTS -> "DoesNotExist";
            case GREATER_THAN, LESS_THAN ->
                throw missing(
                    "'peerLabelSelector': Chaos Mesh selectors cannot compare numbers ("
                        + r
                        + "); use =, !=, in, notin or exists");
          };
      if (operator == null) {
        selector.withObjectProperty("labelSelectors").put(r.key(), r.values().getFirst());
      } else {
        ObjectNode expression = selector.withArrayProperty("expressionSelectors").addObject();
        expression.put("key", r.key());
        expression.put("operator", operator);
        if (!r.values().isEmpty()) {
          ArrayNode values = expression.putArray("values");
          r.values().forEach(values::add);
        }
      }
    }
  }

  private static void onlyFor(ParamValues params, String action, String param, Set<String> actions)
      throws ChaosParamException {
    if (params.raw(param).isPresent() && !actions.contains(action)) {
      throw missing(
          "'"
              + param
              + "' applies to action "
              + String.join(", ", actions.stream().sorted().toList())
              + ", not "
              + action
              + "; remove it");
    }
  }

  private static ChaosParamException missing(String message) {
    return new ChaosParamException(ID, message);
  }

  @Override
  public String summary(AttackRequest request) {
    ParamValues params = request.params();
    String action = params.string("action");
    String what =
        switch (action) {
          case "delay" ->
              "delay "
                  + params.optionalString("latency").orElse("?")
                  + params.optionalString("jitter").map(j -> " ± " + j).orElse("");
          case "loss", "duplicate", "corrupt" ->
              action + " " + params.optionalString("percent").orElse("?") + "%";
          case "bandwidth" -> "bandwidth " + params.optionalString("rate").orElse("?");
          default -> action;
        };
    String direction = params.string("direction");
    return what + (direction.equals("to") ? "" : " (" + direction + ")");
  }
}
