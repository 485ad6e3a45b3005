package dev.faultline.export.java;

import dev.faultline.export.ConversionWarning;
import dev.faultline.export.ExportException;
import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.ExportResult;
import dev.faultline.export.Exporter;
import dev.faultline.export.JavaClassName;
import dev.faultline.export.K3sCluster;
import dev.faultline.export.LoopScheduleWarnings;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import dev.faultline.model.GateStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * Writes an experiment as a JUnit 5 test class: a static {@code experiment()} method builds it with
 * the fluent API ({@code Experiment.named(...)}), and the test runs it with {@code ChaosRun}
 * against the cluster kubectl would use, asserting that the hypothesis held. The class needs only
 * the runner and JUnit on its class path. Nothing of the experiment is lost except unknown fields
 * (reported as warnings); the canvas layout is not part of an experiment's meaning.
 *
 * <p>With {@link ExportOptions#k3s()} the test brings its own cluster instead: a K3s container
 * started by Testcontainers, set up from the manifests of the system under test, and thrown away
 * after the test (see {@link K3sCluster}).
 */
public final class JavaExporter implements Exporter {
  @Override
  public ExportFormat format() {
    return ExportFormat.JAVA;
  }

  @Override
  public ExportResult export(Experiment experiment, ExportOptions options) throws ExportException {
    String packageName = options.javaPackage() == null ? "" : options.javaPackage().strip();
    if (!packageName.isEmpty() && !SourceVersion.isName(packageName)) {
      throw new ExportException(
          "java package '"
              + packageName
              + "' is not a Java package name (such as com.example.chaos)");
    }
    String className =
        options.javaClassName() == null || options.javaClassName().isBlank()
            ? className(experiment.metadata().name())
            : options.javaClassName().strip();
    if (className.contains(".") || !JavaClassName.isValid(className)) {
      throw new ExportException(
          "java class name '"
              + className
              + "' is not a Java class name (such as CheckoutChaosTest)");
    }
    var imports = new Imports();
    var code = new ExperimentCode(imports);
    String builder = code.experiment(experiment).render(4);
    imports.add("dev.faultline.chaos.ChaosResult");
    imports.add("dev.faultline.chaos.ChaosRun");
    imports.add("org.junit.jupiter.api.Test");
    imports.addStatic("org.junit.jupiter.api.Assertions.assertTrue");
    boolean hasGates = experiment.spec().steps().stream().anyMatch(GateStep.class::isInstance);
    K3sCluster k3s = options.k3s();
    if (k3s != null) {
      K3sTest.addImports(imports);
    }
    String clash = "." + className + ";";
    if (imports.lines().stream().anyMatch(line -> line.endsWith(clash))) {
      throw new ExportException(
          "java class name '"
              + className
              + "' is also the name of a class the test imports; choose another (such as "
              + className
              + "ChaosTest)");
    }

    var out = new StringBuilder();
    if (!packageName.isEmpty()) {
      out.append("package ").append(packageName).append(";\n\n");
    }
    imports.lines().forEach(line -> out.append(line).append('\n'));
    out.append('\n');
    out.append(javadoc(experiment, k3s));
    out.append("class ").append(className).append(" {\n\n");
    String gateComment =
        "// Nobody answers gates in a test run: approve them, as faultline run --approve-gates"
            + " does.\n";
    if (k3s != null) {
      out.append(K3sTest.fields(k3s));
      out.append(K3sTest.testMethod(hasGates, gateComment));
    } else {
      out.append("  @Test\n");
      out.append("  void hypothesisHolds() {\n");
      if (hasGates) {
        out.append("    ").append(gateComment);
      }
      out.append("    ChaosResult result = ChaosRun.of(experiment())")
          .append(hasGates ? ".approveGates()" : "")
          .append(".run();\n");
      out.append('\n');
      out.append("    assertTrue(result.passed(), result::summary);\n");
      out.append("  }\n\n");
    }
    out.append("  /** The experiment, as the Faultline file describes it. */\n");
    out.append("  static Experiment experiment() {\n");
    out.append("    return ").append(builder).append(";\n");
    out.append("  }\n");
    out.append("}\n");
    List<ConversionWarning> warnings =
        new ArrayList<>(LoopScheduleWarnings.with(code.warnings(), experiment, "The Java export"));
    if (k3s != null) {
      warnings.addAll(K3sTest.warnings(experiment, k3s));
    }
    return new ExportResult(out.toString(), warnings);
  }

  /**
   * {@code checkout-freeze} → {@code CheckoutFreezeChaosTest}: the name's words capitalised; a name
   * that does not start with a letter gets an {@code Experiment} prefix.
   */
  static String className(String experimentName) {
    var name = new StringBuilder();
    for (String word : experimentName.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
      name.insert(0, "Experiment");
    }
    return name.append("ChaosTest").toString();
  }

  private static String javadoc(Experiment experiment, K3sCluster k3s) {
    var doc = new StringBuilder("/**\n");
    doc.append(" * Chaos experiment {@code ")
        .append(html(experiment.metadata().name()))
        .append("}, exported by Faultline.\n");
    if (experiment.metadata().description() != null) {
      doc.append(" *\n");
      for (String line : wrap("<p>" + html(experiment.metadata().description()), 97)) {
        doc.append(" * ").append(line).append('\n');
      }
    }
    if (k3s != null) {
      doc.append(K3sTest.javadoc());
    } else {
      doc.append(" *\n")
          .append(
              " * <p>Runs against the current kubeconfig context (KUBECONFIG or ~/.kube/config);"
                  + " {@code\n")
          .append(
              " * -Dfaultline.kubeconfig=PATH} and {@code -Dfaultline.context=NAME} choose"
                  + " another.\n");
      List<String> others = ClusterContexts.named(experiment.spec());
      if (!others.isEmpty()) {
        // Said up front: the test fails at once when the kubeconfig lacks one of them.
        doc.append(" *\n");
        String sentence =
            "<p>Its targets and probes also name the contexts "
                + html(String.join(", ", others))
                + ", which the same kubeconfig must have.";
        for (String line : wrap(sentence, 97)) {
          doc.append(" * ").append(line).append('\n');
        }
      }
    }
    doc.append(" */\n");
    return doc.toString();
  }

  /**
   * Text made safe for a Javadoc comment: HTML specials escaped, and nothing that could end the
   * comment ({@code *}{@code /}) or be read as a unicode escape (a backslash).
   */
  private static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("@", "&#64;")
        .replace("*/", "*&#47;")
        .replace("\\", "&#92;")
        .replace("\r", " ")
        .replace("\n", " ");
  }

  private static java.util.List<String> wrap(String text, int width) {
    var lines = new java.util.ArrayList<String>();
    var line = new StringBuilder();
    for (String word : text.split(" +")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
