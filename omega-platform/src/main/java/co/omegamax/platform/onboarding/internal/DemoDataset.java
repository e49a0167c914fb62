package co.omegamax.platform.onboarding.internal;

import java.util.List;

/**
 * The sample content of the demo workspace (spec §7.7): a small agency's people, clients and memberships, two
 * client projects, and five agent sessions. Pure data; {@link DemoSeeder} turns it into rows.
 */
final class DemoDataset {
    /** Prefix of every demo name and text. */
    static final String LABEL = "[Demo] ";

    record Entity(String key, String name, String type, String company, String organization) {
    }

    record Template(String eventType, String text) {
    }

    record ProjectSpec(String key, String name, String description, String company, List<Template> memories) {
    }

    record SessionSpec(String agent, int project, String intent, String decision, String commit, String file,
                       long tokens) {
    }

    static final List<Entity> ENTITIES = List.of(
            new Entity("dana", "Dana Reyes", "person", "acme", null),
            new Entity("sam", "Sam Okafor", "person", "globex", null),
            new Entity("lee", "Lee Park", "person", "initech", "council"),
            new Entity("acme", "Acme Robotics", "company", null, "guild"),
            new Entity("globex", "Globex Foods", "company", null, "chamber"),
            new Entity("initech", "Initech", "company", null, "council"),
            new Entity("guild", "Open Source Guild", "organization", null, null),
            new Entity("chamber", "City Chamber of Commerce", "organization", null, null),
            new Entity("council", "Design Council", "organization", null, null));

    /** Memory templates per entity type; {name} is the entity, {company} the person's company. */
    static final List<Template> PERSON = List.of(
            new Template("user_preference", "{name} prefers short written updates over status meetings."),
            new Template("decision", "{name} approved the {company} proposal on condition that it ships in two phases."),
            new Template("lesson_learned", "Loop {name} in before changing anything that touches billing."),
            new Template("user_fact", "{name} is the main contact at {company}; reach them by e-mail, not phone."),
            new Template("error_pattern", "{name} reported that the staging login fails after a password reset."));
    static final List<Template> COMPANY = List.of(
            new Template("decision", "{name} signed a 12-month retainer; the renewal review is due in spring."),
            new Template("constraint", "{name}'s brand guide requires their navy (#1B2A4A) in every page header."),
            new Template("user_preference", "Deploys for {name} go out on Tuesdays; their IT freezes changes Thu-Fri."),
            new Template("lesson_learned", "Invoices to {name} must quote the purchase-order number or they bounce."),
            new Template("error_pattern", "{name}'s API rate-limits at 100 requests per minute; batch the imports."));
    static final List<Template> ORGANIZATION = List.of(
            new Template("user_fact", "{name} meets on the first Monday of each month."),
            new Template("decision", "We agreed to present a case study at the next {name} event."),
            new Template("user_fact", "The {name} membership renews in January, paid from the marketing budget."),
            new Template("lesson_learned", "Send {name} talk abstracts two weeks early; late ones were dropped."));

    static final List<ProjectSpec> PROJECTS = List.of(
            new ProjectSpec("website", "Website relaunch", "Sample project: the Acme Robotics website relaunch.",
                    "acme", List.of(
                    new Template("decision", "Website relaunch: Astro with a headless CMS so marketing can edit pages."),
                    new Template("constraint", "Website relaunch: images stay under 200 KB to meet the performance budget."),
                    new Template("lesson_learned", "Website relaunch: old /blog URLs need 301 redirects; missing ones cost traffic."),
                    new Template("error_pattern", "Website relaunch: the contact form broke when the spam filter blocked plus-addresses."))),
            new ProjectSpec("mobile", "Mobile ordering app", "Sample project: the Globex Foods mobile ordering app.",
                    "globex", List.of(
                    new Template("decision", "Mobile ordering app: React Native, one codebase instead of two native apps."),
                    new Template("constraint", "Mobile ordering app: payments go through Stripe; card data never touches our servers."),
                    new Template("lesson_learned", "Mobile ordering app: App Store review took 6 days; plan releases with that buffer."),
                    new Template("error_pattern", "Mobile ordering app: Android 14 push notifications failed until the permission prompt was added."))));

    static final List<SessionSpec> SESSIONS = List.of(
            new SessionSpec("claude-code", 0, "Rebuild the pricing page with the new CMS components",
                    "Keep the old pricing URLs and redirect them", "feat: pricing page on the headless CMS",
                    "src/pages/pricing.astro", 48_200),
            new SessionSpec("cursor", 1, "Add Stripe payment sheet to checkout",
                    "Use Stripe's hosted payment sheet instead of a custom card form", "feat: Stripe payment sheet",
                    "app/checkout/PaymentSheet.tsx", 61_900),
            new SessionSpec("claude-code", 0, "Compress hero images below the 200 KB budget",
                    "Serve AVIF with a WebP fallback", "perf: AVIF hero images", "public/images/hero.avif", 23_400),
            new SessionSpec("codex", 1, "Fix Android 14 push notification permission",
                    "Ask for notification permission after the first order", "fix: Android 14 notification prompt",
                    "android/app/src/main/AndroidManifest.xml", 35_700),
            new SessionSpec("cursor", -1, "Draft the Design Council case study outline",
                    "Lead with the Acme relaunch numbers", "docs: case study outline", "docs/case-study.md", 12_800));

    private DemoDataset() {
    }
}
