package co.omegamax.platform.tck;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * JDK-only helpers the kit uses to build hostile tokens (unsigned, HMAC-with-public-key, tampered) and the claims
 * of good ones. Public for adapter-specific tests.
 */
public final class Jwts {
    private Jwts() {
    }

    /** @return base64url without padding */
    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return base64url of the UTF-8 JSON of a map */
    public static String b64Json(Map<String, ?> map) {
        return b64(json(map).getBytes(StandardCharsets.UTF_8));
    }

    /** @return an unsigned token: {@code {"alg":"none"}} header, the claims, and an empty signature */
    public static String unsigned(Map<String, ?> header, Map<String, ?> claims) {
        return b64Json(header) + "." + b64Json(claims) + ".";
    }

    /** @return an HS256 token whose HMAC key is {@code secret} (e.g. the issuer's public key bytes) */
    public static String hs256(Map<String, ?> header, Map<String, ?> claims, byte[] secret) {
        String input = b64Json(header) + "." + b64Json(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the token with its payload replaced by {@code claims}, signature kept */
    public static String withPayload(String token, Map<String, ?> claims) {
        String[] parts = token.split("\\.", -1);
        return parts[0] + "." + b64Json(claims) + "." + parts[2];
    }

    /** @return the token with one signature character changed (still valid base64url) */
    public static String withFlippedSignature(String token) {
        String[] parts = token.split("\\.", -1);
        char[] sig = parts[2].toCharArray();
        int i = sig.length / 2;
        sig[i] = sig[i] == 'A' ? 'B' : 'A';
        return parts[0] + "." + parts[1] + "." + new String(sig);
    }

    /** @return minimal JSON of strings, numbers, booleans, null, collections and maps */
    public static String json(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ",");
                write(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
                first = false;
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                sb.append(first ? "" : ",");
                write(sb, o);
                first = false;
            }
            sb.append(']');
        } else {
            sb.append('"');
            for (char ch : v.toString().toCharArray()) {
                switch (ch) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (ch < 0x20) {
                            sb.append(String.format("\\u%04x", (int) ch));
                        } else {
                            sb.append(ch);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }
}
