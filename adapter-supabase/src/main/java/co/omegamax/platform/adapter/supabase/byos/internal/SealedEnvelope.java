package co.omegamax.platform.adapter.supabase.byos.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored form of a sealed secret, version 1: a JSON object with base64url fields
 * <pre>
 * {"omega_sealed":1, "alg":"A256GCM", "kid":"mk-…", "owner":"…", "wk":"…", "ct":"…"}
 * </pre>
 * {@code kid} names the master key that wrapped the data key {@code wk}; {@code owner} is a fingerprint of the user
 * id and purpose (the real binding is the AES-GCM associated data); {@code ct} is {@code iv || ciphertext || tag}.
 *
 * @param version format version
 * @param keyId   master key id
 * @param owner   owner fingerprint
 * @param wrappedKey the wrapped data key
 * @param ciphertext the sealed payload
 */
public record SealedEnvelope(int version, String keyId, byte[] owner, byte[] wrappedKey, byte[] ciphertext) {
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;
    /** The payload cipher. */
    public static final String ALGORITHM = "A256GCM";
    private static final String MARKER = "omega_sealed";

    /** @return the JSON text */
    public String toJson() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(MARKER, version);
        m.put("alg", ALGORITHM);
        m.put("kid", keyId);
        m.put("owner", b64.encodeToString(owner));
        m.put("wk", b64.encodeToString(wrappedKey));
        m.put("ct", b64.encodeToString(ciphertext));
        return JSONObjectUtils.toJSONString(m);
    }

    /**
     * @return the envelope in {@code json}
     * @throws Malformed with a reason (never echoing the input)
     */
    public static SealedEnvelope parse(String json) throws Malformed {
        if (json == null || json.isBlank()) {
            throw new Malformed("it is empty", false);
        }
        Map<String, Object> m;
        try {
            m = JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new Malformed("it is not a JSON object", false);
        }
        if (!(m.get(MARKER) instanceof Number n)) {
            throw new Malformed("it has no \"" + MARKER + "\" version field", false);
        }
        int version = n.intValue();
        if (version != VERSION) {
            throw new Malformed("it is format version " + version + ", this code reads version " + VERSION, true);
        }
        if (!ALGORITHM.equals(m.get("alg"))) {
            throw new Malformed("its algorithm is not " + ALGORITHM, false);
        }
        if (!(m.get("kid") instanceof String kid) || !kid.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new Malformed("its master key id is missing or invalid", false);
        }
        return new SealedEnvelope(version, kid, bytes(m, "owner"), bytes(m, "wk"), bytes(m, "ct"));
    }

    private static byte[] bytes(Map<String, Object> m, String field) throws Malformed {
        if (!(m.get(field) instanceof String s) || s.isEmpty()) {
            throw new Malformed("its field \"" + field + "\" is missing", false);
        }
        try {
            return Base64.getUrlDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new Malformed("its field \"" + field + "\" is not base64url", false);
        }
    }

    /** The text is not a version-1 envelope. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean unsupportedVersion;

        Malformed(String why, boolean unsupportedVersion) {
            super(why);
            this.unsupportedVersion = unsupportedVersion;
        }

        /** @return true if only the version is not supported */
        public boolean unsupportedVersion() {
            return unsupportedVersion;
        }
    }
}
