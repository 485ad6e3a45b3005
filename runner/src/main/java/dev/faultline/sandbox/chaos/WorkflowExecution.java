package dev.faultline.sandbox.chaos;

import dev.faultline.sandbox.world.ClusterView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Workflow as Chaos Mesh's workflow controller runs it. Every template instance becomes a
 * {@code WorkflowNode} ({@code TEMPLATE-xxxxx}) when it starts: Serial starts its children one
 * after the other, Parallel all at once, and each finishes with condition {@code Accomplished} when
 * its children have; a node whose {@code deadline} passes first ends with {@code DeadlineExceed},
 * and so do its running children. Chaos nodes create their chaos object (named like the node,
 * condition {@code ChaosInjected}) and delete it at their deadline; Suspend waits its deadline;
 * Schedule creates a {@code Schedule} and its chaos objects on every {@code @every} tick;
 * StatusCheck creates a {@code StatusCheck} and makes the HTTP checks (see {@link StatusCheckRun});
 * a failed check with {@code abortWithStatusCheck} aborts the workflow. The Workflow's status
 * carries {@code entryNode}, {@code startTime}, {@code endTime} and the conditions {@code
 * Scheduled}, {@code Accomplished} and {@code Aborted}.
 *
 * <p>Confined to the controller's single loop thread: every method runs there.
 */
final class WorkflowExecution {
  private static final System.Logger LOG = System.getLogger(WorkflowExecution.class.getName());
  private static final int MAX_DEPTH = 20;

  private final ClusterView cluster;
  private final Clock clock;
  private final ScheduledExecutorService loop;
  private final JsonNode workflow;
  private final String namespace;
  private final String name;
  private final Map<String, JsonNode> templates = new HashMap<>();
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final SplittableRandom random;
  private boolean ended;

  /** What this controller keeps of one running node. */
  private final class Node {
    final String name;
    final JsonNode template;
    final String type;
    final Node parent;
    final int depth;
    final List<String> pending = new ArrayList<>();
    final Set<String> active = new LinkedHashSet<>();
    final List<String> finished = new ArrayList<>();
    final List<ScheduledFuture<?>> timers = new ArrayList<>();
    final List<String[]> created = new ArrayList<>(); // plural, name
    StatusCheckRun check;
    boolean done;

    Node(String name, JsonNode template, Node parent) {
      this.name = name;
      this.template = template;
      this.type = template.path("templateType").asString();
      this.parent = parent;
      this.depth = parent == null ? 0 : parent.depth + 1;
    }
  }

  WorkflowExecution(
      ClusterView cluster, Clock clock, ScheduledExecutorService loop, JsonNode workflow) {
    this.cluster = cluster;
    this.clock = clock;
    this.loop = loop;
    this.workflow = workflow;
    this.namespace = workflow.path("metadata").path("namespace").asString();
    this.name = workflow.path("metadata").path("name").asString();
    this.random = new SplittableRandom(workflow.path("metadata").path("uid").asString().hashCode());
    workflow
        .path("spec")
        .path("templates")
        .forEach(t -> templates.put(t.path("name").asString(), t));
  }

  String name() {
    return name;
  }

  void start() {
    String entry = workflow.path("spec").path("entry").asString();
    JsonNode template = templates.get(entry);
    if (template == null) {
      updateWorkflow(
          status ->
              WorkflowObjects.condition(
                  status, "Scheduled", false, "entry template " + entry + " not found", now()));
      return;
    }
    Node root = startNode(template, null);
    updateWorkflow(
        status -> {
          status.put("entryNode", root.name);
          status.put("startTime", now().toString());
          WorkflowObjects.condition(status, "Scheduled", true, "", now());
          WorkflowObjects.condition(status, "Accomplished", false, "", now());
        });
  }

