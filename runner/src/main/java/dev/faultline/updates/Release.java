package dev.faultline.updates;

import java.net.URI;
import java.util.Optional;

/**
 * One release in the feed.
 *
 * @param tag the release tag as published ({@code v0.2.0})
 * @param version the tag read as a version
 * @param name the release title; the tag when the feed has none
 * @param page the release's web page (http or https only); empty when the feed has none
 * @param notes the release notes, Markdown as published; may be empty
 * @param draft whether the release is a draft (never offered)
 * @param preRelease whether the feed or the version marks it as a pre-release
 */
public record Release(
    String tag,
    ReleaseVersion version,
    String name,
    Optional<URI> page,
    String notes,
    boolean draft,
    boolean preRelease) {

  /** At most this many characters of notes are shown. */
  static final int EXCERPT_CHARS = 600;

  /** At most this many lines of notes are shown. */
  static final int EXCERPT_LINES = 12;

  /** The first lines of the notes, cut at a line end or word where possible, with "…" if cut. */
  public String notesExcerpt() {
    String text = notes.strip().replace("\r\n", "\n");
    String[] lines = text.split("\n", -1);
    boolean cut = false;
    if (lines.length > EXCERPT_LINES) {
      text = String.join("\n", java.util.Arrays.copyOf(lines, EXCERPT_LINES));
      cut = true;
    }
    if (text.length() > EXCERPT_CHARS) {
      int space = text.lastIndexOf(' ', EXCERPT_CHARS);
      text = text.substring(0, space > EXCERPT_CHARS / 2 ? space : EXCERPT_CHARS);
      cut = true;
    }
    return cut ? text.stripTrailing() + " \u2026" : text;
  }
}
