package dev.faultline.cli;

import dev.faultline.engine.RunEvent;
import dev.faultline.engine.RunHandle;
import dev.faultline.engine.RunListener;
import java.io.Console;
import java.io.PrintWriter;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Asks on the terminal when a gate waits (interactive runs): {@code y} approves, anything else
 * rejects, which aborts the run and rolls back. One question at a time; the run goes on meanwhile.
 */
final class GatePrompt implements RunListener {
  private final PrintWriter err;
  private final ReentrantLock oneAtATime = new ReentrantLock();
  private volatile RunHandle handle;
  private volatile boolean ask;

  GatePrompt(PrintWriter err) {
    this.err = err;
  }

  void attach(RunHandle handle, boolean ask) {
    this.handle = handle;
    this.ask = ask;
  }

  @Override
  public void onEvent(RunEvent event) {
    if (event instanceof RunEvent.GateWaiting gate && ask && System.console() != null) {
      Thread.ofVirtual().name("faultline-gate-" + gate.stepId()).start(() -> prompt(gate));
    }
  }

  private void prompt(RunEvent.GateWaiting gate) {
    Console console = System.console();
    oneAtATime.lock();
    try {
      while (handle == null) {
        Thread.onSpinWait();
      }
      if (!handle.waitingGates().contains(gate.stepId())) {
        return; // answered meanwhile (timeout, cancel)
      }
      String answer =
          console.readLine("Gate '%s': %s Continue? [y/N] ", gate.stepId(), gate.question());
      String by = System.getProperty("user.name", "terminal");
      if (answer != null && answer.trim().equalsIgnoreCase("y")) {
        handle.approve(gate.stepId(), by);
      } else {
        handle.reject(gate.stepId(), by);
      }
    } finally {
      oneAtATime.unlock();
      err.flush();
    }
  }
}
