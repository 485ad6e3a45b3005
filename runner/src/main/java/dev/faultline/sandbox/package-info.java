/**
 * The embedded sandbox cluster: a Kubernetes API on loopback that real {@code kubectl} and the
 * fabric8 client accept, with a seeded demo world, simulated controllers and demo HTTP services. It
 * is the app's default cluster when no kubeconfig exists, the demo, and the test bed. Faultline
 * talks to it through exactly the same client code as to a real cluster.
 */
package dev.faultline.sandbox;
