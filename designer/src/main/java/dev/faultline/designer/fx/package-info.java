/** JavaFX threading helpers: run slow work off the FX thread and deliver results back on it. */
package dev.faultline.designer.fx;
