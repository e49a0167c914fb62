package co.omegamax.platform.adapter.supabase.gateway;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JSON parsing for the gateway tests (nimbus-jose-jwt's bundled parser; no extra dependency). */
final class GatewayJson {
    private GatewayJson() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(String json) {
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object o : JSONArrayUtils.parse(json)) {
                rows.add((Map<String, Object>) o);
            }
            return rows;
        } catch (ParseException e) {
            throw new AssertionError("not a JSON array of objects: " + json, e);
        }
    }

    static Map<String, Object> object(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new AssertionError("not a JSON object: " + json, e);
        }
    }

    static List<Object> column(String json, String name) {
        return rows(json).stream().map(r -> r.get(name)).toList();
    }
}
