/**
 * Runs a Chaos Mesh Workflow in a cluster: preflight, journal, apply, watch its WorkflowNodes as a
 * live node tree ({@link dev.faultline.workflow.WorkflowState}) and delete it on stop. The same
 * code runs against the sandbox (whose simulated workflow controller drives it) and a real cluster.
 */
package dev.faultline.workflow;
