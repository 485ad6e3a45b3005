package dev.faultline.probe.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code load.http}'s HTTP client against {@code wrk} (Debian's 4.1), on loopback, same server,
 * same run, same core budget ({@code ./mvnw -Pbench test -pl runner -Dtest=LoadBenchmark}). Results
 * go to {@code target/bench/load.json}; {@code docs/probes.md} explains them.
 *
 * <p>Method. nginx (one process, a temporary config, a fixed 15-byte JSON answer, no access log)
 * serves on a free loopback port, pinned to core 1 with {@code taskset}. Each client is a process
 * of its own pinned to core 0: wrk, and a JVM running {@link LoadClientMain}, which, seeing one
 * CPU, sizes its virtual-thread scheduler to one carrier as it would in a one-core container. wrk
 * is closed-loop, so the comparison is too: {@link ClosedLoop} runs {@value #CONNECTIONS} virtual
 * threads over our {@link Http1Connection}s, each sending as soon as its previous answer is in,
 * like wrk with {@code -t1 -c16}. Three kinds of runs, each {@value #SECONDS} s, {@value #ROUNDS}
 * rounds alternating wrk and ours, medians reported:
 *
 * <ul>
 *   <li><b>max</b>: as fast as each can. Requests per second, and requests per CPU-second of the
 *       client's process (wrk's from {@code /proc/PID/stat}, ours from the JVM's process CPU time
 *       over the measured run, JIT and GC threads included), which stays comparable when other work
 *       shares the core. Target: ours at least half of wrk's per core. Also p50/p99 at that load.
 *   <li><b>same load</b>: every connection pauses {@value #THINK_MILLIS} ms between requests (wrk
 *       through a Lua {@code delay()}), which puts both at the same rate, well below saturation:
 *       p50/p99 at the same load. Target: ours within 5 % of wrk's p99.
 *   <li><b>open loop</b> (ours only, for the record): {@code load.http}'s own generator at a fixed
 *       {@value #OPEN_RATE} req/s, latency from due times.
 * </ul>
 *
 * Our client warms up with a {@value #WARMUP_SECONDS} s run of the same kind before it measures
 * (wrk needs none: it is compiled C). The machine's load average is recorded at start and end: on a
 * shared machine, other work competes for both cores.
 */
@Tag("bench")
class LoadBenchmark {
  private static final int CONNECTIONS = 16;
  private static final int SECONDS = 10;
  private static final int ROUNDS = 5;
  private static final int THINK_MILLIS = 10;
  private static final int WARMUP_SECONDS = 6;
  private static final int OPEN_RATE = 10_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** One client run. Latencies in microseconds. */
  record Run(
      String client,
      int thinkMillis,
      double seconds,
      long requests,
      long errors,
      double cpuSeconds,
      double p50Micros,
      double p90Micros,
      double p99Micros) {
    double perSecond() {
      return requests / seconds;
    }

    double perCpuSecond() {
      return cpuSeconds <= 0 ? Double.NaN : requests / cpuSeconds;
    }

    Map<String, Object> json() {
      var m = new LinkedHashMap<String, Object>();
      m.put("client", client);
      m.put("thinkMs", thinkMillis);
      m.put("seconds", round(seconds));
      m.put("requests", requests);
      m.put("errors", errors);
      m.put("requestsPerSecond", round(perSecond()));
      m.put("cpuSeconds", round(cpuSeconds));
      m.put("requestsPerCpuSecond", round(perCpuSecond()));
      m.put("p50Micros", round(p50Micros));
      m.put("p90Micros", round(p90Micros));
      m.put("p99Micros", round(p99Micros));
      return m;
    }
  }

  @Test
  void againstWrkOnLoopback() throws Exception {
    Path wrk = tool("wrk");
    Path nginx = tool("nginx");
    int cpus = cpus();
    boolean pin = Files.isExecutable(Path.of("/usr/bin/taskset")) && cpus >= 2;
    Path out = Path.of("target", "bench");
    Files.createDirectories(out);
    Path work = Files.createTempDirectory("faultline-load-bench");
    Path script = work.resolve("think.lua");
    Files.writeString(script, "function delay()\n  return " + THINK_MILLIS + "\nend\n");

    var report = new LinkedHashMap<String, Object>();
    report.put("benchmark", "load-http-vs-wrk");
    report.put("machine", cpus + " cpus, java " + Runtime.version());
    report.put("wrk", version(wrk));
    report.put("connections", CONNECTIONS);
    report.put("secondsPerRun", SECONDS);
    report.put("pinned", pin ? "server on core 1, each client process on core 0" : "not pinned");
    report.put("loadAverageAtStart", load());

    Process server = startNginx(nginx, work, pin);
    List<Run> runs = new ArrayList<>();
    Map<String, Object> open;
    try {
      URI uri = URI.create("http://127.0.0.1:" + port(work) + "/");
      awaitUp(uri);
      for (int round = 0; round < ROUNDS; round++) {
        runs.add(wrk(wrk, uri, null, pin));
        runs.add(ours(uri, Duration.ZERO, pin));
      }
      for (int round = 0; round < ROUNDS; round++) {
        runs.add(wrk(wrk, uri, script, pin));
        runs.add(ours(uri, Duration.ofMillis(THINK_MILLIS), pin));
      }
      open = openLoop(uri, pin);
    } finally {
      server.destroy();
      server.waitFor();
    }
    report.put("loadAverageAtEnd", load());
    report.put("runs", runs.stream().map(Run::json).toList());

    var max = compare(runs, 0);
    var same = compare(runs, THINK_MILLIS);
    double perCore = (double) max.get("oursPerCpuSecond") / (double) max.get("wrkPerCpuSecond");
    double p99Same = (double) same.get("oursP99Micros") / (double) same.get("wrkP99Micros");
    max.put("perCoreRatio", round(perCore));
    max.put("perCoreTarget", "ours >= 0.5 x wrk");
    max.put("perCoreMet", perCore >= 0.5);
    same.put("p99Ratio", round(p99Same));
    same.put("p99Target", "ours within 5 % of wrk (ratio <= 1.05)");
    same.put("p99Met", p99Same <= 1.05);
    report.put("max", max);
    report.put("sameLoad", same);
    report.put("openLoop", open);
    report.put(
        "method",
        "closed loop, "
            + CONNECTIONS
            + " connections each (wrk -t1 -c"
            + CONNECTIONS
            + "), "
            + SECONDS
            + " s runs, "
            + ROUNDS
            + " rounds alternating, medians; same load = "
            + THINK_MILLIS
            + " ms pause per connection between requests (wrk Lua delay)");

    Files.writeString(
        out.resolve("load.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    System.err.println(Files.readString(out.resolve("load.json")));
    assertThat(runs).allMatch(r -> r.requests() > 0 && r.errors() == 0);
  }

  /** Medians of wrk's and our runs with the given pause. */
  private static Map<String, Object> compare(List<Run> runs, int think) {
    List<Run> wrk =
        runs.stream().filter(r -> r.thinkMillis() == think && r.client().equals("wrk")).toList();
    List<Run> ours =
        runs.stream()
            .filter(r -> r.thinkMillis() == think && r.client().equals("faultline"))
            .toList();
    var m = new LinkedHashMap<String, Object>();
    m.put("wrkRequestsPerSecond", round(median(wrk, Run::perSecond)));
    m.put("oursRequestsPerSecond", round(median(ours, Run::perSecond)));
    m.put("wrkPerCpuSecond", round(median(wrk, Run::perCpuSecond)));
    m.put("oursPerCpuSecond", round(median(ours, Run::perCpuSecond)));
    m.put("wrkP50Micros", round(median(wrk, Run::p50Micros)));
    m.put("oursP50Micros", round(median(ours, Run::p50Micros)));
    m.put("wrkP99Micros", round(median(wrk, Run::p99Micros)));
    m.put("oursP99Micros", round(median(ours, Run::p99Micros)));
    return m;
  }

  /** Our client in a process of its own, pinned like wrk; it warms up before it measures. */
  private static Map<String, Object> client(boolean pin, String... args) throws Exception {
    var command = new ArrayList<String>();
    if (pin) {
      command.addAll(List.of("/usr/bin/taskset", "-c", "0"));
    }
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            LoadClientMain.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(text).isZero();
    String json = text.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("");
    assertThat(json).as(text).isNotEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Object> result = JSON.readValue(json, Map.class);
    return result;
  }

  private static Run ours(URI uri, Duration think, boolean pin) throws Exception {
    Map<String, Object> r =
        client(
            pin,
            "closed",
            uri.toString(),
            String.valueOf(CONNECTIONS),
            String.valueOf(SECONDS),
            String.valueOf(think.toMillis()),
            String.valueOf(WARMUP_SECONDS));
    return new Run(
        "faultline",
        (int) think.toMillis(),
        num(r, "seconds"),
        (long) num(r, "requests"),
        (long) num(r, "errors"),
        num(r, "cpuSeconds"),
        num(r, "p50Micros"),
        num(r, "p90Micros"),
        num(r, "p99Micros"));
  }

  /** load.http's own open-loop generator at a fixed rate, latency from due times. */
  private static Map<String, Object> openLoop(URI uri, boolean pin) throws Exception {
    Map<String, Object> r =
        client(
            pin,
            "open",
            uri.toString(),
            String.valueOf(OPEN_RATE),
            String.valueOf(SECONDS),
            String.valueOf(WARMUP_SECONDS));
    r.put("cpuPerSecond", round(num(r, "cpuSeconds") / num(r, "seconds")));
    return r;
  }

  private static double num(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }

  private static Run wrk(Path wrk, URI uri, Path script, boolean pin) throws Exception {
    var command = new ArrayList<String>();
    if (pin) {
      command.addAll(List.of("/usr/bin/taskset", "-c", "0"));
    }
    command.addAll(
        List.of(wrk.toString(), "-t1", "-c" + CONNECTIONS, "-d" + SECONDS + "s", "--latency"));
    if (script != null) {
      command.addAll(List.of("-s", script.toString()));
    }
    command.add(uri.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    long ticks = 0;
    Path stat = Path.of("/proc", String.valueOf(process.pid()), "stat");
    var output = new StringBuilder();
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    output.append(
                        new String(
                            process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                  } catch (IOException e) {
                    output.append(e);
                  }
                });
    while (process.isAlive()) {
      ticks = Math.max(ticks, cpuTicks(stat)); // the last reading before exit: wrk's whole run
      Thread.sleep(20);
    }
    reader.join();
    String text = output.toString();
    double rps = number(text, "Requests/sec:\\s+([\\d.]+)");
    long requests = (long) number(text, "(\\d+) requests in");
    double seconds = requests / rps;
    long errors =
        text.contains("Non-2xx") ? (long) number(text, "Non-2xx or 3xx responses: (\\d+)") : 0;
    errors += text.contains("Socket errors") ? 1 : 0;
    return new Run(
        "wrk",
        script == null ? 0 : THINK_MILLIS,
        seconds,
        requests,
        errors,
        ticks / 100.0,
        latency(text, "50%"),
        latency(text, "90%"),
        latency(text, "99%"));
  }

  /** utime + stime of a process, in clock ticks (100 per second on Linux). */
  private static long cpuTicks(Path stat) {
    try {
      String text = Files.readString(stat);
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0; // gone
    }
  }

  private static double latency(String wrkOutput, String percentile) {
    Matcher m =
        Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)")
            .matcher(wrkOutput);
    if (!m.find()) {
      throw new AssertionError("no " + percentile + " in wrk's output:\n" + wrkOutput);
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value;
      case "ms" -> value * 1_000;
      default -> value * 1_000_000;
    };
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new AssertionError("'" + regex + "' not in:\n" + text);
    }
    return Double.parseDouble(m.group(1));
  }

  private static Process startNginx(Path nginx, Path work, boolean pin) throws Exception {
    int port;
    try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Files.writeString(work.resolve("port"), String.valueOf(port));
    Files.writeString(
        work.resolve("nginx.conf"),
        """
        daemon off;
        master_process off;
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 1024; }
        http {
          access_log off;
          keepalive_requests 10000000;
          keepalive_timeout 120s;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          server {
            listen 127.0.0.1:%2$d;
            location / { default_type application/json; return 200 '{"status":"OK"}'; }
          }
        }
        """
            .formatted(work.toAbsolutePath(), port));
    var command = new ArrayList<String>();
    if (pin) {
      command.addAll(List.of("/usr/bin/taskset", "-c", "1"));
    }
    command.addAll(
        List.of(
            nginx.toString(), "-p", work.toString(), "-c", work.resolve("nginx.conf").toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("nginx.out").toFile())
        .start();
  }

  private static int port(Path work) throws IOException {
    return Integer.parseInt(Files.readString(work.resolve("port")));
  }

  private static void awaitUp(URI uri) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    var request = RequestBytes.of(uri, "GET", Map.of(), null);
    try (var watch = new DeadlineWatch()) {
      while (true) {
        try (var c =
            new Http1Connection(
                new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), request, watch)) {
          if (c.send(System.nanoTime() + 1_000_000_000L) == 200) {
            return;
          }
        } catch (IOException e) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError("nginx did not start", e);
          }
          Thread.sleep(100);
        }
      }
    }
  }

  private static Path tool(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    for (String dir : List.of("/usr/bin", "/usr/sbin")) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(
        "the load benchmark needs " + name + " on the PATH (Debian: apt-get install wrk nginx)");
  }

  private static String version(Path wrk) throws Exception {
    Process p = new ProcessBuilder(wrk.toString(), "--version").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return text.lines().findFirst().orElse("").strip();
  }

  private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
    List<Double> values =
        runs.stream().map(value::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
    return values.isEmpty() ? Double.NaN : values.get(values.size() / 2);
  }

  private static int cpus() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static double load() {
    return round(OS.getSystemLoadAverage());
  }

  private static double round(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
  }
}
