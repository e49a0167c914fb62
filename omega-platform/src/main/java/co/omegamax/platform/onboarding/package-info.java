/**
 * Onboarding (architecture spec §7): sign-up with the free plan, the first workspace from a name, "connect CLI"
 * with a fresh workspace key and a ready-to-paste config snippet, {@code omega link} to write that config, the
 * six-item getting-started checklist computed from real data, and labelled demo data that one call removes.
 * Start with {@link co.omegamax.platform.onboarding.OnboardingService}.
 */
package co.omegamax.platform.onboarding;
