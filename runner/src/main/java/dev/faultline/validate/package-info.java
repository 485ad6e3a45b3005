/**
 * Validation of experiments: {@link dev.faultline.validate.Problem}s with severity, field path and
 * source position, and the rules that find them. Rules read the model only; positions come from the
 * {@link dev.faultline.validate.Locator} of the file the model was read from.
 */
package dev.faultline.validate;
