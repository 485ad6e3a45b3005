package dev.faultline.app;

/** The application version, from the jar manifest's {@code Implementation-Version}. */
final class AppVersion {

  private AppVersion() {}

  /** The version, or {@code "dev"} when running from classes without a manifest (IDE, tests). */
  static String current() {
    String version = AppVersion.class.getPackage().getImplementationVersion();
    return version == null || version.isBlank() ? "dev" : version;
  }
}
