package dev.faultline.sandbox.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The commands a simulated container can run through exec: what Faultline's attacks and a person
 * poking around use ({@code kill}, {@code pkill}, {@code ps}, {@code sh -c}, {@code echo}, {@code
 * hostname}, {@code true}, {@code false}). Anything else fails as a missing executable.
 */
final class ExecCommands {
  private final SimulatedProcesses processes;
  private final String namespace;
  private final String pod;
  private final String container;
  private final JsonNode podObject;

  ExecCommands(
      SimulatedProcesses processes,
      String namespace,
      String pod,
      String container,
      JsonNode podObject) {
    this.processes = processes;
    this.namespace = namespace;
    this.pod = pod;
    this.container = container;
    this.podObject = podObject;
  }

  ExecResult run(List<String> argv) {
    if (argv.isEmpty()) {
      return ExecResult.failed(126, "no command given\n");
    }
    String program = argv.getFirst();
    String name = program.substring(program.lastIndexOf('/') + 1);
    List<String> args = argv.subList(1, argv.size());
    return switch (name) {
      case "kill" -> kill(args);
      case "pkill" -> pkill(args);
      case "ps" -> ps();
      case "sh", "bash", "ash" -> shell(args);
      case "echo" -> ExecResult.ok(String.join(" ", args) + "\n");
      case "hostname" -> ExecResult.ok(pod + "\n");
      case "true" -> ExecResult.ok("");
      case "false" -> new ExecResult(1, "", "");
      default ->
          ExecResult.failed(127, "exec: \"" + program + "\": executable file not found in $PATH\n");
    };
  }

  private ExecResult shell(List<String> args) {
    if (args.size() != 2 || !args.getFirst().equals("-c")) {
      return ExecResult.failed(2, "sh: only 'sh -c COMMAND' is supported in the sandbox\n");
    }
    var out = new StringBuilder();
    var err = new StringBuilder();
    int exit = 0;
    for (String part : args.get(1).split("\\s*(;|&&)\\s*")) {
      if (part.isBlank()) {
        continue;
      }
      ExecResult result = run(words(part));
      out.append(result.stdout());
      err.append(result.stderr());
      exit = result.exitCode();
    }
    return new ExecResult(exit, out.toString(), err.toString());
  }

  /** Splits a shell command into words, honouring single and double quotes. */
  static List<String> words(String command) {
    var words = new ArrayList<String>();
    var word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) quote = 0;
        else word.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) words.add(word.toString());
    return words;
  }

  private ExecResult kill(List<String> args) {
    Signal signal = Signal.SIGTERM;
    int i = 0;
    if (!args.isEmpty() && args.getFirst().equals("-l")) {
      var names = new StringBuilder();
      for (Signal s : Signal.values()) names.append(s.name().substring(3)).append(' ');
      return ExecResult.ok(names.toString().strip() + "\n");
    }
    if (i < args.size() && args.get(i).equals("-s") && i + 1 < args.size()) {
      Optional<Signal> parsed = Signal.parse(args.get(i + 1));
      if (parsed.isEmpty())
        return ExecResult.failed(1, "kill: unknown signal " + args.get(i + 1) + "\n");
      signal = parsed.get();
      i += 2;
    } else if (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
      Optional<Signal> parsed = Signal.parse(args.get(i).substring(1));
      if (parsed.isEmpty())
        return ExecResult.failed(1, "kill: unknown signal " + args.get(i) + "\n");
      signal = parsed.get();
      i++;
    }
    if (i >= args.size()) {
      return ExecResult.failed(1, "kill: usage: kill [-s SIGNAL | -SIGNAL] PID...\n");
    }
    var err = new StringBuilder();
    int exit = 0;
    for (String pidText : args.subList(i, args.size())) {
      int pid;
      try {
        pid = Integer.parseInt(pidText);
      } catch (NumberFormatException e) {
        err.append("kill: ").append(pidText).append(": arguments must be process IDs\n");
        exit = 1;
        continue;
      }
      if (!processes.signal(namespace, pod, container, podObject, pid, signal)) {
        err.append("kill: (").append(pid).append(") - No such process\n");
        exit = 1;
      }
    }
    return new ExecResult(exit, "", err.toString());
  }

  private ExecResult pkill(List<String> args) {
    Signal signal = Signal.SIGTERM;
    boolean full = false;
    String pattern = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-f")) full = true;
      else if (a.equals("--signal") && i + 1 < args.size()) {
        Optional<Signal> parsed = Signal.parse(args.get(++i));
        if (parsed.isEmpty()) return ExecResult.failed(2, "pkill: invalid signal\n");
        signal = parsed.get();
      } else if (a.startsWith("-") && a.length() > 1) {
        Optional<Signal> parsed = Signal.parse(a.substring(1));
        if (parsed.isEmpty())
          return ExecResult.failed(2, "pkill: invalid option -- '" + a.substring(1) + "'\n");
        signal = parsed.get();
      } else {
        pattern = a;
      }
    }
    if (pattern == null) {
      return ExecResult.failed(2, "pkill: no matching criteria specified\n");
    }
    Pattern regex;
    try {
      regex = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return ExecResult.failed(2, "pkill: invalid pattern: " + e.getDescription() + "\n");
    }
    boolean matched = false;
    for (ContainerProcesses.Process p : processes.processes(namespace, pod, container, podObject)) {
      String line = p.commandLine();
      String subject =
          full ? line : line.split(" ")[0].substring(line.split(" ")[0].lastIndexOf('/') + 1);
      if (regex.matcher(subject).find()) {
        matched |= processes.signal(namespace, pod, container, podObject, p.pid(), signal);
      }
    }
    return matched ? ExecResult.ok("") : new ExecResult(1, "", "");
  }

  private ExecResult ps() {
    var out = new StringBuilder("PID   STAT  COMMAND\n");
    for (ContainerProcesses.Process p : processes.processes(namespace, pod, container, podObject)) {
      out.append(
          String.format("%-5d %-5s %s%n", p.pid(), p.stopped() ? "T" : "S", p.commandLine()));
    }
    return ExecResult.ok(out.toString());
  }
}
