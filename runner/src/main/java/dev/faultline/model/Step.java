package dev.faultline.model;

import java.util.List;

/**
 * One node of the experiment graph. Steps with no {@code after} start when the run starts; a step
 * with several {@code after} ids starts when all of them have finished (a join).
 */
public sealed interface Step permits AttackStep, ProbeStep, WaitStep, GateStep {
  /** Stable identity, unique within the experiment, kept across edits and files. */
  String id();

  /** Ids of the steps that must finish before this one starts. */
  List<String> after();

  /** Unknown fields of this step, kept for round trips. */
  Extras extras();

  /** The word for this kind of step in files and messages: attack, probe, wait, gate. */
  String kindWord();

  /** A copy with other {@code after} edges. */
  Step withAfter(List<String> after);
}
