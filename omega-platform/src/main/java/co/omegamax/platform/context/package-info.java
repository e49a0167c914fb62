/**
 * The local agent's place in the tenancy hierarchy ({@link co.omegamax.platform.context.WorkspaceContext}),
 * resolved from configuration and shared by the coordination tools, the sync engine and the CLI link command.
 */
package co.omegamax.platform.context;
