package dev.faultline.export.chaostoolkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builders of Chaos Toolkit activities ({@code type, name, provider}) as ordered plain maps. */
final class Activities {
  static final String ACTION = "action";
  static final String PROBE = "probe";

  private Activities() {}

  /** An activity calling {@code module.func(**arguments)} of a Python extension. */
  static Map<String, Object> python(
      String type, String name, String module, String func, Map<String, Object> arguments) {
    var provider = new LinkedHashMap<String, Object>();
    provider.put("type", "python");
    provider.put("module", module);
    provider.put("func", func);
    provider.put("arguments", arguments);
    return activity(type, name, provider);
  }

  /** An activity running an executable with arguments (a string, split by the shell rules). */
  static Map<String, Object> process(String type, String name, String path, String arguments) {
    var provider = new LinkedHashMap<String, Object>();
    provider.put("type", "process");
    provider.put("path", path);
    provider.put("arguments", arguments);
    return activity(type, name, provider);
  }

  static Map<String, Object> activity(String type, String name, Map<String, Object> provider) {
    var activity = new LinkedHashMap<String, Object>();
    activity.put("type", type);
    activity.put("name", name);
    activity.put("provider", provider);
    return activity;
  }

  /** Shell quoting for process arguments, which chaoslib splits with {@code shlex}. */
  static String quote(String word) {
    return word.matches("[A-Za-z0-9_./=:,@%+-]+") ? word : "'" + word.replace("'", "'\"'\"'") + "'";
  }
}
