/**
 * The opt-in check for a newer Faultline release: one plain HTTPS GET of a GitHub-Releases-style
 * JSON feed, compared with the running version. Nothing is downloaded or installed; nothing
 * identifying is sent (see {@code docs/privacy.md}).
 */
package dev.faultline.updates;
