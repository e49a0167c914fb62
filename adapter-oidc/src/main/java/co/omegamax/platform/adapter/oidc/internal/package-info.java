/** Implementation of the OIDC adapter: key-set cache, token verification, HTTP. Not a public API. */
package co.omegamax.platform.adapter.oidc.internal;
