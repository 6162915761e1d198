package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import dev.tradecraft.core.CommandFingerprint;
import dev.tradecraft.core.ObservableType;

/**
 * Decides the world's story before a line is written: which organisations are compromised,
 * attempted or clean, what each runs, which actor reaches whom and when, who gets scanned, who
 * patches. Everything here is a function of the spec alone.
 */
final class CampaignPlanner
{
    private static final long LABEL = 0x504c414eL;
    private static final long SECOND = TimeText.MILLIS_PER_SECOND;
    private static final long MINUTE = TimeText.MILLIS_PER_MINUTE;
    private static final long HOUR = TimeText.MILLIS_PER_HOUR;

    /** Who compromises the n-th compromised organisation, cycling: espionage-1 leads, as in July 2025. */
    private static final Actor[] COMPROMISERS = {
            Actor.EARLY_ESPIONAGE, Actor.SECOND_ESPIONAGE, Actor.RANSOMWARE, Actor.EARLY_ESPIONAGE, Actor.COPYCAT, Actor.EARLY_ESPIONAGE,
            Actor.SECOND_ESPIONAGE, Actor.RANSOMWARE, Actor.EARLY_ESPIONAGE, Actor.COPYCAT, Actor.SECOND_ESPIONAGE, Actor.EARLY_ESPIONAGE};

    /** How the n-th attempted organisation's attempt fails, and whose it is, cycling. */
    private static final Role[] ATTEMPT_ROLES = {
            Role.ATTEMPT_BLOCKED, Role.ATTEMPT_PATCHED, Role.ATTEMPT_RESEARCH, Role.ATTEMPT_BLOCKED, Role.ATTEMPT_BLOCKED,
            Role.ATTEMPT_RESEARCH, Role.ATTEMPT_WRONG_PATH, Role.ATTEMPT_PATCHED, Role.ATTEMPT_BLOCKED, Role.ATTEMPT_PATCHED};
    private static final Actor[] ATTEMPTERS = {
            Actor.EARLY_ESPIONAGE, Actor.COPYCAT, Actor.RESEARCH, Actor.EARLY_ESPIONAGE, Actor.COPYCAT,
            Actor.RESEARCH, Actor.SECOND_ESPIONAGE, Actor.RANSOMWARE, Actor.EARLY_ESPIONAGE, Actor.COPYCAT};

    // When the campaign's artefacts became public (toolshell.md §1.4-1.6): the first webshell's name in the
    // guidance of 2025-07-20, the exploit and its dropper in public proofs of concept from 2025-07-21, the
    // other actors' addresses, webshells and domains in Microsoft's blog of 2025-07-22.
    private static final LocalDate WEBSHELL_NAMED = LocalDate.of(2025, 7, 20);
    private static final LocalDate EXPLOIT_PUBLIC = LocalDate.of(2025, 7, 21);
    private static final LocalDate MICROSOFT_BLOG = LocalDate.of(2025, 7, 22);
    private static final String WEBSHELL_NAMED_SOURCE = "named in CISA's alert and vendors' hunting guidance (2025-07-20)";
    private static final String EXPLOIT_PUBLIC_SOURCE = "public proof-of-concept exploits and detection rules quoting the dropper"
            + " (from 2025-07-21)";
    private static final String MICROSOFT_BLOG_SOURCE = "Microsoft Threat Intelligence blog (2025-07-22)";

    /** The planned world. */
    record Plan(Timeline timeline, List<OrganisationPlan> organisations, List<ActorTruth> actors, List<PublicArtefact> publicArtefacts)
    {
        Plan
        {
            requireNonNull(timeline, "timeline is null");
            organisations = List.copyOf(requireNonNull(organisations, "organisations is null"));
            actors = List.copyOf(requireNonNull(actors, "actors is null"));
            publicArtefacts = List.copyOf(requireNonNull(publicArtefacts, "publicArtefacts is null"));
        }
    }

    private record Slot(Role role, List<Actor> actors, boolean endOfLife, int order)
    {
    }

    private CampaignPlanner() {}

