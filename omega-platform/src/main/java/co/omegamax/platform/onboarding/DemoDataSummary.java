package co.omegamax.platform.onboarding;

/**
 * What {@link OnboardingService#seedDemoData} wrote or {@link OnboardingService#removeDemoData} deleted.
 *
 * @param projects           demo projects
 * @param memories           demo memories
 * @param trackedEntities    demo tracked entities
 * @param entityTypes        distinct entity types among them
 * @param sessions           demo agent sessions
 * @param coordinationEvents demo coordination events (intents, decisions, git events, metrics, file reads)
 * @param memoryLinks        memory graph links written (0 on removal: links go with their memories)
 * @param entityLinks        entity graph links written (0 on removal: links go with their entities)
 */
public record DemoDataSummary(int projects, int memories, int trackedEntities, int entityTypes, int sessions,
                              int coordinationEvents, int memoryLinks, int entityLinks) {
    /** @return true if nothing was written or deleted */
    public boolean isEmpty() {
        return projects + memories + trackedEntities + sessions + coordinationEvents + memoryLinks + entityLinks == 0;
    }
}
