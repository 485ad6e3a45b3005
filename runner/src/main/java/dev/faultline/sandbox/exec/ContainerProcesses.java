package dev.faultline.sandbox.exec;

import java.util.List;

/**
 * The processes of one simulated container: PID 1 runs the container's command; a shell started by
 * exec is not listed (it is gone when exec returns).
 */
record ContainerProcesses(List<Process> processes) {
  /** One process: its pid, command line, and whether it is stopped (SIGSTOP). */
  record Process(int pid, String commandLine, boolean stopped) {
    Process withStopped(boolean value) {
      return new Process(pid, commandLine, value);
    }
  }

  static ContainerProcesses forCommand(String commandLine) {
    return new ContainerProcesses(List.of(new Process(1, commandLine, false)));
  }

  boolean anyStopped() {
    return processes.stream().anyMatch(Process::stopped);
  }
}
