/**
 * Safety around runs. For now: kubeconfig contexts the user marked protected (production), kept in
 * Faultline's own settings file, and the guard that makes a run against one ask for an explicit
 * confirmation. The rollback journal, emergency stop and halt conditions will join them.
 */
package dev.faultline.safety;