  private Node startNode(JsonNode template, Node parent) {
    String nodeName = template.path("name").asString() + "-" + suffix();
    Node node = new Node(nodeName, template, parent);
    nodes.put(nodeName, node);
    Optional<Duration> deadline = GoDuration.parse(template.path("deadline").asString(null));
    Instant start = now();
    cluster.create(
        "workflownodes",
        WorkflowObjects.node(
            workflow,
            nodeName,
            parent == null ? null : parent.name,
            template,
            start,
            deadline.map(start::plus).orElse(null)));
    deadline.ifPresent(
        d ->
            node.timers.add(
                loop.schedule(
                    () -> safely(() -> finish(node, "DeadlineExceed", "deadline exceeded")),
                    d.toMillis(),
                    TimeUnit.MILLISECONDS)));
    String type = node.type;
    switch (type) {
      case "Serial" -> {
        template.path("children").forEach(c -> node.pending.add(c.asString()));
        startNextChild(node);
      }
      case "Parallel" -> {
        template.path("children").forEach(c -> node.pending.add(c.asString()));
        if (node.pending.isEmpty()) {
          finish(node, "Accomplished", "no children");
        }
        while (!node.pending.isEmpty() && !node.done) {
          startChild(node, node.pending.removeFirst());
        }
      }
      case "Suspend" -> {
        if (deadline.isEmpty()) {
          finish(node, "Accomplished", "suspend without deadline");
        }
      }
      case "Schedule" -> startSchedule(node);
      case "StatusCheck" -> startStatusCheck(node);
      default -> {
        if (WorkflowObjects.CHAOS_PLURALS.containsKey(type)) {
          injectChaos(node);
        } else {
          // Task and the chaos kinds the sandbox does not simulate: recorded, nothing happens.
          finish(node, "Accomplished", type + " is not simulated by the sandbox");
        }
      }
    }
    return node;
  }

  private void startNextChild(Node node) {
    if (node.done) {
      return;
    }
    if (node.pending.isEmpty()) {
      finish(node, "Accomplished", "");
      return;
    }
    startChild(node, node.pending.removeFirst());
  }

  /** Starts one child; it may end at once (and tell its parent) before this returns. */
  private void startChild(Node node, String childTemplate) {
    JsonNode template = templates.get(childTemplate);
    if (template == null || node.depth >= MAX_DEPTH) {
      LOG.log(System.Logger.Level.WARNING, "workflow {0}: no template {1}", name, childTemplate);
      afterChild(node);
      return;
    }
    Node child = startNode(template, node);
    if (!child.done) {
      node.active.add(child.name);
    }
    writeChildren(node);
  }

  private void childFinished(Node parent, Node child) {
    parent.active.remove(child.name);
    parent.finished.add(child.name);
    writeChildren(parent);
    afterChild(parent);
  }

  /** Serial starts its next child; either ends when nothing is left to start or running. */
  private void afterChild(Node parent) {
    if (parent.done) {
      return;
    }
    if (parent.type.equals("Serial")) {
      startNextChild(parent);
    } else if (parent.active.isEmpty() && parent.pending.isEmpty()) {
      finish(parent, "Accomplished", "");
    }
  }

  private void writeChildren(Node node) {
    updateNode(
        node,
        status -> {
          WorkflowObjects.children(status, "activeChildren", node.active);
          WorkflowObjects.children(status, "finishedChildren", node.finished);
        });
  }

  private void injectChaos(Node node) {
    String kind = node.type;
    JsonNode spec = node.template.path(WorkflowObjects.embedKey(kind));
    String plural = WorkflowObjects.CHAOS_PLURALS.get(kind);
    Optional<ObjectNode> created =
        cluster.create(
            plural, WorkflowObjects.controlled(nodeObject(node), kind, node.name, spec, name));
    node.created.add(new String[] {plural, node.name});
    updateNode(
        node,
        status -> {
          status
              .putObject("chaosResource")
              .put("apiGroup", "chaos-mesh.org")
              .put("kind", kind)
              .put("name", node.name);
          WorkflowObjects.condition(
              status,
              "ChaosInjected",
              created.isPresent(),
              created.isPresent() ? "" : "the API refused the " + kind,
              now());
        });
  }

