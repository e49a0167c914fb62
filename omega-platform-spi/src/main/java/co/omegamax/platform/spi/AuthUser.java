package co.omegamax.platform.spi;

import java.util.Objects;

/**
 * The signed-in person as the identity provider knows them (spec §5.5 {@code User}).
 *
 * @param id        user id, the same id the {@link DataStore} methods take
 * @param email     e-mail address
 * @param name      display name, or null
 * @param avatarUrl avatar URL, or null
 */
public record AuthUser(String id, String email, String name, String avatarUrl) {
    /** Validates the components. */
    public AuthUser {
        id = Validate.userId(id);
        Objects.requireNonNull(email, "email");
    }
}
