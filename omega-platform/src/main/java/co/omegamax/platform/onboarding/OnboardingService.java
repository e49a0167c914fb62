package co.omegamax.platform.onboarding;

import co.omegamax.platform.onboarding.internal.ChecklistReader;
import co.omegamax.platform.onboarding.internal.ConfigSnippet;
import co.omegamax.platform.onboarding.internal.DemoSeeder;
import co.omegamax.platform.onboarding.internal.OnboardingSettings;
import co.omegamax.platform.spi.ConflictException;
import co.omegamax.platform.spi.CreateWorkspaceInput;
import co.omegamax.platform.spi.DataStore;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.NewWorkspaceKey;
import co.omegamax.platform.spi.NotFoundException;
import co.omegamax.platform.spi.Page;
import co.omegamax.platform.spi.Plan;
import co.omegamax.platform.spi.Slugs;
import co.omegamax.platform.spi.UpdateWorkspaceInput;
import co.omegamax.platform.spi.UserAccount;
import co.omegamax.platform.spi.UserAccountInput;
import co.omegamax.platform.spi.Validate;
import co.omegamax.platform.spi.Workspace;
import co.omegamax.platform.spi.WorkspaceKeyStore;
import co.omegamax.platform.spi.WorkspaceType;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The onboarding flow of spec §7 over any {@link DataStore}:
 * <ol>
 *   <li>{@link #signUp} — the user account with the free plan (idempotent);</li>
 *   <li>{@link #createFirstWorkspace} — a workspace from a name, slug generated ({@link #suggestSlug}) and editable
 *       ({@link #changeSlug}), type defaulting to business;</li>
 *   <li>{@link #connectCli} — a fresh workspace key and the {@code ~/.omega/config.yaml} snippet;</li>
 *   <li>{@link #checklist} — the six getting-started items, computed from real data;</li>
 *   <li>{@link #seedDemoData} / {@link #removeDemoData} — labelled sample data and its one-call removal.</li>
 * </ol>
 * <pre>{@code
 * OnboardingService onboarding = OnboardingService.over(store);          // store may also keep workspace keys
 * onboarding.signUp(userId);
 * Workspace ws = onboarding.createFirstWorkspace(userId, "Acme Corp");    // slug acme-corp, type business
 * CliConnection cli = onboarding.connectCli(userId, ws.id());            // cli.snippet() → show once
 * Checklist list = onboarding.checklist(userId, ws.id());                // "Getting Started [2/6 complete]"
 * }</pre>
 * Every method takes the acting user first and touches only that user's rows. Instances are thread-safe.
 */
public final class OnboardingService {
    /** Sync endpoint of the managed platform, written into config snippets unless another one is given. */
    public static final String DEFAULT_SYNC_URL = "https://omegamax.co/api/sync";

    private static final Logger LOG = LoggerFactory.getLogger(OnboardingService.class);

    private final DataStore store;
    private final WorkspaceKeyStore keys;
    private final Clock clock;
    private final String syncUrl;

    /**
     * @param store   the platform store
     * @param keys    where workspace keys are kept, or null when the deployment has none
     *                ({@link #connectCli} then throws {@link WorkspaceKeysUnsupportedException})
     * @param clock   time source for demo timestamps and recorded flags
     * @param syncUrl sync endpoint for config snippets ({@value #DEFAULT_SYNC_URL}, or a BYOS / on-prem URL)
     */
    public OnboardingService(DataStore store, WorkspaceKeyStore keys, Clock clock, String syncUrl) {
        this.store = Validate.notNull("store", store);
        this.keys = keys;
        this.clock = Validate.notNull("clock", clock);
        this.syncUrl = checkUrl(syncUrl);
    }

    /** @return a service over {@code store}, using it for workspace keys when it is a {@link WorkspaceKeyStore} */
    public static OnboardingService over(DataStore store) {
        Validate.notNull("store", store);
        return new OnboardingService(store, store instanceof WorkspaceKeyStore k ? k : null, Clock.systemUTC(),
                DEFAULT_SYNC_URL);
    }

    // ---- step 1: account -------------------------------------------------------------------------------------

    /**
     * Creates the user's account on the free plan. Calling it again keeps the existing account, plan and settings.
     *
     * @return the user's account
     */
    public UserAccount signUp(String userId) {
        String user = Validate.userId(userId);
        Optional<UserAccount> existing = store.getUserAccount(user);
        if (existing.isPresent()) {
            return existing.get();
        }
        UserAccount created = store.saveUserAccount(user, UserAccountInput.of(Plan.FREE));
        LOG.info("signed up user {} on the free plan", user);
        return created;
    }

    // ---- step 2: first workspace -----------------------------------------------------------------------------

    /**
     * @return the slug a workspace named {@code name} would get for this user: {@link Slugs#slugify} of the name,
     *     made unique among the user's workspaces ({@code acme-corp}, {@code acme-corp-2}, …); show it as editable
     */
    public String suggestSlug(String userId, String name) {
        String user = Validate.userId(userId);
        String base = Slugs.slugify(Validate.name("name", name));
        return Slugs.unique(base, s -> store.getWorkspace(user, s).isPresent());
    }

    /** Same as {@link #createFirstWorkspace(String, String, String, WorkspaceType)} with a generated slug and type business. */
    public Workspace createFirstWorkspace(String userId, String name) {
        return createFirstWorkspace(userId, name, null, null);
    }

    /**
     * Creates a workspace (signing the user up first if needed).
     *
     * @param name the display name (required), e.g. "Acme Corp"; {@link WorkspaceNames#fromEmail} suggests one
     * @param slug the slug the user edited, or null to generate a unique one from the name
     * @param type business, client or personal; null means {@link WorkspaceType#BUSINESS}
     * @throws ConflictException     if the user already has a workspace with this slug (pick another)
     * @throws InvalidInputException for a blank name or a malformed slug
     */
    public Workspace createFirstWorkspace(String userId, String name, String slug, WorkspaceType type) {
        String user = Validate.userId(userId);
        CreateWorkspaceInput input = new CreateWorkspaceInput(name, type == null ? WorkspaceType.BUSINESS : type,
                slug, null); // a null slug: the store derives a unique one from the name with Slugs
        signUp(user);
        Workspace ws = store.createWorkspace(user, input);
        LOG.info("created workspace {} ({}) for user {}", ws.id(), ws.slug(), user);
        return ws;
    }

    /**
     * Changes a workspace's slug (the user edits the generated one).
     *
     * @throws ConflictException if the user has another workspace with this slug
     * @throws NotFoundException if the user has no such workspace
     */
    public Workspace changeSlug(String userId, String workspaceId, String slug) {
        return store.updateWorkspace(Validate.userId(userId), Validate.id("workspaceId", workspaceId),
                UpdateWorkspaceInput.reslug(slug));
    }

    // ---- step 3: connect the CLI -----------------------------------------------------------------------------

    /**
     * Creates a fresh workspace key and the config snippet of spec §7.4 ({@code user_id}, {@code workspace},
     * {@code workspace_key}, {@code sync}). The key is shown only in the returned value.
     *
     * @throws WorkspaceKeysUnsupportedException if this deployment keeps no workspace keys
     * @throws NotFoundException                 if the user has no such workspace
     */
    public CliConnection connectCli(String userId, String workspaceId) {
        String user = Validate.userId(userId);
        Workspace ws = workspace(user, workspaceId);
        WorkspaceKeyStore keyStore = requireKeys("create a workspace key");
        NewWorkspaceKey created = keyStore.create(user, ws.id(), "CLI (connected "
                + DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(clock.instant()) + ")");
        LOG.info("created CLI key {} for workspace {} of user {}", created.key().id(), ws.id(), user);
        return new CliConnection(created.key(), created.secret(),
                ConfigSnippet.render(user, ws.slug(), created.secret(), syncUrl));
    }

    // ---- checklist -------------------------------------------------------------------------------------------

    /** @return the checklist of the user's oldest workspace, or an all-open checklist if the user has none */
    public Checklist checklist(String userId) {
        String user = Validate.userId(userId);
        Optional<Workspace> first = store.getWorkspaces(user, Page.first(Page.MAX_LIMIT)).stream()
                .min(Comparator.comparing(Workspace::createdAt).thenComparing(Workspace::id));
        return first.map(ws -> new ChecklistReader(store, keys).read(user, ws))
                .orElseGet(ChecklistReader::noWorkspace);
    }

    /**
     * @return the six items for this workspace, each computed now from the store (demo data never counts)
     * @throws NotFoundException if the user has no such workspace
     */
    public Checklist checklist(String userId, String workspaceId) {
        String user = Validate.userId(userId);
        return new ChecklistReader(store, keys).read(user, workspace(user, workspaceId));
    }

    /** Records that the user opened the memory graph (the last checklist item); kept in the workspace settings. */
    public void recordGraphViewed(String userId, String workspaceId) {
        String user = Validate.userId(userId);
        OnboardingSettings.mark(store, user, workspace(user, workspaceId), OnboardingSettings.GRAPH_VIEWED_AT,
                clock.instant());
    }

    /** Hides the checklist for this workspace (the user dismissed it); the items are still computed. */
    public void dismissChecklist(String userId, String workspaceId) {
        String user = Validate.userId(userId);
        OnboardingSettings.mark(store, user, workspace(user, workspaceId), OnboardingSettings.DISMISSED_AT,
                clock.instant());
    }

    // ---- demo data -------------------------------------------------------------------------------------------

    /**
     * Fills the workspace with labelled sample data (spec §7.7): 2 projects, 50 memories about 9 tracked entities
     * of 3 types (person, company, organization) with memory and entity graph links, 5 finished agent sessions
     * with coordination events. Every row is marked: names and texts start with {@code [Demo]}, memories carry the
     * tag {@code demo}, and metadata/attributes/settings {@code demo: true}. Seeding again rewrites the same rows.
     *
     * @return what was written
     * @throws NotFoundException if the user has no such workspace
     */
    public DemoDataSummary seedDemoData(String userId, String workspaceId) {
        String user = Validate.userId(userId);
        DemoDataSummary s = new DemoSeeder(store, clock).seed(user, workspace(user, workspaceId));
        LOG.info("seeded demo data into workspace {} of user {}: {}", workspaceId, user, s);
        return s;
    }

    /**
     * Deletes exactly the demo rows {@link #seedDemoData} wrote in this workspace (nothing else); harmless when
     * there are none.
     *
     * @return what was deleted
     * @throws NotFoundException if the user has no such workspace
     */
    public DemoDataSummary removeDemoData(String userId, String workspaceId) {
        String user = Validate.userId(userId);
        DemoDataSummary s = new DemoSeeder(store, clock).remove(user, workspace(user, workspaceId));
        LOG.info("removed demo data from workspace {} of user {}: {}", workspaceId, user, s);
        return s;
    }

    /**
     * @return whether the workspace holds demo data (a demo project), so the dashboard can show its "demo content"
     *     banner with the remove button
     * @throws NotFoundException if the user has no such workspace
     */
    public boolean hasDemoData(String userId, String workspaceId) {
        String user = Validate.userId(userId);
        return new DemoSeeder(store, clock).present(user, workspace(user, workspaceId));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Workspace workspace(String userId, String workspaceId) {
        String id = Validate.id("workspaceId", workspaceId);
        return store.getWorkspaceById(userId, id).orElseThrow(() -> new NotFoundException("workspace", id));
    }

    private WorkspaceKeyStore requireKeys(String action) {
        if (keys == null) {
            throw new WorkspaceKeysUnsupportedException(store.getClass().getSimpleName(), action);
        }
        return keys;
    }

    private static String checkUrl(String url) {
        Objects.requireNonNull(url, "syncUrl");
        try {
            URI uri = URI.create(url);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidInputException("syncUrl", "must be an http(s) URL such as " + DEFAULT_SYNC_URL + ", was '"
                + url + "'");
    }
}
