package dev.faultline.catalog;

import static dev.faultline.catalog.Param.optional;
import static dev.faultline.catalog.Param.required;
import static dev.faultline.catalog.ParamType.BOOLEAN;
import static dev.faultline.catalog.ParamType.DURATION;
import static dev.faultline.catalog.ParamType.ENUM;
import static dev.faultline.catalog.ParamType.INTEGER;
import static dev.faultline.catalog.ParamType.LABEL_SELECTOR;
import static dev.faultline.catalog.ParamType.NUMBER;
import static dev.faultline.catalog.ParamType.REGEX;
import static dev.faultline.catalog.ParamType.STRING;
import static dev.faultline.catalog.ParamType.STRING_LIST;
import static dev.faultline.catalog.ParamType.STRING_MAP;
import static dev.faultline.catalog.ParamType.TEXT;

import dev.faultline.catalog.Descriptor.Role;
import dev.faultline.model.TargetKind;
import java.util.List;
import java.util.Set;

/** The attacks Faultline ships with. */
final class BuiltInAttacks {
  private BuiltInAttacks() {}

  static List<Descriptor> all() {
    return List.of(
        attack(
            "k8s.pod.delete",
            "Delete pods",
            "Deletes the selected pods; their controllers recreate them.",
            "Kubernetes",
            "pod-delete",
            Set.of(TargetKind.POD),
            optional("gracePeriod", DURATION)
                .defaultValue("0s")
                .docs("Termination grace period; 0s deletes at once, like a crash.")),
        attack(
            "k8s.container.kill",
            "Kill containers",
            "Kills the selected containers of the selected pods; the kubelet restarts them.",
            "Kubernetes",
            "container-kill",
            Set.of(TargetKind.POD),
            optional("signal", ENUM)
                .allowed("SIGKILL", "SIGTERM")
                .defaultValue("SIGKILL")
                .docs("Signal sent to the container's main process.")),
        attack(
            "process.signal",
            "Signal a process",
            "Sends a signal to matching processes in the selected containers. SIGSTOP freezes a"
                + " process and is undone with SIGCONT on rollback.",
            "Process",
            "process-signal",
            Set.of(TargetKind.POD),
            required("signal", ENUM)
                .allowed(
                    "SIGSTOP", "SIGCONT", "SIGKILL", "SIGTERM", "SIGINT", "SIGHUP", "SIGUSR1",
                    "SIGUSR2")
                .docs("The signal to send."),
            required("process", REGEX)
                .docs(
                    "Regex matched against the process command line; matching processes get the signal.")),
        attack(
            "k8s.deployment.scale",
            "Scale workload",
            "Sets the replica count of the selected deployments or stateful sets; rollback restores"
                + " the previous count.",
            "Kubernetes",
            "scale",
            Set.of(TargetKind.DEPLOYMENT, TargetKind.STATEFUL_SET),
            required("replicas", INTEGER).min(0).docs("Replica count while the attack lasts.")),
        attack(
            "k8s.node.drain",
            "Drain node",
            "Cordons the selected nodes and evicts their pods; rollback uncordons them.",
            "Kubernetes",
            "node-drain",
            Set.of(TargetKind.NODE),
            optional("gracePeriod", DURATION)
                .docs("Grace period for evicted pods; default: each pod's own."),
            optional("ignoreDaemonSets", BOOLEAN)
                .defaultValue(true)
                .docs("Leave DaemonSet pods in place, as kubectl drain --ignore-daemonsets."),
            optional("deleteEmptyDirData", BOOLEAN)
                .defaultValue(false)
                .docs("Evict pods that use emptyDir volumes (their data is lost).")),
        attack(
            "chaosmesh.network",
            "Network fault",
            "Delays, drops, duplicates, corrupts, cuts or throttles traffic of the selected pods with"
                + " a Chaos Mesh NetworkChaos.",
            "Network",
            "network",
            Set.of(TargetKind.POD),
            required("action", ENUM)
                .allowed("delay", "loss", "duplicate", "corrupt", "partition", "bandwidth")
                .docs("The kind of network fault."),
            optional("latency", DURATION).docs("Added delay; required for action delay."),
            optional("jitter", DURATION).docs("Random variation of the delay (action delay)."),
            optional("percent", NUMBER)
                .range(0, 100)
                .docs(
                    "Share of packets lost, duplicated or corrupted; required for those actions."),
            optional("correlation", NUMBER)
                .range(0, 100)
                .docs(
                    "How much each packet's fate depends on the previous one, in percent (delay,"
                        + " loss, duplicate, corrupt)."),
            optional("rate", STRING)
                .docs(
                    "Bandwidth limit such as 1mbps or 500kbit (units bit, kbit, mbit, gbit, tbit,"
                        + " bps, kbps, mbps, gbps, tbps; bps is bytes per second); required for"
                        + " action bandwidth."),
            optional("limit", INTEGER)
                .min(1)
                .defaultValue(20971520)
                .docs("Bytes that may queue waiting for tokens (action bandwidth)."),
            optional("buffer", INTEGER)
                .min(1)
                .defaultValue(10000)
                .docs("Bytes that tokens may burst at once (action bandwidth)."),
            optional("direction", ENUM)
                .allowed("to", "from", "both")
                .defaultValue("to")
                .docs(
                    "Traffic direction relative to the target pods: to (their egress), from or"
                        + " both; from and both need the other side in peerLabelSelector."),
            optional("peerNamespaces", STRING_LIST)
                .docs(
                    "Namespaces of the pods on the other side of the traffic (direction from or"
                        + " both); they must be permitted by spec.safety.namespaces."),
            optional("peerLabelSelector", LABEL_SELECTOR)
                .docs(
                    "Label selector of the pods on the other side of the traffic, in"
                        + " peerNamespaces; needed for direction from and both."),
            optional("externalTargets", STRING_LIST)
                .docs(
                    "Hosts or CIDRs outside the cluster to limit the fault to; only with"
                        + " direction to, except for action partition.")),
        attack(
            "chaosmesh.stress",
            "CPU / memory stress",
            "Burns CPU or memory inside the selected containers with a Chaos Mesh StressChaos.",
            "Resources",
            "stress",
            Set.of(TargetKind.POD),
            optional("cpuWorkers", INTEGER)
                .range(1, 8192)
                .docs("Threads that burn CPU; give this or memoryWorkers."),
            optional("cpuLoad", INTEGER)
                .range(0, 100)
                .docs("Load per CPU worker, in percent (with cpuWorkers)."),
            optional("memoryWorkers", INTEGER)
                .range(1, 8192)
                .docs("Threads that allocate memory; give this or cpuWorkers."),
            optional("memorySize", STRING)
                .docs(
                    "Memory each worker takes, such as 256MB, 1GB or 50% (of the container's"
                        + " memory; with memoryWorkers).")),
        attack(
            "chaosmesh.http",
            "HTTP fault",
            "Aborts, delays or rewrites HTTP traffic of the selected pods with a Chaos Mesh"
                + " HTTPChaos.",
            "HTTP",
            "http-fault",
            Set.of(TargetKind.POD),
            required("port", INTEGER)
                .range(1, 65535)
                .docs("Container port that serves the traffic."),
            optional("target", ENUM)
                .allowed("Request", "Response")
                .defaultValue("Request")
                .docs("Whether requests or responses are changed."),
            optional("path", STRING)
                .defaultValue("*")
                .docs("URI path the fault applies to, with * wildcards; * for all."),
            optional("method", STRING).docs("HTTP method the fault applies to; empty for all."),
            optional("code", INTEGER)
                .range(100, 599)
                .docs("Only responses with this status code (target Response)."),
            optional("abort", BOOLEAN).docs("Abort the connection."),
            optional("delay", DURATION).docs("Delay each matching request or response."),
            optional("replaceCode", INTEGER)
                .range(100, 599)
                .docs("Replace the status code (target Response)."),
            optional("replaceBody", TEXT).docs("Replace the message body with this text."),
            optional("replaceHeaders", STRING_MAP)
                .docs("Replace these headers (name: value) of the message."),
            optional("replacePath", STRING)
                .docs("Replace the URI path of the request (target Request)."),
            optional("replaceMethod", STRING)
                .docs("Replace the method of the request (target Request)."),
            optional("patchBody", TEXT)
                .docs("A JSON merge patch (RFC 7396) applied to the JSON body of the message."),
            optional("patchHeaders", STRING_MAP)
                .docs("Headers (name: value) added to the message.")),
        attack(
            "chaosmesh.io",
            "File I/O fault",
            "Delays file operations, makes them fail or changes file attributes on a volume of the"
                + " selected containers with a Chaos Mesh IOChaos.",
            "Resources",
            "io-fault",
            Set.of(TargetKind.POD),
            required("volumePath", STRING)
                .docs("Mount path of the volume in the container, such as /var/lib/data."),
            required("action", ENUM)
                .allowed("latency", "fault", "attrOverride")
                .docs(
                    "latency delays operations, fault makes them fail with errno, attrOverride"
                        + " reports other file attributes."),
            optional("path", STRING)
                .docs(
                    "Files the fault applies to, a glob such as /var/lib/data/**/*.db;"
                        + " default: every file in the volume."),
            optional("delay", DURATION).docs("Delay of each operation; required for latency."),
            optional("errno", INTEGER)
                .range(1, 133)
                .docs("Error number returned, such as 5 (EIO) or 28 (ENOSPC); required for fault."),
            optional("attrPerm", INTEGER)
                .range(0, 4095)
                .docs("File mode bits reported (attrOverride), such as 292 for 0444."),
            optional("attrSize", INTEGER)
                .min(0)
                .docs("File size in bytes reported (attrOverride)."),
            optional("percent", INTEGER)
                .range(1, 100)
                .defaultValue(100)
                .docs("Share of matching operations affected."),
            optional("methods", STRING_LIST)
                .docs("File system calls affected, such as read, write, open; default: all.")),
        attack(
            "chaosmesh.dns",
            "DNS fault",
            "Makes DNS lookups of the selected pods fail or return random addresses with a Chaos"
                + " Mesh DNSChaos.",
            "Network",
            "dns-fault",
            Set.of(TargetKind.POD),
            required("action", ENUM)
                .allowed("error", "random")
                .docs("error fails the lookups, random answers them with random addresses."),
            optional("patterns", STRING_LIST)
                .docs(
                    "Domain patterns affected, such as payments.svc.cluster.local or api.example.*"
                        + " (? for one character, * only at the end); default: every domain.")),
        attack(
            "chaosmesh.time",
            "Clock skew",
            "Shifts the clock the selected containers see with a Chaos Mesh TimeChaos.",
            "Resources",
            "time-skew",
            Set.of(TargetKind.POD),
            required("timeOffset", STRING)
                .docs("How far to shift the clock, a signed duration such as -10m, 2h or 1h30m."),
            optional("clockIds", STRING_LIST)
                .docs(
                    "Clocks shifted, such as CLOCK_REALTIME or CLOCK_MONOTONIC; default:"
                        + " CLOCK_REALTIME.")),
        attack(
            "mesh.istio.fault",
            "Istio fault injection",
            "Delays or aborts a share of a service's HTTP requests through an Istio VirtualService:"
                + " the fault goes into the HTTP routes of the VirtualService that routes the host"
                + " (restored exactly on rollback), or into a new one (deleted on rollback).",
            "Service mesh",
            "mesh",
            Set.of(),
            required("host", STRING)
                .docs(
                    "The service host: ratings, ratings.bookinfo or"
                        + " ratings.bookinfo.svc.cluster.local."),
            required("namespace", STRING)
                .docs("Namespace of the VirtualService (a short host means a Service there)."),
            optional("virtualService", STRING)
                .docs(
                    "Name of the VirtualService to put the fault in; default: each one in the"
                        + " namespace that routes the host, or a new faultline-<service>."),
            optional("fixedDelay", DURATION)
                .docs("Delay added to delayed requests (at least 1ms)."),
            optional("delayPercent", NUMBER)
                .range(0, 100)
                .docs("Share of requests delayed; default 100 when fixedDelay is given."),
            optional("abortPercent", NUMBER).range(0, 100).docs("Share of requests aborted."),
            optional("abortStatus", INTEGER)
                .range(400, 599)
                .defaultValue(503)
                .docs("HTTP status of aborted requests.")),
        attack(
            "k8s.manifest",
            "Apply manifest",
            "Applies Kubernetes objects for the attack and deletes (or restores) them on rollback,"
                + " for faults no built-in attack covers.",
            "Kubernetes",
            "manifest",
            Set.of(),
            required("manifest", TEXT).docs("One or more YAML documents to apply."),
            optional("namespace", STRING).docs("Namespace for objects that name none.")));
  }

  private static Descriptor attack(
      String id,
      String title,
      String description,
      String category,
      String iconId,
      Set<TargetKind> kinds,
      Param... params) {
    return new Descriptor(
        Role.ATTACK,
        id,
        title,
        description,
        category,
        iconId,
        kinds.isEmpty() ? TargetUse.NONE : TargetUse.REQUIRED,
        kinds,
        List.of(params));
  }
}
