/**
 * Pure building blocks of the sandbox's Kubernetes API server that real kubectl talks to: {@link
 * dev.faultline.sandbox.api.TableView} renders the server-side {@code Table} that {@code kubectl
 * get} asks for, and {@link dev.faultline.sandbox.api.Patches} applies the PATCH bodies that {@code
 * kubectl scale}, {@code label}, {@code cordon}, {@code apply} and {@code patch} send. Both work on
 * Jackson JSON trees and know nothing of HTTP or of the store; the dispatcher wires them in.
 */
package dev.faultline.sandbox.api;
