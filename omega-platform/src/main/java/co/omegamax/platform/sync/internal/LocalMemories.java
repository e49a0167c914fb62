package co.omegamax.platform.sync.internal;

import co.omegamax.memory.Memory;
import co.omegamax.memory.MemoryEngine;
import co.omegamax.memory.MemoryQuery;
import co.omegamax.memory.QueryMode;
import co.omegamax.platform.spi.Validate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every memory a local engine holds (all scopes, superseded and flagged ones included, expired ones not)
 * through its public timeline, page by page, for the first sync.
 */
public final class LocalMemories {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMemories.class);
    private static final int PAGE = 200;
    private static final int MAX_OFFSET = 100_000;

    private LocalMemories() {
    }

    /** @return the engine's memories, newest first, each once */
    public static List<Memory> all(MemoryEngine engine) {
        Validate.notNull("engine", engine);
        Map<String, Memory> byId = new LinkedHashMap<>();
        MemoryQuery.Builder q = MemoryQuery.builder().mode(QueryMode.TIMELINE).limit(PAGE).includeSuperseded(true)
                .includeFlagged(true).expandGraph(false).inferTemporal(false);
        for (int offset = 0; ; offset += PAGE) {
            if (offset > MAX_OFFSET) {
                LOG.warn("the local memory database holds more than {} memories; only the newest {} are queued for"
                        + " the first sync (older ones sync when they change)", MAX_OFFSET + PAGE, byId.size());
                break;
            }
            List<Memory> page = engine.timeline(q.offset(offset).build());
            page.forEach(m -> byId.putIfAbsent(m.id(), m));
            if (page.size() < PAGE) {
                break;
            }
        }
        return new ArrayList<>(byId.values());
    }
}
