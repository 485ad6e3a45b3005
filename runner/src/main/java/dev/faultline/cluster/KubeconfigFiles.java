package dev.faultline.cluster;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads kubeconfig files with fabric8's parser and turns its failures into one readable line that
 * names the file.
 */
final class KubeconfigFiles {

  private static final Pattern FOUND = Pattern.compile("from (\\w+) value");

  private KubeconfigFiles() {}

  /**
   * Parses {@code file} with {@link KubeConfigUtils#parseConfig}, which also records in each
   * context, cluster and user which file it came from.
   *
   * @throws KubeconfigException naming the file, when it cannot be read or is not a kubeconfig
   */
  static Config parse(Path file) throws KubeconfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw problem(file, "file not found");
    } catch (AccessDeniedException e) {
      throw problem(file, "permission denied");
    } catch (CharacterCodingException e) {
      throw problem(file, "not a valid kubeconfig: not UTF-8 text");
    } catch (IOException e) {
      throw problem(file, "cannot read: " + firstLine(e.getMessage(), e));
    }
    if (text.isBlank()) {
      // kubectl accepts an empty kubeconfig (a fresh install writes one); fabric8 would fail on it.
      return new Config();
    }
    try {
      return KubeConfigUtils.parseConfig(file.toFile());
    } catch (RuntimeException e) {
      throw problem(file, "not a valid kubeconfig: " + describe(e));
    }
  }

  private static KubeconfigException problem(Path file, String message) {
    return new KubeconfigException(new KubeconfigProblem(file, message));
  }

  /** The most telling part of a parse failure, with line and column when the parser knows them. */
  static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MarkedYamlEngineException yaml) {
        return yaml(yaml);
      }
      if (t instanceof MismatchedInputException mismatch) {
        return mismatch(mismatch);
      }
      if (t instanceof JacksonException jackson) {
        return firstLine(jackson.getOriginalMessage(), jackson) + at(jackson.getLocation());
      }
    }
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return firstLine(root.getMessage(), root);
  }

  private static String yaml(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem().strip();
    String context = e.getContext() == null ? "" : e.getContext().strip();
    String text =
        context.isEmpty() ? problem : problem.isEmpty() ? context : context + ": " + problem;
    return text
        + e.getProblemMark()
            .map(m -> " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")")
            .orElse("");
  }

  /** {@code "contexts[0].context.cluster: expected text, found a list"}. */
  private static String mismatch(MismatchedInputException e) {
    String where = path(e.getPath());
    String expected = kind(e.getTargetType());
    Matcher found = FOUND.matcher(String.valueOf(e.getOriginalMessage()));
    String actual = found.find() ? foundKind(found.group(1)) : null;
    if (expected == null || actual == null) {
      return (where.isEmpty() ? "" : where + ": ") + firstLine(e.getOriginalMessage(), e);
    }
    return (where.isEmpty() ? "at the top level" : where)
        + ": expected "
        + expected
        + ", found "
        + actual;
  }

  private static String path(List<JacksonException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : references) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String kind(Class<?> type) {
    if (type == null) {
      return null;
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (type == String.class) {
      return "text";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    return "a mapping";
  }

  private static String foundKind(String token) {
    return switch (token.toLowerCase(Locale.ROOT)) {
      case "array" -> "a list";
      case "object" -> "a mapping";
      case "integer", "float", "number" -> "a number";
      case "string" -> "text";
      case "boolean" -> "true or false";
      default -> token.toLowerCase(Locale.ROOT);
    };
  }

  private static String at(TokenStreamLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  static String firstLine(String message, Throwable owner) {
    if (message == null || message.isBlank()) {
      return owner.getClass().getSimpleName();
    }
    return message.strip().lines().findFirst().orElse(message).strip();
  }
}
