/**
 * Reference documents generated from the code they describe: the command-line reference from the
 * picocli command tree and the attack and probe reference from the catalog's descriptors. Tests
 * compare the committed files in {@code docs/} with a fresh rendering, so the documents cannot
 * drift from the commands and descriptors.
 */
package dev.faultline.docs;
