package dev.faultline.designer.document;

import dev.faultline.catalog.Descriptor;
import java.util.Objects;
import java.util.Optional;

/**
 * What a palette entry creates: an attack or probe of one descriptor, a wait, or a gate. Travels
 * through drag and drop and the command palette as a {@link #token() token}.
 *
 * @param kind the kind of step
 * @param descriptorId the attack or probe id; {@code null} for waits and gates
 */
public record StepTemplate(Kind kind, String descriptorId) {

  /** The four kinds of step. */
  public enum Kind {
    ATTACK,
    PROBE,
    WAIT,
    GATE
  }

  public static final StepTemplate WAIT = new StepTemplate(Kind.WAIT, null);
  public static final StepTemplate GATE = new StepTemplate(Kind.GATE, null);

  public StepTemplate {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.ATTACK || kind == Kind.PROBE) != (descriptorId != null)) {
      throw new IllegalArgumentException(kind + " with descriptor " + descriptorId);
    }
  }

  /** The template for a descriptor of the catalog. */
  public static StepTemplate of(Descriptor descriptor) {
    return new StepTemplate(
        descriptor.role() == Descriptor.Role.ATTACK ? Kind.ATTACK : Kind.PROBE, descriptor.id());
  }

  /** {@code attack:k8s.pod.delete}, {@code probe:http.check}, {@code wait}, {@code gate}. */
  public String token() {
    String word = kind.name().toLowerCase(java.util.Locale.ROOT);
    return descriptorId == null ? word : word + ":" + descriptorId;
  }

  /** The template a {@link #token()} stands for; empty for anything else. */
  public static Optional<StepTemplate> parse(String token) {
    if (token == null) {
      return Optional.empty();
    }
    return switch (token) {
      case "wait" -> Optional.of(WAIT);
      case "gate" -> Optional.of(GATE);
      default -> {
        int colon = token.indexOf(':');
        if (colon <= 0 || colon == token.length() - 1) {
          yield Optional.empty();
        }
        String id = token.substring(colon + 1);
        yield switch (token.substring(0, colon)) {
          case "attack" -> Optional.of(new StepTemplate(Kind.ATTACK, id));
          case "probe" -> Optional.of(new StepTemplate(Kind.PROBE, id));
          default -> Optional.empty();
        };
      }
    };
  }
}
