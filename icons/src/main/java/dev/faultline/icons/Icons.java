package dev.faultline.icons;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;

/**
 * The Faultline icon set: SVG path data keyed by the stable ids that attack and probe descriptors
 * name.
 *
 * <p>Every glyph is one SVG path in a {@value #VIEW_BOX}x{@value #VIEW_BOX} view box, drawn to be
 * <em>stroked</em>, not filled: stroke width {@value #STROKE_WIDTH}, round caps and joins, no fill.
 * Dots are written as a zero-length line ({@code H7.01}) so round caps paint them. Keeping one
 * convention lets the palette, the canvas and exports render any glyph the same way at any size.
 *
 * <p>The glyphs are drawn for this project; ids are part of the file format's vocabulary, so never
 * rename one, only add.
 */
public final class Icons {

  /** Width and height of the square view box every path is drawn in. */
  public static final int VIEW_BOX = 24;

  /** The stroke width, in view-box units, the glyphs are designed for. */
  public static final int STROKE_WIDTH = 2;

  private static final SequencedMap<String, String> GLYPHS = glyphs();

  private Icons() {}

  /**
   * Returns the SVG path data for an icon id.
   *
   * @param id a stable icon id such as {@code pod-delete}
   * @return the path data, or empty when no glyph has that id
   */
  public static Optional<String> svgPath(String id) {
    return Optional.ofNullable(GLYPHS.get(id));
  }

  /** Returns every icon id, in a stable order (attacks, probes, then generic step kinds). */
  public static Set<String> ids() {
    return GLYPHS.sequencedKeySet();
  }

