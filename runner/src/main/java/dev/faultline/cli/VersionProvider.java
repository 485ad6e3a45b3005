package dev.faultline.cli;

import picocli.CommandLine;

/** The version from the jar manifest; "dev" when running from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  static String version() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "faultline " + version(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
