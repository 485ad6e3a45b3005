package dev.faultline.model;

/** What kind of Kubernetes object a target selects. Pods unless the target says otherwise. */
public enum TargetKind implements Keyword {
  POD("Pod", true),
  DEPLOYMENT("Deployment", true),
  STATEFUL_SET("StatefulSet", true),
  NODE("Node", false);

  private final String keyword;
  private final boolean namespaced;

  TargetKind(String keyword, boolean namespaced) {
    this.keyword = keyword;
    this.namespaced = namespaced;
  }

  @Override
  public String keyword() {
    return keyword;
  }

  public boolean namespaced() {
    return namespaced;
  }
}