  private static SequencedMap<String, String> glyphs() {
    SequencedMap<String, String> glyphs = new LinkedHashMap<>();
    // Attacks.
    // A pod (cube) with a cross: delete pods.
    glyph(
        glyphs,
        "pod-delete",
        "M10 2.5 L17 6.5 V14 L10 18 L3 14 V6.5 Z M3 6.5 L10 10.5 L17 6.5 M10 10.5 V18 M17 17 L21.5 21.5 M21.5 17 L17 21.5");
    // A shipping container struck by a bolt: kill containers.
    glyph(
        glyphs,
        "container-kill",
        "M2 9 H15 V20 H2 Z M5.5 12 V17 M8.5 12 V17 M11.5 12 V17 M20.5 2 L17.5 7 H21.5 L18.5 12");
    // A terminal prompt: send a signal to a process.
    glyph(
        glyphs,
        "process-signal",
        "M3 4 H21 V20 H3 Z M3 8 H21 M7 11.5 L10 14 L7 16.5 M12.5 16.5 H17");
    // Two replicas and an up/down arrow: scale a workload.
    glyph(
        glyphs,
        "scale",
        "M3 3 H11 V10 H3 Z M3 14 H11 V21 H3 Z M17 3 V21 M14 6 L17 3 L20 6 M14 18 L17 21 L20 18");
    // A server with an arrow flowing out: drain a node.
    glyph(
        glyphs,
        "node-drain",
        "M3 3 H21 V11 H3 Z M7 7 H7.01 M11 7 H17 M12 14 V21 M8.5 17.5 L12 21 L15.5 17.5");
    // Three connected nodes: network faults.
    glyph(
        glyphs,
        "network",
        "M9.5 5 A2.5 2.5 0 1 0 14.5 5 A2.5 2.5 0 1 0 9.5 5 Z M2.5 19 A2.5 2.5 0 1 0 7.5 19 A2.5 2.5 0 1 0 2.5 19 Z M16.5 19 A2.5 2.5 0 1 0 21.5 19 A2.5 2.5 0 1 0 16.5 19 Z M10.8 7.2 L6.2 16.8 M13.2 7.2 L17.8 16.8 M7.5 19 H16.5");
    // A chip with pins: CPU or memory stress.
    glyph(
        glyphs,
        "stress",
        "M7 7 H17 V17 H7 Z M10 10 H14 V14 H10 Z M9.5 3 V7 M14.5 3 V7 M9.5 17 V21 M14.5 17 V21 M3 9.5 H7 M3 14.5 H7 M17 9.5 H21 M17 14.5 H21");
    // Code brackets around a bolt: HTTP fault injection.
    glyph(
        glyphs,
        "http-fault",
        "M7 6 L2 12 L7 18 M17 6 L22 12 L17 18 M13.5 5 L9.5 12.5 H14.5 L10.5 19");
    // Four fully connected nodes: service-mesh faults.
    glyph(
        glyphs,
        "mesh",
        "M3 5 A2 2 0 1 0 7 5 A2 2 0 1 0 3 5 Z M17 5 A2 2 0 1 0 21 5 A2 2 0 1 0 17 5 Z M3 19 A2 2 0 1 0 7 19 A2 2 0 1 0 3 19 Z M17 19 A2 2 0 1 0 21 19 A2 2 0 1 0 17 19 Z M7 5 H17 M7 19 H17 M5 7 V17 M19 7 V17 M6.5 6.5 L17.5 17.5 M17.5 6.5 L6.5 17.5");
    // A document with a folded corner: apply a manifest.
    glyph(
        glyphs,
        "manifest",
        "M5 2 H14 L19 7 V22 H5 Z M14 2 V7 H19 M8.5 12 H15.5 M8.5 16 H15.5 M8.5 8 H11");
    // A storage cylinder: file I/O faults.
    glyph(
        glyphs,
        "io-fault",
        "M4 6 A8 3 0 1 0 20 6 A8 3 0 1 0 4 6 Z M4 6 V18 A8 3 0 0 0 20 18 V6 M4 12 A8 3 0 0 0 20 12");
    // A globe crossed out: DNS faults.
    glyph(
        glyphs,
        "dns-fault",
        "M3 10 A7 7 0 1 0 17 10 A7 7 0 1 0 3 10 Z M3 10 H17 M10 3 A3.5 7 0 0 0 10 17 A3.5 7 0 0 0 10 3 Z M17 17 L21.5 21.5 M21.5 17 L17 21.5");
    // A clock with an arrow pushing it ahead: clock skew.
    glyph(
        glyphs,
        "time-skew",
        "M3 13 A8 8 0 1 0 19 13 A8 8 0 1 0 3 13 Z M11 9 V13 L14 15 M15.5 2.5 H21.5 V8.5 M21.5 2.5 L17 7");
    // Probes.
    // Code brackets around a tick: HTTP check probe.
    glyph(glyphs, "http-check", "M7 6 L2 12 L7 18 M17 6 L22 12 L17 18 M8.5 12.5 L11 15 L15.5 9.5");
    // A cube with a tick: Kubernetes state probe.
    glyph(
        glyphs,
        "k8s-state",
        "M10 2.5 L17 6.5 V14 L10 18 L3 14 V6.5 Z M3 6.5 L10 10.5 L17 6.5 M10 10.5 V18 M15.5 19 L17.5 21 L21.5 16.5");
    // A cube with a clock: wait until Kubernetes objects are ready.
    glyph(
        glyphs,
        "k8s-ready",
        "M9 2.5 L15.5 6.2 V10.5 M9 2.5 L2.5 6.2 V13.3 L9 17 L11 15.9 M2.5 6.2 L9 9.9 L15.5 6.2 M9 9.9 V17 M12.5 17.5 A5 5 0 1 0 22.5 17.5 A5 5 0 1 0 12.5 17.5 Z M17.5 14.8 V17.5 L19.3 18.8");
    // A line chart on axes: Prometheus query probe.
    glyph(glyphs, "prometheus", "M3 3 V21 H21 M7 16 L11 10.5 L14 13.5 L20 6");
    // Two opposite arrows: TCP connect probe.
    glyph(glyphs, "tcp", "M4 8 H20 M16 4 L20 8 L16 12 M20 16 H4 M8 12 L4 16 L8 20");
    // A gauge: load generator.
    glyph(
        glyphs,
        "load",
        "M5.6 19.4 A9 9 0 1 1 18.4 19.4 M12 14 L16 9.5 M12 14 H12.01 M12 5 V6.5 M5 12.5 H6.5 M17.5 12.5 H19");
    // Generic step kinds.
    // A clock: wait step.
    glyph(glyphs, "wait", "M3 12 A9 9 0 1 0 21 12 A9 9 0 1 0 3 12 Z M12 7 V12 L15.5 14");
    // A fence gate: gate step.
    glyph(glyphs, "gate", "M5 3 V21 M19 3 V21 M5 8 H19 M5 16 H19 M5 16 L19 8");
    // A bolt: any attack.
    glyph(glyphs, "attack", "M13 2 L4 14 H12 L11 22 L20 10 H12 Z");
    // A pulse line: any probe.
    glyph(glyphs, "probe", "M2 12 H6 L9 4 L15 20 L18 12 H22");
    return Collections.unmodifiableSequencedMap(glyphs);
  }

  private static void glyph(Map<String, String> glyphs, String id, String path) {
    if (glyphs.putIfAbsent(id, path) != null) {
      throw new IllegalStateException("Duplicate icon id: " + id);
    }
  }
}
