/**
 * Running the experiment from the window: the plan shown before a run starts and its confirmation
 * (protected contexts need their name typed), starting the engine on the connected cluster, the
 * live run view in the bottom panel, the emergency stop, and stopping a run before the window
 * closes.
 */
package dev.faultline.app.run;
