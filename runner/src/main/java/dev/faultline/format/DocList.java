package dev.faultline.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sequence. */
public record DocList(List<DocNode> items, int line, int column) implements DocNode {
  public DocList {
    items = List.copyOf(items);
  }

  @Override
  public String describe() {
    return "a list";
  }

  @Override
  public Object toPlain() {
    var plain = new ArrayList<>(items.size());
    items.forEach(item -> plain.add(item.toPlain()));
    return Collections.unmodifiableList(plain);
  }
}
