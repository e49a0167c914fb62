/**
 * Conformance kits for OMEGA platform adapters: abstract JUnit 5 test classes an adapter extends in a few lines,
 * starting with {@link co.omegamax.platform.tck.DataStoreCompatibilityKit}.
 */
package co.omegamax.platform.tck;