    static Plan plan(WorldSpec spec)
    {
        long seed = spec.seed();
        Timeline timeline = new Timeline(spec);
        Dice dice = Dice.of(seed, LABEL);
        int count = spec.organisations();
        List<Slot> slots = slots(count);
        // Which organisation plays which slot: a seeded shuffle, so statuses do not follow generation order.
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = dice.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        Slot[] slotOf = new Slot[count];
        for (int i = 0; i < count; i++) {
            slotOf[order[i]] = slots.get(i);
        }

        OrganisationFactory factory = new OrganisationFactory(seed);
        List<OrganisationPlan> plans = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            Slot slot = slotOf[index];
            Dice orgDice = Dice.of(seed, LABEL, index);
            SharePointBuild build = build(slot, orgDice);
            OptionalLong patchTime = build.vulnerable() ? OptionalLong.empty() : OptionalLong.of(patchTime(timeline, build, orgDice));
            boolean cleanShowcase = slot.role().status() == OrganisationStatus.CLEAN && slot.order() == 0;
            OrganisationFactory.Decisions decisions = new OrganisationFactory.Decisions(build, patchTime,
                    slot.role() == Role.ATTEMPT_BLOCKED, cleanShowcase, cleanShowcase, cleanShowcase);
            plans.add(new OrganisationPlan(seed, timeline.start(), factory.create(index, decisions), slot.role()));
        }

