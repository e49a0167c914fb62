package co.omegamax.platform.adapter.supabase.byos.internal;

import co.omegamax.platform.adapter.supabase.byos.ByosCredentials;
import co.omegamax.platform.adapter.supabase.byos.ByosCredentials.DatabaseConnection;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The plaintext JSON of {@link ByosCredentials} that the vault seals (version 1). */
public final class CredentialsCodec {
    private CredentialsCodec() {
    }

    /** @return UTF-8 JSON bytes of the credentials */
    public static byte[] encode(ByosCredentials c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", 1);
        m.put("url", c.supabaseUrl());
        m.put("anon_key", c.anonKey());
        if (c.serviceRoleKey() != null) {
            m.put("service_role_key", c.serviceRoleKey());
        }
        if (c.database() != null) {
            m.put("db_url", c.database().jdbcUrl());
            m.put("db_user", c.database().user());
            m.put("db_password", c.database().password());
        }
        return JSONObjectUtils.toJSONString(m).getBytes(StandardCharsets.UTF_8);
    }

    /** @return the credentials, or empty if the bytes are not version-1 credentials JSON */
    public static Optional<ByosCredentials> decode(byte[] json) {
        try {
            Map<String, Object> m = JSONObjectUtils.parse(new String(json, StandardCharsets.UTF_8));
            if (!(m.get("v") instanceof Number n) || n.intValue() != 1) {
                return Optional.empty();
            }
            DatabaseConnection db = m.get("db_url") instanceof String url
                    ? new DatabaseConnection(url, (String) m.get("db_user"), (String) m.get("db_password")) : null;
            return Optional.of(new ByosCredentials((String) m.get("url"), (String) m.get("anon_key"),
                    (String) m.get("service_role_key"), db));
        } catch (ParseException | ClassCastException | co.omegamax.platform.spi.InvalidInputException e) {
            return Optional.empty();
        }
    }
}
