package dev.faultline.export.java;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.faultline.export.ExportFormat;
import dev.faultline.export.ExportOptions;
import dev.faultline.export.Exports;
import dev.faultline.model.Experiment;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Compiles generated Java sources in-process with {@code javax.tools.JavaCompiler} against the test
 * class path (the runner and JUnit, as a user's project has them) and loads the classes.
 */
final class GeneratedClasses {
  private GeneratedClasses() {}

  /**
   * Writes {@code source} under {@code dir}, compiles it with warnings as errors, and loads the
   * class.
   *
   * @throws AssertionError with the compiler's diagnostics and the source when it does not compile
   */
  static Class<?> compile(Path dir, String qualifiedName, String source) throws IOException {
    Path sources = dir.resolve("src");
    Path classes = dir.resolve("classes");
    Path file = sources.resolve(qualifiedName.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.createDirectories(classes);
    Files.writeString(file, source, StandardCharsets.UTF_8);
    var compiler = ToolProvider.getSystemJavaCompiler();
    var diagnostics = new DiagnosticCollector<JavaFileObject>();
    try (var files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      var output = new StringWriter();
      boolean compiled =
          compiler
              .getTask(
                  output,
                  files,
                  diagnostics,
                  List.of(
                      "-classpath",
                      System.getProperty("java.class.path"),
                      "-d",
                      classes.toString(),
                      "-encoding",
                      "UTF-8",
                      "-Xlint:all",
                      "-Xlint:-processing",
                      "-Xlint:-classfile",
                      "-Werror",
                      "-proc:none"),
                  null,
                  files.getJavaFileObjects(file))
              .call();
      if (!compiled) {
        throw new AssertionError(
            "generated "
                + qualifiedName
                + " does not compile:\n"
                + diagnostics.getDiagnostics()
                + "\n"
                + output
                + "\n"
                + numbered(source));
      }
    }
    var loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, GeneratedClasses.class.getClassLoader());
    try {
      return loader.loadClass(qualifiedName);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("compiled but not found: " + qualifiedName, e);
    }
  }

  /**
   * Exports {@code experiment} as the JUnit test class {@code generated.it.className}, compiles it
   * and runs it with the JUnit Platform Launcher, as a user's build would.
   */
  static TestExecutionSummary runExported(Path dir, Experiment experiment, String className)
      throws Exception {
    String source =
        Exports.standard()
            .export(
                experiment,
                ExportFormat.JAVA,
                ExportOptions.DEFAULTS.withJavaClass("generated.it", className))
            .text();
    Class<?> generated = compile(dir, "generated.it." + className, source);
    var listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(generated)).build(),
            listener);
    TestExecutionSummary summary = listener.getSummary();
    if (summary.getTestsFoundCount() != 1) {
      throw new AssertionError("expected one test in\n" + source);
    }
    return summary;
  }

  /** Calls a static no-argument method of a generated class, such as {@code experiment()}. */
  static Object callStatic(Class<?> type, String method) throws ReflectiveOperationException {
    Method m = type.getDeclaredMethod(method);
    m.setAccessible(true);
    return m.invoke(null);
  }

  private static String numbered(String source) {
    var lines = source.lines().toList();
    var out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      out.append(String.format("%4d  %s%n", i + 1, lines.get(i)));
    }
    return out.toString();
  }
}