  /**
   * A Schedule node: the {@code Schedule} object, and a chaos object of its {@code type} on every
   * {@code @every} tick (a cron expression fires once, at the start) until the node ends.
   */
  private void startSchedule(Node node) {
    JsonNode schedule = node.template.path("schedule");
    String kind = schedule.path("type").asString();
    cluster.create(
        "schedules",
        WorkflowObjects.controlled(nodeObject(node), "Schedule", node.name, schedule, name));
    node.created.add(new String[] {"schedules", node.name});
    updateNode(
        node,
        status ->
            status
                .putObject("chaosResource")
                .put("apiGroup", "chaos-mesh.org")
                .put("kind", "Schedule")
                .put("name", node.name));
    if (!WorkflowObjects.CHAOS_PLURALS.containsKey(kind)) {
      return;
    }
    String every = schedule.path("schedule").asString("");
    Optional<Duration> period =
        every.startsWith("@every ") ? GoDuration.parse(every.substring(7)) : Optional.empty();
    int[] tick = {0};
    Runnable fire =
        () ->
            safely(
                () -> {
                  if (node.done) {
                    return;
                  }
                  String chaosName = node.name + "-" + tick[0]++;
                  String plural = WorkflowObjects.CHAOS_PLURALS.get(kind);
                  cluster.create(
                      plural,
                      WorkflowObjects.controlled(
                          nodeObject(node),
                          kind,
                          chaosName,
                          schedule.path(WorkflowObjects.embedKey(kind)),
                          name));
                  node.created.add(new String[] {plural, chaosName});
                });
    if (period.isPresent() && !period.get().isZero()) {
      node.timers.add(
          loop.scheduleAtFixedRate(
              fire, 0, Math.max(100, period.get().toMillis()), TimeUnit.MILLISECONDS));
    } else {
      loop.execute(fire);
    }
  }

  private void startStatusCheck(Node node) {
    JsonNode spec = node.template.path("statusCheck");
    cluster.create(
        "statuschecks",
        WorkflowObjects.controlled(nodeObject(node), "StatusCheck", node.name, spec, name));
    node.created.add(new String[] {"statuschecks", node.name});
    updateNode(
        node,
        status ->
            status
                .putObject("chaosResource")
                .put("apiGroup", "chaos-mesh.org")
                .put("kind", "StatusCheck")
                .put("name", node.name));
    node.check =
        new StatusCheckRun(
            new StatusCheckProbe(cluster, spec),
            spec,
            loop,
            (success, reason) -> safely(() -> statusCheckEnded(node, success, reason)),
            records -> safely(() -> recordChecks(node, records)));
    node.check.start();
  }

  private void recordChecks(Node node, List<StatusCheckRun.Record> records) {
    cluster
        .get(WorkflowObjects.API_VERSION, "statuschecks", namespace, node.name)
        .ifPresent(
            check -> {
              var list = check.withObjectProperty("status").putArray("records");
              for (StatusCheckRun.Record r : records) {
                list.addObject()
                    .put("startTime", r.at().toString())
                    .put("outcome", r.success() ? "Success" : "Failure")
                    .put("message", r.message());
              }
              cluster.update("statuschecks", check);
            });
  }

  private void statusCheckEnded(Node node, boolean success, String reason) {
    if (node.done) {
      return;
    }
    cluster
        .get(WorkflowObjects.API_VERSION, "statuschecks", namespace, node.name)
        .ifPresent(
            check -> {
              ObjectNode status = check.withObjectProperty("status");
              WorkflowObjects.condition(status, "Completed", true, reason, now());
              WorkflowObjects.condition(
                  status,
                  success ? "SuccessThresholdExceed" : "FailureThresholdExceed",
                  true,
                  reason,
                  now());
              cluster.update("statuschecks", check);
            });
    if (!success && node.template.path("abortWithStatusCheck").asBoolean(false)) {
      abort(node, reason);
      return;
    }
    finish(node, "Accomplished", success ? "SuccessThresholdExceed" : "FailureThresholdExceed");
  }

