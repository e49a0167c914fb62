/** Implementation of the sync engine: outbox, batch push, scope resolution, backoff and the pusher thread. */
package co.omegamax.platform.sync.internal;
