/** OMEGA platform adapter: oidc. See the module README. */
package co.omegamax.platform.adapter.oidc;
