/**
 * The OMEGA platform runtime. It wraps the public memory engine only through its extension points: coordination
 * tools arrive as a {@code ToolProvider}, the sync engine as a {@code HookProvider}, both found by
 * {@link java.util.ServiceLoader} when this jar is on the classpath. Onboarding services work on any
 * {@code DataStore}.
 */
package co.omegamax.platform;
