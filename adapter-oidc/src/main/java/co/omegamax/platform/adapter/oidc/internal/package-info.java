/** Implementation of the OIDC adapter: HTTP (key-set fetch); caching and verification live in omega-platform-jwt. Not a public API. */
package co.omegamax.platform.adapter.oidc.internal;
