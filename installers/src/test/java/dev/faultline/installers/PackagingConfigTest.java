package dev.faultline.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the packages promise users, checked in the files jpackage reads. */
class PackagingConfigTest {

  private static final Path PACKAGING = Path.of("src/main/packaging");

  @Test
  void packagesDeclareTheLibrariesJavaFxLoadsAtRunTime() throws Exception {
    Map<String, String> properties = buildProperties();

    assertThat(properties.get("deb.deps")).contains("libgtk-3-0", "libxtst6", "libgl1");
    assertThat(properties.get("rpm.deps")).contains("gtk3", "libXtst", "mesa-libGL");
    assertThat(Files.readString(Path.of("build.xml")))
        .contains("<arg value=\"--linux-package-deps\"/><arg value=\"@{deps}\"/>")
        .contains("deps=\"${deb.deps}\"")
        .contains("deps=\"${rpm.deps}\"");
  }

  @Test
  void runtimeAddsTheModulesLoadedByNameThatJdepsCannotSee() throws Exception {
    assertThat(List.of(buildProperties().get("extra.modules").split(",")))
        .contains("jdk.crypto.ec", "jdk.crypto.cryptoki", "jdk.naming.dns", "jdk.charsets");
  }

  @Test
  void experimentFilesOpenInTheApp() throws IOException {
    Properties association = load(PACKAGING.resolve("experiment-association.properties"));

    assertThat(association.getProperty("extension")).isEqualTo("faultline.yaml");
    assertThat(association.getProperty("mime-type"))
        .isEqualTo("application/x-faultline-experiment");
    assertThat(Files.readString(Path.of("build.xml")).split("--file-associations", -1))
        .as("the deb and rpm macro, msi and dmg all associate the files")
        .hasSize(4);
  }

  @Test
  void everyOsGetsTheCliLauncherAndWindowsAConsoleOne() throws IOException {
    for (String os : List.of("linux", "windows", "mac")) {
      Properties launcher = load(PACKAGING.resolve("cli-launcher-" + os + ".properties"));
      assertThat(launcher.getProperty("main-class")).as(os).isEqualTo("dev.faultline.cli.Main");
    }
    assertThat(load(PACKAGING.resolve("cli-launcher-windows.properties")))
        .containsEntry("win-console", "true");
    assertThat(load(PACKAGING.resolve("cli-launcher-linux.properties")))
        .containsEntry("linux-shortcut", "false");
  }

  @Test
  void debAndRpmPutBothCommandsOnThePathAndTakeThemAway() throws IOException {
    for (String script : List.of("postinst", "faultline.spec")) {
      assertThat(Files.readString(PACKAGING.resolve("linux").resolve(script)))
          .as(script)
          .contains("/usr/bin/faultline", "/usr/bin/faultline-designer", "hicolor");
    }
    assertThat(Files.readString(PACKAGING.resolve("linux/prerm")))
        .contains("/usr/bin/faultline", "rm -f");
    assertThat(Files.readString(PACKAGING.resolve("linux/faultline.spec")))
        .contains("%preun\npackage_type=rpm\n# Faultline");
  }

  private static Map<String, String> buildProperties() throws Exception {
    Document build =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("build.xml").toFile());
    NodeList nodes = build.getDocumentElement().getElementsByTagName("property");
    Map<String, String> properties = new HashMap<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element property = (Element) nodes.item(i);
      properties.putIfAbsent(property.getAttribute("name"), property.getAttribute("value"));
    }
    return properties;
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return properties;
  }
}
