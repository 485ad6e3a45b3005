package dev.faultline.model;

/**
 * The kinds of workload a target can select pods by ({@code owner.kind}). {@link #DEPLOYMENT} means
 * the Deployment behind a pod's ReplicaSet; the others mean the pod's direct controller.
 */
public enum OwnerKind implements Keyword {
  DEPLOYMENT("Deployment"),
  STATEFUL_SET("StatefulSet"),
  DAEMON_SET("DaemonSet"),
  JOB("Job"),
  REPLICA_SET("ReplicaSet");

  private final String keyword;

  OwnerKind(String keyword) {
    this.keyword = keyword;
  }

  @Override
  public String keyword() {
    return keyword;
  }
}