        Tradecraft tradecraft = new Tradecraft(timeline);
        schedule(seed, timeline, tradecraft, plans, slotOf);
        for (int index = 0; index < count; index++) {
            OrganisationPlan plan = plans.get(index);
            Dice orgDice = Dice.of(seed, LABEL, index, 2);
            boolean scanned = slotOf[index].role().status() == OrganisationStatus.CLEAN && slotOf[index].order() == 1;
            scanners(plan, timeline, tradecraft, orgDice, scanned);
            if (plan.profile().exposure().patchTime().isPresent()) {
                patchInstall(plan, plan.profile().exposure().patchTime().getAsLong(), orgDice);
            }
            describe(plan);
        }
        List<ActorTruth> actors = actorTruths(tradecraft);
        return new Plan(timeline, plans, actors, publicArtefacts(timeline, tradecraft, actors));
    }

    /** Roles in slot order: compromised first, then attempted, then clean. */
    private static List<Slot> slots(int count)
    {
        int compromised = Math.round(count * 0.30f);
        int attempted = Math.min(count - compromised, Math.round(count * 0.25f));
        int clean = count - compromised - attempted;
        List<Slot> slots = new ArrayList<>(count);
        int firstEarly = -1;
        for (int i = 0; i < compromised; i++) {
            Actor actor = COMPROMISERS[i % COMPROMISERS.length];
            List<Actor> actors = new ArrayList<>(2);
            actors.add(actor);
            if (actor == Actor.EARLY_ESPIONAGE && firstEarly < 0) {
                firstEarly = i;
                // Two unrelated actors in one victim, as Microsoft DART later documented.
                if (compromised >= 3) {
                    actors.add(Actor.RANSOMWARE);
                }
            }
            boolean endOfLife = i == 3 && count >= 10;
            slots.add(new Slot(Role.COMPROMISED, actors, endOfLife, i));
        }
        for (int i = 0; i < attempted; i++) {
            slots.add(new Slot(ATTEMPT_ROLES[i % ATTEMPT_ROLES.length], List.of(ATTEMPTERS[i % ATTEMPTERS.length]), false, i));
        }
        int endOfLifeBudget = Math.max(1, count / 20);
        for (int i = 0; i < clean; i++) {
            Role role;
            if (i % 9 == 3 && endOfLifeBudget > 0) {
                role = Role.CLEAN_END_OF_LIFE;
                endOfLifeBudget--;
            }
            else if (i % 9 == 1 || i % 9 == 5 || i % 9 == 7) {
                role = Role.CLEAN_VULNERABLE;
            }
            else {
                role = Role.CLEAN_PATCHED;
            }
            slots.add(new Slot(role, List.of(), role == Role.CLEAN_END_OF_LIFE, i));
        }
        return slots;
    }

    private static SharePointBuild build(Slot slot, Dice dice)
    {
        if (slot.endOfLife()) {
            return SharePointBuild.SP2013;
        }
        int product = dice.weighted(new int[] {35, 40, 25});
        return switch (slot.role()) {
            case COMPROMISED, ATTEMPT_BLOCKED, ATTEMPT_WRONG_PATH, CLEAN_VULNERABLE -> SharePointBuild.VULNERABLE_CURRENT.get(product);
            case ATTEMPT_PATCHED, ATTEMPT_RESEARCH, CLEAN_PATCHED -> SharePointBuild.FIXED.get(product);
            case CLEAN_END_OF_LIFE -> SharePointBuild.SP2013;
        };
    }

    /** The fix went out on 2025-07-20 (Subscription Edition, 2019) and 2025-07-21 (2016); farms installed it early that morning. */
    private static long patchTime(Timeline timeline, SharePointBuild build, Dice dice)
    {
        int campaignDay = build.product().equals(SharePointBuild.SERVER_2016) ? 4 : 3;
        return timeline.at(campaignDay, dice.between(1, 9), dice.between(0, 59)) + dice.between(0, 59) * SECOND;
    }

    private static void schedule(long seed, Timeline timeline, Tradecraft tradecraft, List<OrganisationPlan> plans, Slot[] slotOf)
    {
        List<Integer> early = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        List<Integer> ransomware = new ArrayList<>();
        List<Integer> copycat = new ArrayList<>();
        List<Integer> research = new ArrayList<>();
        List<Integer> indices = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            indices.add(i);
        }
        // Actors reach their targets in slot order, so the story does not depend on names.
        indices.sort(Comparator.comparingInt((Integer i) -> slotOf[i].role().ordinal()).thenComparingInt(i -> slotOf[i].order()));
        for (int index : indices) {
            for (Actor actor : slotOf[index].actors()) {
                switch (actor) {
                    case EARLY_ESPIONAGE -> early.add(index);
                    case SECOND_ESPIONAGE -> second.add(index);
                    case RANSOMWARE -> ransomware.add(index);
                    case COPYCAT -> copycat.add(index);
                    case RESEARCH -> research.add(index);
                    case SCANNERS -> throw new IllegalStateException("scanners reach organisations by chance, not by slot");
                }
            }
        }

        Dice dice = Dice.of(seed, LABEL, 3);
        long[] waves = {timeline.at(1, 17, 48), timeline.at(2, 7, 24)};
        for (int k = 0; k < early.size(); k++) {
            int wave = k % 2;
            long time = waves[wave] + dice.between(0, 50) * SECOND;
            waves[wave] = time + dice.between(4, 11) * MINUTE;
            tradecraft.earlyEspionage(plans.get(early.get(k)), fit(timeline, time),
                    wave == 0 ? Addresses.WAVE_ONE : Addresses.WAVE_TWO, dice);
        }
        long[] nights = {timeline.at(0, 1, 5), timeline.at(3, 13, 35)};
        for (int k = 0; k < second.size(); k++) {
            int wave = k % 2;
            long time = nights[wave] + dice.between(0, 50) * SECOND;
            nights[wave] = time + dice.between(6, 20) * MINUTE;
            tradecraft.secondEspionage(plans.get(second.get(k)), fit(timeline, time), Addresses.SECOND_ESPIONAGE.get(wave), dice);
        }
        long next = timeline.at(2, 21, 20);
        for (int index : ransomware) {
            long time = afterPatch(timeline, plans.get(index), next + dice.between(0, 50) * SECOND, dice);
            next += dice.between(25, 70) * MINUTE;
            tradecraft.ransomware(plans.get(index), time, dice);
        }
        List<String> cloud = new ArrayList<>(4);
        while (cloud.size() < 3) {
            String address = Addresses.inPrefix(dice, dice.pick(Addresses.CLOUD));
            if (!cloud.contains(address)) {
                cloud.add(address);
            }
        }
        next = timeline.at(4, 9, 10);
        for (int k = 0; k < copycat.size(); k++) {
            int index = copycat.get(k);
            long time = afterPatch(timeline, plans.get(index), next + dice.between(0, 50) * SECOND, dice);
            next += dice.between(12, 50) * MINUTE;
            tradecraft.copycat(plans.get(index), time, cloud.get(k % cloud.size()), dice);
        }
        for (int index : research) {
            long time = afterPatch(timeline, plans.get(index), timeline.at(3, 10, 0) + dice.between(0, 30 * 60) * MINUTE, dice);
            tradecraft.research(plans.get(index), time, Addresses.inPrefix(dice, dice.pick(Addresses.SCANNERS)), dice);
            long again = time + dice.between(6, 26) * HOUR;
            if (dice.chance(0.5) && again < timeline.end() - MINUTE) {
                tradecraft.research(plans.get(index), again, Addresses.inPrefix(dice, dice.pick(Addresses.SCANNERS)), dice);
            }
        }
    }

    /** A time inside the window, leaving room for what follows an exploit. */
    private static long fit(Timeline timeline, long time)
    {
        return Math.max(timeline.start() + 30 * MINUTE, Math.min(time, timeline.end() - 30 * MINUTE));
    }

    /** Attempts on a patched farm come after its patch: that is why they fail. */
    private static long afterPatch(Timeline timeline, OrganisationPlan plan, long time, Dice dice)
    {
        OptionalLong patched = plan.profile().exposure().patchTime();
        long at = time;
        if (patched.isPresent() && at < patched.getAsLong() + HOUR) {
            at = patched.getAsLong() + dice.between(60, 8 * 60) * MINUTE;
        }
        return fit(timeline, at);
    }

    /**
     * Internet scanners after disclosure: zgrab and nuclei detection GETs of ToolPane.aspx without the
     * exploit's referer, fingerprinting of start.aspx, and webshell checks for spinstall0.aspx
     * (404 unless the shell is really there).
     */
    private static void scanners(OrganisationPlan plan, Timeline timeline, Tradecraft tradecraft, Dice dice, boolean forced)
    {
        OrganisationProfile org = plan.profile();
        long from = timeline.at(2, 0, 0);
        long span = Math.max(HOUR, timeline.end() - from - MINUTE);
        if (forced || dice.chance(0.65)) {
            plan.story(Long.MAX_VALUE - 3, "Internet scanners (zgrab, nuclei detection) GET ToolPane.aspx without the exploit's referer.");
            int probes = dice.between(1, 4);
            for (int i = 0; i < probes; i++) {
                long time = from + (long) (dice.nextDouble() * span);
                String ip = Addresses.inPrefix(dice, dice.pick(Addresses.SCANNERS));
                boolean nuclei = dice.chance(0.5);
                String agent = nuclei ? WebCatalog.NUCLEI : WebCatalog.ZGRAB;
                String query = nuclei ? Tradecraft.EXPLOIT_QUERY : "DisplayMode=Edit";
                tradecraft.scanned(ip, time);
                plan.request(host(org, dice), Tradecraft.anonymous(time, "GET", "/_layouts/15/ToolPane.aspx", query, ip, agent, "",
                        org.network().publicIp(), 401, nuclei ? 2 : 1, nuclei ? 5 : 2148074254L, 1293, 0, dice.between(1, 20)));
                if (dice.chance(0.5)) {
                    plan.request(host(org, dice), Tradecraft.anonymous(time + dice.between(1, 3) * SECOND, "GET", "/_layouts/15/start.aspx",
                            "", ip, agent, "", org.network().publicIp(), 401, 2, 5, 1293, 0, dice.between(1, 20)));
                }
            }
        }
        long checksFrom = timeline.at(3, 0, 0);
        long checkSpan = Math.max(HOUR, timeline.end() - checksFrom - MINUTE);
        if (forced || dice.chance(0.5)) {
            plan.story(Long.MAX_VALUE - 2, "Webshell checks GET spinstall0.aspx and spinstall.aspx.");
            int checks = dice.between(1, 3);
            for (int i = 0; i < checks; i++) {
                long time = checksFrom + (long) (dice.nextDouble() * checkSpan);
                String ip = Addresses.inPrefix(dice, dice.pick(Addresses.SCANNERS));
                String[] shells = {"spinstall0.aspx", "spinstall.aspx"};
                for (String shell : shells) {
                    tradecraft.scanned(ip, time);
                    boolean there = plan.plantedBefore(shell, time);
                    plan.request(host(org, dice),
                            Tradecraft.anonymous(time, "GET", "/_layouts/15/" + shell, "", ip, WebCatalog.WEBSHELL_CHECK, "",
                            org.naming().publicHost(), there ? 200 : 404, 0, there ? 0 : 2, there ? dice.between(380, 720) : 1_245,
                            0, dice.between(1, 30)));
                    time += dice.between(200, 1_500);
                }
            }
        }
    }

    /**
     * The fix installed on each front-end in turn: the update package run by the farm administrator,
     * msiexec rewriting files under TEMPLATE\LAYOUTS, then PSConfig. Benign writes to the folder a
     * webshell would be dropped in.
     */
    private static void patchInstall(OrganisationPlan plan, long time, Dice dice)
    {
        OrganisationProfile org = plan.profile();
        SharePointBuild build = org.build();
        String hive = org.hive();
        String[] files = {"ToolPane.aspx", "SignOut.aspx", "start.aspx", "error.aspx", "AclEditor.aspx", "people.aspx", "viewlsts.aspx",
                "1033\\init.js", "1033\\strings.js", "sp.js", "sp.runtime.js", "inplview.js", "images\\spcommon.png"};
        long start = time;
        for (int host = 0; host < org.hosts().size(); host++) {
            HostEvents events = plan.host(host);
            HostProcesses processes = events.processes();
            long micros = start * 1000L;
            String installer = "C:\\Users\\sp_admin\\Downloads\\" + build.patch();
            Proc update = processes.spawn(processes.explorer(), installer, "\"" + installer + "\"", micros, dice);
            plan.event(host, events.processCreate(micros, update));
            micros += dice.between(20_000_000, 90_000_000);
            Proc msiexec = processes.spawn(processes.services(), ProcessCatalog.MSIEXEC, "C:\\Windows\\system32\\msiexec.exe /V",
                    processes.system(), "C:\\Windows\\system32\\", micros, dice);
            plan.event(host, events.processCreate(micros, msiexec));
            for (String file : files) {
                micros += dice.between(150_000, 4_000_000);
                plan.event(host, events.fileCreate(micros, msiexec, ProcessCatalog.layouts(hive) + file));
            }
            micros += dice.between(60_000_000, 300_000_000);
            String psconfig = ProcessCatalog.psconfig(hive);
            Proc config = processes.spawn(processes.explorer(), psconfig, "\"" + psconfig + "\" -cmd upgrade -inplace b2b -wait -cmd"
                    + " applicationcontent -install -cmd installfeatures -cmd secureresources -cmd services -install", micros, dice);
            plan.event(host, events.processCreate(micros, config));
            start += dice.between(20, 55) * MINUTE;
        }
        plan.story(time, "Installed " + build.kb() + " (" + build.build() + ") at " + TimeText.dateTime(time).substring(0, 16)
                + " UTC; msiexec rewrote files under TEMPLATE\\LAYOUTS.");
    }

    private static int host(OrganisationProfile org, Dice dice)
    {
        return org.hosts().size() == 1 ? 0 : dice.nextInt(org.hosts().size());
    }

    /** The exposure and the everyday hard negatives, appended to what happened. */
    private static void describe(OrganisationPlan plan)
    {
        OrganisationProfile org = plan.profile();
        SharePointBuild build = org.build();
        StringBuilder exposure = new StringBuilder();
        exposure.append(build.product()).append(' ').append(build.build());
        if (build.endOfLife()) {
            exposure.append(" (end of life, no fix)");
        }
        else if (build.vulnerable()) {
            exposure.append(" (July 8 update, still vulnerable to CVE-2025-53770)");
        }
        else {
            exposure.append(" (fixed)");
        }
        exposure.append("; public ").append(org.naming().publicHost()).append(' ').append(org.network().publicIp());
        if (org.network().balancerIp().isPresent()) {
            if (org.network().forwardedFor()) {
                exposure.append(" behind a balancer, X-Forwarded-For logged");
            }
            else {
                exposure.append(" behind a balancer that hides clients");
            }
        }
        if (org.exposure().headerRemoved()) {
            exposure.append("; version header removed");
        }
        if (org.exposure().amsi()) {
            exposure.append("; AMSI in full mode");
        }
        exposure.append('.');
        List<String> negatives = new ArrayList<>();
        OrganisationProfile.Habits habits = org.habits();
        if (habits.editors()) {
            negatives.add("editors use ToolPane.aspx");
        }
        if (habits.adminPowerShell()) {
            negatives.add("encoded admin PowerShell outside w3wp");
        }
        if (habits.staleFirefox()) {
            negatives.add("staff on Firefox 120");
        }
        if (habits.warmupScript()) {
            negatives.add("a PowerShell warm-up script fetches start.aspx");
        }
        if (habits.signOuts()) {
            negatives.add("staff sign out via SignOut.aspx");
        }
        if (plan.role().status() == OrganisationStatus.CLEAN) {
            plan.story(Long.MIN_VALUE, build.vulnerable() ? "No exploit request although vulnerable." : "No exploit request.");
        }
        plan.story(Long.MAX_VALUE - 1, exposure.toString());
        if (!negatives.isEmpty()) {
            plan.story(Long.MAX_VALUE, "Hard negatives: " + String.join(", ", negatives) + ".");
        }
    }

    private static List<ActorTruth> actorTruths(Tradecraft tradecraft)
    {
        List<ActorTruth> actors = new ArrayList<>();
        for (Actor actor : Actor.values()) {
            Map<String, Long> used = tradecraft.addresses().get(actor);
            if (used == null) {
                continue;
            }
            // Scanners send no exploit request; their first request is their first appearance.
            Long first = tradecraft.firstExploits().get(actor);
            if (first == null) {
                first = Long.MAX_VALUE;
                for (long time : used.values()) {
                    first = Math.min(first, time);
                }
            }
            List<Map.Entry<String, Long>> entries = new ArrayList<>(used.entrySet());
            entries.sort(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
            List<String> addresses = new ArrayList<>(entries.size());
            for (Map.Entry<String, Long> entry : entries) {
                addresses.add(entry.getKey());
            }
            actors.add(new ActorTruth(actor.id(), actor.kind(), actor.copies(), addresses, actor.userAgent(), actor.variant(), actor.webshell(),
                    Instant.ofEpochMilli(first), actor.note()));
        }
        actors.sort(Comparator.comparing(ActorTruth::id));
        return actors;
    }

    /** The campaign's artefacts that appear in this world and became public, with when, in the world's time. */
    private static List<PublicArtefact> publicArtefacts(Timeline timeline, Tradecraft tradecraft, List<ActorTruth> actors)
    {
        Instant named = Instant.ofEpochMilli(timeline.startOf(WEBSHELL_NAMED));
        Instant exploit = Instant.ofEpochMilli(timeline.startOf(EXPLOIT_PUBLIC));
        Instant blog = Instant.ofEpochMilli(timeline.startOf(MICROSOFT_BLOG));
        Set<String> webshells = new TreeSet<>();
        Set<String> addresses = new TreeSet<>();
        for (ActorTruth actor : actors) {
            if (!actor.webshell().isEmpty()) {
                webshells.add(actor.webshell());
            }
            addresses.addAll(actor.sourceIps());
        }
        List<PublicArtefact> artefacts = new ArrayList<>();
        for (String webshell : webshells) {
            boolean first = webshell.equals(Actor.EARLY_ESPIONAGE.webshell());
            artefacts.add(new PublicArtefact(ObservableType.WEBSHELL_NAME, webshell, first ? named : blog,
                    first ? WEBSHELL_NAMED_SOURCE : MICROSOFT_BLOG_SOURCE));
        }
        for (String script : tradecraft.publicDroppers()) {
            artefacts.add(new PublicArtefact(ObservableType.COMMAND_FINGERPRINT, CommandFingerprint.of(script), exploit,
                    EXPLOIT_PUBLIC_SOURCE));
        }
        List<String> listed = new ArrayList<>(Addresses.SECOND_ESPIONAGE);
        listed.add(Addresses.RANSOMWARE_EXPLOIT);
        for (String address : listed) {
            if (addresses.contains(address)) {
                artefacts.add(new PublicArtefact(ObservableType.SOURCE_IP, address, blog, MICROSOFT_BLOG_SOURCE));
            }
        }
        for (String domain : tradecraft.domains()) {
            artefacts.add(new PublicArtefact(ObservableType.DOMAIN, domain, blog, MICROSOFT_BLOG_SOURCE));
        }
        artefacts.sort(Comparator.comparing(PublicArtefact::publicSince).thenComparing(PublicArtefact::type)
                .thenComparing(PublicArtefact::value));
        return artefacts;
    }
}