  /** A failed status check with {@code abortWithStatusCheck}: every running node stops. */
  private void abort(Node cause, String reason) {
    for (Node node : List.copyOf(nodes.values())) {
      if (!node.done) {
        end(node, "Aborted", node == cause ? reason : "workflow aborted by " + cause.name);
      }
    }
    ended = true;
    updateWorkflow(
        status -> {
          WorkflowObjects.condition(
              status, "Aborted", true, "status check " + cause.name + " failed: " + reason, now());
          status.put("endTime", now().toString());
        });
  }

  /** Ends a node (and its running descendants) with {@code condition} and tells its parent. */
  private void finish(Node node, String condition, String reason) {
    if (node.done || ended) {
      return;
    }
    for (Node other : List.copyOf(nodes.values())) {
      if (!other.done && descends(other, node)) {
        end(other, condition, "parent " + node.name + ": " + reason);
      }
    }
    end(node, condition, reason);
    if (node.parent != null) {
      childFinished(node.parent, node);
    } else {
      ended = true;
      updateWorkflow(
          status -> {
            WorkflowObjects.condition(status, "Accomplished", true, condition, now());
            status.put("endTime", now().toString());
          });
    }
  }

  private static boolean descends(Node candidate, Node ancestor) {
    for (Node p = candidate.parent; p != null; p = p.parent) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** Stops a node's work (timers, checks, chaos objects) and writes its final condition. */
  private void end(Node node, String condition, String reason) {
    node.done = true;
    node.timers.forEach(t -> t.cancel(false));
    if (node.check != null) {
      node.check.stop();
    }
    for (String[] object : node.created) {
      if (!object[0].equals("statuschecks")) {
        cluster.delete(WorkflowObjects.API_VERSION, object[0], namespace, object[1]);
      }
    }
    updateNode(
        node,
        status -> {
          WorkflowObjects.condition(status, condition, true, reason, now());
          if (status.has("chaosResource") && WorkflowObjects.CHAOS_PLURALS.containsKey(node.type)) {
            WorkflowObjects.condition(status, "ChaosInjected", false, "recovered", now());
          }
          WorkflowObjects.children(status, "activeChildren", List.of());
        });
  }

  /** The workflow was deleted: stop everything and delete what it created. */
  void stop() {
    ended = true;
    for (Node node : nodes.values()) {
      node.done = true;
      node.timers.forEach(t -> t.cancel(false));
      if (node.check != null) {
        node.check.stop();
      }
    }
    WorkflowController.deleteOwned(cluster, namespace, name);
  }

  private JsonNode nodeObject(Node node) {
    return cluster
        .get(WorkflowObjects.API_VERSION, "workflownodes", namespace, node.name)
        .map(JsonNode.class::cast)
        .orElseGet(() -> ClusterView.JSON.createObjectNode());
  }

  private void updateNode(Node node, Consumer<ObjectNode> change) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<ObjectNode> current =
          cluster.get(WorkflowObjects.API_VERSION, "workflownodes", namespace, node.name);
      if (current.isEmpty()) {
        return;
      }
      change.accept(current.get().withObjectProperty("status"));
      if (cluster.update("workflownodes", current.get())) {
        return;
      }
    }
  }

  private void updateWorkflow(Consumer<ObjectNode> change) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<ObjectNode> current =
          cluster.get(WorkflowObjects.API_VERSION, "workflows", namespace, name);
      if (current.isEmpty()) {
        return;
      }
      change.accept(current.get().withObjectProperty("status"));
      if (cluster.update("workflows", current.get())) {
        return;
      }
    }
  }

  private String suffix() {
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    var s = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      s.append(letters.charAt(random.nextInt(letters.length())));
    }
    return s.toString().toLowerCase(Locale.ROOT);
  }

  private Instant now() {
    return clock.instant();
  }

  static void safely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "simulated workflow controller failed", e);
    }
  }
}
