package dev.faultline.probe.load;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link LoadBenchmark}'s client process, so that ours runs as wrk does: a process of its own,
 * started under {@code taskset} and so seeing one CPU (the JVM sizes its virtual-thread scheduler
 * to it, as it would in a one-core container). Warms up, then measures one run and prints it as one
 * JSON line. Arguments: {@code closed URL CONNECTIONS SECONDS THINK_MS WARMUP_SECONDS} or {@code
 * open URL RATE SECONDS WARMUP_SECONDS}.
 */
final class LoadClientMain {
  private LoadClientMain() {}

  public static void main(String[] args) throws Exception {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    URI uri = URI.create(args[1]);
    var out = new LinkedHashMap<String, Object>();
    out.put("cpus", Runtime.getRuntime().availableProcessors());
    if (args[0].equals("closed")) {
      int connections = Integer.parseInt(args[2]);
      Duration run = Duration.ofSeconds(Long.parseLong(args[3]));
      Duration think = Duration.ofMillis(Long.parseLong(args[4]));
      ClosedLoop.run(uri, connections, Duration.ofSeconds(Long.parseLong(args[5])), think);
      long cpu = os.getProcessCpuTime();
      var result = ClosedLoop.run(uri, connections, run, think);
      out.put("cpuSeconds", (os.getProcessCpuTime() - cpu) / 1e9);
      out.put("seconds", result.seconds());
      out.put("requests", result.answered());
      out.put("errors", result.errors() + result.tally().badStatus());
      var service = result.tally().serviceTime();
      out.put("p50Micros", service.getValueAtPercentile(50));
      out.put("p90Micros", service.getValueAtPercentile(90));
      out.put("p99Micros", service.getValueAtPercentile(99));
    } else {
      double rate = Double.parseDouble(args[2]);
      long seconds = Long.parseLong(args[3]);
      openLoop(uri, rate, Long.parseLong(args[4]));
      long cpu = os.getProcessCpuTime();
      long start = System.nanoTime();
      Tally total = openLoop(uri, rate, seconds);
      out.put("cpuSeconds", (os.getProcessCpuTime() - cpu) / 1e9);
      out.put("seconds", (System.nanoTime() - start) / 1e9);
      out.put("rate", rate);
      out.put("requests", total.ok());
      out.put("errors", total.badStatus() + total.timeouts() + total.failures() + total.notSent());
      out.put("p50MicrosFromDue", total.latency().getValueAtPercentile(50));
      out.put("p99MicrosFromDue", total.latency().getValueAtPercentile(99));
      out.put("p99MicrosService", total.serviceTime().getValueAtPercentile(99));
      out.put("waitedForConnection", total.waitedForConnection());
    }
    System.out.println(JsonMapper.builder().build().writeValueAsString(out));
  }

  /** load.http's own generator at a fixed rate for {@code seconds}, in one window. */
  private static Tally openLoop(URI uri, double rate, long seconds) throws InterruptedException {
    var schedule = OpenLoopSchedule.constant(rate);
    long timeout = Duration.ofSeconds(2).toNanos();
    long duration = Duration.ofSeconds(seconds).toNanos();
    Tally total = new Tally();
    try (var transport =
            new PlainTransport(
                new InetSocketAddress(uri.getHost(), uri.getPort()),
                RequestBytes.of(uri, "GET", Map.of(), null));
        var load =
            new OpenLoopLoad(
                    schedule,
                    duration,
                    duration,
                    timeout,
                    100,
                    OpenLoopLoad.backlogFor(schedule, timeout, 100),
                    transport,
                    status -> status == 200)
                .start()) {
      while (true) {
        Window w = load.nextWindow(Duration.ofSeconds(60).toNanos());
        total.add(w.tally());
        if (w.last()) {
          return total;
        }
      }
    }
  }
}
