/**
 * OMEGA platform SPI: the tenancy model (user account → workspace → project → data), the {@link
 * co.omegamax.platform.spi.DataStore} and {@link co.omegamax.platform.spi.AuthProvider} ports, their
 * ServiceLoader discovery ({@link co.omegamax.platform.spi.Providers}) and typed configuration
 * ({@link co.omegamax.platform.spi.PlatformConfig}).
 */
package co.omegamax.platform.spi;
