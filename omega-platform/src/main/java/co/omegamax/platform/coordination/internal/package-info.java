/** Implementation details of the coordination service and tools: scoped store access, claim ids, tool plumbing. */
package co.omegamax.platform.coordination.internal;
