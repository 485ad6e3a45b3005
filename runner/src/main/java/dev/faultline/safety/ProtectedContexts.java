package dev.faultline.safety;

import dev.faultline.format.AtomicFiles;
import dev.faultline.format.YamlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The kubeconfig contexts marked protected (production clusters), as read from Faultline's own
 * settings file {@code contexts.yaml} in the {@linkplain DataDirectory data directory}:
 *
 * <pre>{@code
 * protected: [prod-eu, prod-us]
 * }</pre>
 *
 * <p>An immutable snapshot. {@link #protect} and {@link #unprotect} read the file again, change it
 * and replace it atomically, keeping any other top-level fields, and return the new snapshot. A
 * missing file protects nothing; an unreadable or malformed one is an error, so that callers fail
 * closed instead of treating every context as unprotected. The kubeconfig files are not touched.
 */
public final class ProtectedContexts {

  /** The settings file's name in the data directory. */
  public static final String FILE_NAME = "contexts.yaml";

  /** The field that lists the protected contexts. */
  static final String FIELD = "protected";

  private static final Object LOCK = new Object();

  private final Path file;
  private final SortedSet<String> names;
  private final Map<String, Object> other;

  private ProtectedContexts(Path file, SortedSet<String> names, Map<String, Object> other) {
    this.file = file;
    this.names = Collections.unmodifiableSortedSet(new TreeSet<>(names));
    this.other = other;
  }

  /** {@code contexts.yaml} in the data directory ({@code FAULTLINE_DATA_DIR} overrides it). */
  public static Path defaultFile() {
    return DataDirectory.get().resolve(FILE_NAME);
  }

  /**
   * Reads the protected contexts from {@code file}.
   *
   * @param file the settings file; it need not exist
   * @throws IOException naming the file, when it cannot be read or is not a contexts file
   */
  public static ProtectedContexts load(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new ProtectedContexts(file, new TreeSet<>(), Map.of());
    } catch (IOException e) {
      throw new IOException(file + ": cannot read: " + e.getMessage(), e);
    }
    Object root;
    try {
      root = new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new IOException(file + ": not valid YAML: " + firstLine(e.getMessage()), e);
    }
    if (root == null) {
      return new ProtectedContexts(file, new TreeSet<>(), Map.of());
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw malformed(file, "expected a mapping with a '" + FIELD + "' list");
    }
    Map<String, Object> other = new LinkedHashMap<>();
    SortedSet<String> names = new TreeSet<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (!FIELD.equals(key)) {
        other.put(key, entry.getValue());
      } else if (entry.getValue() instanceof List<?> list) {
        for (Object name : list) {
          if (!(name instanceof String context) || context.isBlank()) {
            throw malformed(file, "'" + FIELD + "' must list context names, found " + name);
          }
          names.add(context);
        }
      } else if (entry.getValue() != null) {
        throw malformed(file, "'" + FIELD + "' must be a list of context names");
      }
    }
    return new ProtectedContexts(file, names, Collections.unmodifiableMap(other));
  }

  private static IOException malformed(Path file, String message) {
    return new IOException(file + ": not a Faultline contexts file: " + message);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.strip().lines().findFirst().orElse("");
  }

  /** The settings file. */
  public Path file() {
    return file;
  }

  /** The protected context names, sorted. */
  public SortedSet<String> names() {
    return names;
  }

  /** Whether {@code context} is protected; names match exactly, as kubectl's do. */
  public boolean isProtected(String context) {
    return context != null && names.contains(context);
  }

  /**
   * Marks {@code context} protected: reads the file again, adds the name and writes it atomically
   * (unless it was already there).
   *
   * @return the new state of the file
   * @throws IOException when the file cannot be read, is malformed or cannot be written
   */
  public ProtectedContexts protect(String context) throws IOException {
    return change(context, true);
  }

  /**
   * Lifts the protection of {@code context}; like {@link #protect}, the other way round.
   *
   * @return the new state of the file
   * @throws IOException when the file cannot be read, is malformed or cannot be written
   */
  public ProtectedContexts unprotect(String context) throws IOException {
    return change(context, false);
  }

  private ProtectedContexts change(String context, boolean add) throws IOException {
    if (context == null || context.isBlank()) {
      throw new IllegalArgumentException("name a context");
    }
    synchronized (LOCK) {
      ProtectedContexts current = load(file);
      SortedSet<String> next = new TreeSet<>(current.names);
      boolean changed = add ? next.add(context) : next.remove(context);
      if (!changed) {
        return current;
      }
      Map<String, Object> root = new LinkedHashMap<>();
      root.put(FIELD, List.copyOf(next));
      root.putAll(current.other);
      AtomicFiles.write(file, YamlText.write(root));
      return new ProtectedContexts(file, next, current.other);
    }
  }
}
