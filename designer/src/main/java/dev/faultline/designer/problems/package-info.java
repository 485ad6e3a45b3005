/**
 * The problems panel: every validation problem of the document, filtered by severity; activating
 * one selects its step and reveals it in the text view.
 */
package dev.faultline.designer.problems;
