package co.omegamax.platform.adapter.supabase.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Prefer} request header preferences the gateway honours: {@code return=minimal|headers-only|representation},
 * {@code count=exact}, {@code resolution=merge-duplicates|ignore-duplicates}, {@code missing=default}.
 * Unknown preferences are ignored ({@code handling=lenient}, PostgREST's default).
 */
record Prefer(String returning, boolean countExact, String resolution, List<String> applied) {
    static Prefer parse(List<String> headers) {
        String returning = null;
        boolean count = false;
        String resolution = null;
        List<String> applied = new ArrayList<>();
        for (String header : headers == null ? List.<String>of() : headers) {
            for (String raw : header.split(",")) {
                String p = raw.trim();
                switch (p) {
                    case "return=minimal", "return=headers-only", "return=representation" -> {
                        returning = p.substring("return=".length());
                        applied.add(p);
                    }
                    case "count=exact" -> {
                        count = true;
                        applied.add(p);
                    }
                    case "resolution=merge-duplicates", "resolution=ignore-duplicates" -> {
                        resolution = p.substring("resolution=".length());
                        applied.add(p);
                    }
                    case "missing=default" -> applied.add(p);
                    default -> {
                        // lenient handling: ignored, as PostgREST does without Prefer: handling=strict
                    }
                }
            }
        }
        return new Prefer(returning, count, resolution, List.copyOf(applied));
    }

    boolean representation() {
        return "representation".equals(returning);
    }
}
