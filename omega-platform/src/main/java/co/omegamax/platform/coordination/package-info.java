/**
 * Multi-agent coordination for several coding agents working on one repository: sessions with heartbeats,
 * exclusive file, branch and task claims, intents with overlap checks, tasks with dependencies, messages,
 * handoffs, decisions and a git audit trail. {@link co.omegamax.platform.coordination.CoordinationService} is the
 * Java API over any {@link co.omegamax.platform.spi.DataStore};
 * {@link co.omegamax.platform.coordination.CoordinationToolProvider} offers it as MCP tools.
 */
package co.omegamax.platform.coordination;
