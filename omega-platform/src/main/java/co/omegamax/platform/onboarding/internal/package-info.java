/** Implementation of the onboarding services: demo dataset, checklist computation, config snippet and file I/O. */
package co.omegamax.platform.onboarding.internal;
