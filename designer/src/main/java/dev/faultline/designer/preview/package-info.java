/**
 * The live target preview: which pods the selected attack would hit in the connected cluster, kept
 * current while the user designs, plus per-attack badge counts for the canvas.
 *
 * <p>{@link dev.faultline.designer.preview.PreviewViewModel} follows the document, the selection
 * and a {@link dev.faultline.cluster.snapshot.ClusterSnapshot}; it resolves targets off the FX
 * thread, at most once per pulse, and publishes the outcome. {@link
 * dev.faultline.designer.preview.PreviewView} shows it.
 */
package dev.faultline.designer.preview;
