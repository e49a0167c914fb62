package co.omegamax.platform.spi;

import java.util.Optional;

/**
 * The platform's auth chain: a workspace key ({@code Authorization: Bearer omk_live_…} or the
 * {@value WorkspaceKeys#HEADER} header — what the CLI sends from {@code OMEGA_WORKSPACE_KEY}) is resolved by the
 * {@link WorkspaceKeyStore}; anything else goes to the {@link AuthProvider}. A presented workspace key that does
 * not verify is refused; it never falls through to the session provider.
 */
public final class AuthChain {
    private final WorkspaceKeyStore keys;
    private final AuthProvider sessions;

    /**
     * @param keys     workspace key store, or null to refuse workspace keys
     * @param sessions session/token provider, or null to accept workspace keys only
     */
    public AuthChain(WorkspaceKeyStore keys, AuthProvider sessions) {
        if (keys == null && sessions == null) {
            throw new ConfigurationException("AuthChain needs a WorkspaceKeyStore, an AuthProvider or both");
        }
        this.keys = keys;
        this.sessions = sessions;
    }

    /**
     * @return the caller
     * @throws AuthenticationException with a typed reason if the request is not authenticated
     */
    public Caller resolve(AuthRequest request) {
        Validate.notNull("request", request);
        Optional<String> key = WorkspaceKeys.fromRequest(request);
        if (key.isPresent()) {
            if (keys == null) {
                throw new AuthenticationException(AuthFailureReason.OTHER,
                        "workspace keys are not accepted here; sign in instead");
            }
            if (!WorkspaceKeys.isWellFormed(key.get())) {
                throw new AuthenticationException(AuthFailureReason.MALFORMED_TOKEN,
                        "the workspace key is malformed; copy it again from the dashboard (it starts with "
                                + WorkspaceKeys.PREFIX + ")");
            }
            WorkspaceKeyPrincipal p = keys.verify(key.get()).orElseThrow(() -> new AuthenticationException(
                    AuthFailureReason.REVOKED, "the workspace key is unknown or revoked; create a new key in the"
                            + " dashboard and set OMEGA_WORKSPACE_KEY"));
            return new Caller(p.userId(), p.workspaceId(), Caller.Method.WORKSPACE_KEY);
        }
        if (sessions == null) {
            throw new AuthenticationException(AuthFailureReason.MISSING_TOKEN,
                    "no workspace key presented; send 'Authorization: Bearer omk_live_…' or set OMEGA_WORKSPACE_KEY");
        }
        AuthSession session = sessions.authenticate(request);
        return new Caller(session.user().id(), null, Caller.Method.SESSION);
    }
}
