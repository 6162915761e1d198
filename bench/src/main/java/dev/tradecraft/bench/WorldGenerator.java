package dev.tradecraft.bench;

import static dev.tradecraft.core.Checks.checkState;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import dev.tradecraft.bench.SightingWorld.Actor;
import dev.tradecraft.bench.SightingWorld.Kind;
import dev.tradecraft.campaigns.weight.PublicArtefact;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.core.Stage;

/**
 * Makes a {@link SightingWorld}: exactly the requested number of sightings, split as
 * <ul>
 * <li>the actors and copycats (about three quarters): per intrusion a base of exploit, dropper,
 * webshell drop and request, a few tool runs and key use, then the rest of their share spread over
 * the intrusions with heavy-tailed weights (most intrusions are short, a few are long hands-on
 * sessions);</li>
 * <li>lone intruders (one per hundred organisations): one address, one organisation, public tooling
 * after it went public;</li>
 * <li>administrators and a management agent on hosts (2 %): host-only encoded PowerShell;</li>
 * <li>internet scanners and research probes (the rest, about a fifth): reconnaissance only.</li>
 * </ul>
 * The evidence index of each sighting is its position in the list, which is how the truth table
 * finds its actor.
 */
final class WorldGenerator
{
    static final long START = Instant.parse("2025-07-17T00:00:00Z").getEpochSecond();
    private static final long HOUR = 3600;
    /** Scanning starts once the advisory is out. */
    private static final long DISCLOSURE = START + 60 * HOUR;
    private static final long END = START + 12 * 24 * HOUR;
    /** Lone intruders come once the exploit is public. */
    private static final long PUBLIC_EXPLOIT = START + 4 * 24 * HOUR;

    private static final double RECONNAISSANCE_SHARE = 0.20;
    private static final double PROBE_SHARE = 0.15;
    /** One organisation in a hundred meets a lone intruder. */
    private static final int ORGANISATIONS_PER_LONE = 100;
    private static final double HOST_NOISE_SHARE = 0.02;
    /** Sightings of an intrusion before its extra activity, on average; base work is kept under half the actors' share. */
    private static final int BASE_ESTIMATE = 12;
    private static final double BASE_SHARE = 0.5;
    private static final double BASE_LIMIT = 0.9;
    private static final double REVISIT = 0.1;
    private static final double MANAGEMENT_AGENT_SHARE = 0.03;
    private static final int LONGEST_LONE = 8;

    private static final String EXPLOIT_RULE = "toolshell-exploit-request";
    private static final String WEBSHELL_RULE = "toolshell-webshell-request";
    private static final String KEY_RULE = "toolshell-viewstate-key-use";
    private static final String DROP_RULE = "toolshell-webshell-written";
    private static final String PROCESS_RULE = "toolshell-w3wp-child-process";
    private static final String RECON_RULE = "toolshell-toolpane-probe";
    private static final List<String> SCANNER_AGENTS = List.of("ToolShellCheck/1.0", "Mozilla/5.0 zgrab/0.x",
            "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)", "Go-http-client/1.1",
            "Mozilla/5.0 (compatible; Nuclei - Open-source project (github.com/projectdiscovery/nuclei))");

    private final SightingWorld.Parameters parameters;
    private final SplittableRandom random;
    private final Catalogue catalogue;
    private final Organisation[] organisations;
    private final int[] webOrganisations;
    private final int[] shuffled;
    private final List<Actor> actors = new ArrayList<>();
    private final List<Sighting> sightings;
    private final int[] labels;
    private final Map<String, Integer> owners = new HashMap<>();
    private final List<PublicArtefact> publicArtefacts = new ArrayList<>();
    private final Observable powershell;
    private final Observable viewstate;
    private final Observable toolpaneName;
    private final Observable toolpanePath;

    /** One actor attacking one organisation in one of its waves: an intrusion to make. */
    private record Slot(ActorPlan actor, int organisation, int wave) {}

    WorldGenerator(SightingWorld.Parameters parameters)
    {
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.random = new SplittableRandom(parameters.seed());
        this.catalogue = new Catalogue(random);
        this.sightings = new ArrayList<>(parameters.sightings());
        this.labels = new int[parameters.sightings()];
        this.organisations = new Organisation[parameters.organisations()];
        int width = String.valueOf(parameters.organisations()).length();
        int webCount = 0;
        for (int i = 0; i < organisations.length; i++) {
            // The first always has web logs, so that web activity has somewhere to go in a tiny world.
            boolean webLogs = i == 0 || !catalogue.chance(0.05);
            organisations[i] = new Organisation(i, "org-" + pad(i + 1, width), catalogue.logUniform(1, 4), webLogs, catalogue.chance(0.6),
                    catalogue.chance(0.5));
            webCount += webLogs ? 1 : 0;
        }
        this.webOrganisations = new int[webCount];
        this.shuffled = new int[organisations.length];
        int next = 0;
        for (int i = 0; i < organisations.length; i++) {
            shuffled[i] = i;
            if (organisations[i].webLogs()) {
                webOrganisations[next++] = i;
            }
        }
        this.powershell = catalogue.shared(ObservableType.TOOL, "powershell.exe");
        this.viewstate = catalogue.shared(ObservableType.TOOL, "viewstate");
        this.toolpaneName = catalogue.shared(ObservableType.WEBSHELL_NAME, "toolpane.aspx");
        this.toolpanePath = catalogue.shared(ObservableType.WEBSHELL_PATH, "/_layouts/15/ToolPane.aspx");
    }

    SightingWorld generate()
    {
        int total = parameters.sightings();
        int reconnaissance = (int) Math.round(total * RECONNAISSANCE_SHARE);
        int loneReserve = Math.min(total / 10, Math.max(1, organisations.length / ORGANISATIONS_PER_LONE) * LONGEST_LONE);
        int hostNoise = (int) Math.round(total * HOST_NOISE_SHARE);
        int actorBudget = total - reconnaissance - loneReserve - hostNoise;
        int shortfall = actors(actorBudget);
        int loneSightings = lones(loneReserve / LONGEST_LONE);
        hostNoise(hostNoise + loneReserve - loneSightings + shortfall);
        reconnaissance(total - sightings.size());
        checkState(sightings.size() == total, "made " + sightings.size() + " sightings instead of " + total);
        return new SightingWorld(parameters, sightings, labels, actors, owners, publicArtefacts);
    }

    /** The actors' and copycats' intrusions, exactly {@code budget} sightings unless none got in; returns what is left. */
    private int actors(int budget)
    {
        List<ActorPlan> plans = new ArrayList<>();
        int width = String.valueOf(parameters.actors()).length();
        for (int i = 0; i < parameters.actors(); i++) {
            int label = addActor("actor-" + pad(i + 1, Math.max(2, width)), Kind.ACTOR, Optional.empty());
            plans.add(own(ActorPlan.real(label, catalogue, START)));
        }
        List<Integer> copied = new ArrayList<>();
        for (int i = 0; i < parameters.copycats(); i++) {
            // Different actors are copied while there are enough of them.
            int victim;
            do {
                victim = random.nextInt(parameters.actors());
            } while (copied.contains(victim) && copied.size() < parameters.actors());
            copied.add(victim);
            ActorPlan original = plans.get(victim);
            int label = addActor("copycat-" + (i + 1), Kind.COPYCAT, Optional.of(actors.get(original.label()).name()));
            ActorPlan copycat = own(ActorPlan.copycat(label, original, catalogue));
            publish(copycat, actors.get(label).name());
            plans.add(copycat);
        }
        int[] targets = targets(plans, budget);
        List<Slot> slots = new ArrayList<>();
        for (int p = 0; p < plans.size(); p++) {
            ActorPlan plan = plans.get(p);
            for (int organisation : sample(targets[p])) {
                int wave = random.nextInt(plan.waves());
                slots.add(new Slot(plan, organisation, wave));
                if (wave + 1 < plan.waves() && catalogue.chance(REVISIT)) {
                    slots.add(new Slot(plan, organisation, catalogue.between(wave + 1, plan.waves() - 1)));
                }
            }
        }
        shuffle(slots);
        int first = sightings.size();
        List<IntrusionPlan> accepted = new ArrayList<>();
        for (Slot slot : slots) {
            if (sightings.size() - first + 2 * BASE_ESTIMATE > budget * BASE_LIMIT) {
                break;
            }
            IntrusionPlan intrusion = intrusion(slot.actor(), organisations[slot.organisation()], slot.wave());
            if (intrusion != null) {
                accepted.add(intrusion);
            }
        }
        int extra = budget - (sightings.size() - first);
        if (accepted.isEmpty()) {
            return extra;
        }
        activity(accepted, extra);
        return 0;
    }

    /**
     * How many organisations each actor attacks: log-uniform between 10 and a fifth of all (2,000 of
     * 10,000), a quarter of that for copycats, scaled down together when their base activity would
     * not fit half the actors' share.
     */
    private int[] targets(List<ActorPlan> plans, int budget)
    {
        int high = Math.min(organisations.length, Math.max(10, organisations.length / 5));
        int low = Math.min(10, high);
        int[] targets = new int[plans.size()];
        double planned = 0;
        for (int p = 0; p < plans.size(); p++) {
            boolean copycat = plans.get(p).publicFrom() != 0;
            targets[p] = catalogue.logUniform(low, copycat ? Math.max(low, high / 4) : high);
            planned += targets[p] * (1 + REVISIT) * BASE_ESTIMATE;
        }
        if (planned > BASE_SHARE * budget) {
            double factor = BASE_SHARE * budget / planned;
            for (int p = 0; p < targets.length; p++) {
                targets[p] = Math.max(1, (int) Math.round(targets[p] * factor));
            }
        }
        return targets;
    }

    /** The base sightings of one intrusion; the plan for more activity when the exploit got in, else null. */
    private IntrusionPlan intrusion(ActorPlan actor, Organisation organisation, int wave)
    {
        int label = actor.label();
        long start = actor.waveStarts()[wave] + random.nextLong(actor.waveLengths()[wave]);
        int[] slice = actor.waveAddresses()[wave];
        Observable address = actor.addresses()[slice[random.nextInt(slice.length)]];
        Observable agent = actor.agents()[random.nextInt(actor.agents().length)];
        Observable size = organisation.requestSizes() ? actor.sizes()[random.nextInt(actor.sizes().length)] : null;
        boolean web = organisation.webLogs();
        int[] hosts = hosts(organisation, catalogue.between(1, 3));
        if (catalogue.chance(actor.refusal())) {
            int tries = catalogue.between(1, 2);
            for (int t = 0; web && t < tries; t++) {
                web(label, organisation, hosts[0], start + t * catalogue.between(2, 40), Stage.EXPLOIT, false, address, agent, actor.variant(), size);
            }
            return null;
        }
        if (web) {
            web(label, organisation, hosts[0], start, Stage.EXPLOIT, true, address, agent, actor.variant(), size);
        }
        long dropped = start + catalogue.between(3, 40);
        host(label, organisation, hosts[0], dropped, Stage.POST_EXPLOITATION, actor.droppers()[random.nextInt(actor.droppers().length)], powershell);
        host(label, organisation, hosts[0], dropped + catalogue.between(1, 5), Stage.WEBSHELL_DROP, actor.shellName(), actor.shellHostPath(),
                organisation.fileHashes() ? actor.shellHash() : null);
        int requests = catalogue.between(1, 2);
        for (int r = 0; web && r < requests; r++) {
            web(label, organisation, hosts[random.nextInt(hosts.length)], dropped + catalogue.between(20, 300), Stage.WEBSHELL, true, address, agent,
                    actor.shellName(), actor.shellWebPath());
        }
        long[] clocks = new long[hosts.length];
        clocks[0] = dropped + 10;
        for (int h = 1; h < hosts.length; h++) {
            clocks[h] = start + catalogue.between(300, 3600);
        }
        Observable keyAddress = catalogue.chance(0.5) ? address : actor.addresses()[random.nextInt(actor.addresses().length)];
        IntrusionPlan plan = new IntrusionPlan(actor, organisation, hosts, start, address, agent, keyAddress, clocks);
        int runs = catalogue.between(1, 3);
        for (int r = 0; r < runs; r++) {
            toolRun(plan);
        }
        int uses = web && actor.usesKeys() ? catalogue.between(1, 2) : 0;
        for (int u = 0; u < uses; u++) {
            keyUse(plan, catalogue.between(HOUR, 30 * HOUR));
        }
        return plan;
    }

    /** Spreads {@code extra} sightings over the intrusions, heavy-tailed: requests to the webshell, key use, tool runs. */
    private void activity(List<IntrusionPlan> intrusions, int extra)
    {
        double[] weights = new double[intrusions.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            // Pareto (alpha 1.2), capped so that one session cannot take the whole share.
            weights[i] = Math.min(200, Math.pow(1 - random.nextDouble(), -1 / 1.2));
            sum += weights[i];
        }
        int[] counts = new int[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            counts[i] = (int) (extra * weights[i] / sum);
            given += counts[i];
        }
        while (given < extra) {
            counts[random.nextInt(counts.length)]++;
            given++;
        }
        for (int i = 0; i < counts.length; i++) {
            IntrusionPlan plan = intrusions.get(i);
            boolean web = plan.organisation().webLogs();
            for (int k = 0; k < counts[i]; k++) {
                double roll = random.nextDouble();
                if (web && roll < 0.35) {
                    webshellRequest(plan);
                }
                else if (web && roll < 0.6 && plan.actor().usesKeys()) {
                    keyUse(plan, catalogue.between(HOUR, 72 * HOUR));
                }
                else {
                    toolRun(plan);
                }
            }
        }
    }

    private void toolRun(IntrusionPlan plan)
    {
        ActorPlan actor = plan.actor();
        int i = random.nextInt(plan.hostCount());
        long time = plan.advance(i, catalogue.between(20, 2400));
        host(actor.label(), plan.organisation(), plan.host(i), time, Stage.POST_EXPLOITATION, actor.tools()[random.nextInt(actor.tools().length)]);
    }

    private void keyUse(IntrusionPlan plan, long after)
    {
        ActorPlan actor = plan.actor();
        web(actor.label(), plan.organisation(), plan.host(random.nextInt(plan.hostCount())), plan.start() + after, Stage.KEY_USE, true,
                plan.keyAddress(), actor.keyAgent(), viewstate);
    }

    private void webshellRequest(IntrusionPlan plan)
    {
        ActorPlan actor = plan.actor();
        web(actor.label(), plan.organisation(), plan.host(random.nextInt(plan.hostCount())), plan.start() + catalogue.between(60, 72 * HOUR),
                Stage.WEBSHELL, true, plan.address(), plan.agent(), actor.shellName(), actor.shellWebPath());
    }

    /**
     * {@code count} one-off intruders once the exploit is public: an address of their own, the
     * published request, webshell and a public proof-of-concept dropper, common discovery commands.
     * Returns the number of sightings made (at most {@link #LONGEST_LONE} each).
     */
    private int lones(int count)
    {
        Observable dropper = new Observable(ObservableType.COMMAND_FINGERPRINT, catalogue.sha256());
        publicArtefacts.add(new PublicArtefact(dropper, Instant.ofEpochSecond(PUBLIC_EXPLOIT - 12 * HOUR), "bench: dropper of a public proof of concept"));
        Observable shellName = catalogue.shared(ObservableType.WEBSHELL_NAME, "spinstall0.aspx");
        Observable webPath = catalogue.shared(ObservableType.WEBSHELL_PATH, "/_layouts/15/spinstall0.aspx");
        Observable hostPath = catalogue.shared(ObservableType.WEBSHELL_PATH, Catalogue.LAYOUTS_FOLDER + "spinstall0.aspx");
        Observable shellHash = catalogue.shared(ObservableType.FILE_HASH, ActorPlan.SPINSTALL0_SHA256);
        int first = sightings.size();
        int number = 0;
        while (number < count) {
            number++;
            int label = addActor("lone-" + number, Kind.LONE, Optional.empty());
            Organisation organisation = organisations[webOrganisations[random.nextInt(webOrganisations.length)]];
            String ip = catalogue.address();
            owners.put(ip, label);
            Observable address = new Observable(ObservableType.SOURCE_IP, ip);
            // Half keep the proof of concept's user agent (mostly a library's, sometimes the published Firefox 120).
            String agentText;
            if (!catalogue.chance(0.5)) {
                agentText = catalogue.browserAgent();
            }
            else if (catalogue.chance(0.7)) {
                agentText = catalogue.libraryAgent();
            }
            else {
                agentText = Catalogue.FIREFOX_120;
            }
            Observable agent = catalogue.shared(ObservableType.USER_AGENT, agentText);
            Observable variant = catalogue.shared(ObservableType.REQUEST_VARIANT, catalogue.variant(true));
            long start = catalogue.between(PUBLIC_EXPLOIT, END - 24 * HOUR);
            int host = random.nextInt(organisation.hostCount());
            if (catalogue.chance(0.25)) {
                int tries = catalogue.between(1, 3);
                for (int t = 0; t < tries; t++) {
                    web(label, organisation, host, start + 30L * t, Stage.EXPLOIT, false, address, agent, variant, null);
                }
                continue;
            }
            web(label, organisation, host, start, Stage.EXPLOIT, true, address, agent, variant, null);
            host(label, organisation, host, start + 8, Stage.POST_EXPLOITATION, dropper, powershell);
            host(label, organisation, host, start + 9, Stage.WEBSHELL_DROP, shellName, hostPath, organisation.fileHashes() ? shellHash : null);
            int requests = catalogue.between(1, 2);
            for (int r = 0; r < requests; r++) {
                web(label, organisation, host, start + 40 + 60L * r, Stage.WEBSHELL, true, address, agent, shellName, webPath);
            }
            int commands = catalogue.between(0, 2);
            for (int c = 0; c < commands; c++) {
                host(label, organisation, host, start + 300 + 120L * c, Stage.POST_EXPLOITATION, discoveryCommand());
            }
        }
        return sightings.size() - first;
    }

    /**
     * Exactly {@code budget} host-only sightings that look like intrusion but are administration:
     * short bursts of encoded PowerShell, each organisation's administrators with their own few
     * scripts, and at a few organisations a management agent whose script is the same everywhere.
     */
    private void hostNoise(int budget)
    {
        int adminLabel = addActor("administrators", Kind.ADMINISTRATOR, Optional.empty());
        int agentLabel = addActor("management-agent", Kind.ADMINISTRATOR, Optional.empty());
        Observable agentScript = new Observable(ObservableType.COMMAND_FINGERPRINT, catalogue.sha256());
        int[] managed = sample(Math.max(1, (int) Math.round(organisations.length * MANAGEMENT_AGENT_SHARE)));
        Map<Integer, Observable[]> scripts = new HashMap<>();
        int end = sightings.size() + budget;
        while (sightings.size() < end) {
            boolean agent = catalogue.chance(0.15);
            Organisation organisation = organisations[agent ? managed[random.nextInt(managed.length)] : random.nextInt(organisations.length)];
            Observable[] own = scripts.get(organisation.index());
            if (own == null) {
                own = new Observable[catalogue.between(1, 3)];
                for (int i = 0; i < own.length; i++) {
                    own[i] = new Observable(ObservableType.COMMAND_FINGERPRINT, catalogue.sha256());
                }
                scripts.put(organisation.index(), own);
            }
            int host = random.nextInt(organisation.hostCount());
            long time = catalogue.between(START, END);
            int burst = Math.min(end - sightings.size(), catalogue.between(1, agent ? 3 : 6));
            for (int b = 0; b < burst; b++) {
                time += catalogue.between(30, 1800);
                if (agent) {
                    host(agentLabel, organisation, host, time, Stage.POST_EXPLOITATION, agentScript, powershell);
                }
                else {
                    host(adminLabel, organisation, host, time, Stage.POST_EXPLOITATION, own[random.nextInt(own.length)], powershell);
                }
            }
        }
    }

    /** A discovery command as intruders run it, mostly bare (the same fingerprint everywhere). */
    private Observable[] discoveryCommand()
    {
        String image = ToolSpec.DISCOVERY_IMAGES.get(random.nextInt(ToolSpec.DISCOVERY_IMAGES.size()));
        Observable command = catalogue.chance(0.7)
                ? catalogue.shared(ObservableType.COMMAND_FINGERPRINT, catalogue.stableHash("command:" + image))
                : new Observable(ObservableType.COMMAND_FINGERPRINT, catalogue.sha256());
        return new Observable[] {catalogue.shared(ObservableType.TOOL, image), command};
    }

    /**
     * Exactly {@code budget} reconnaissance sightings after disclosure: scanners requesting
     * ToolPane.aspx and checking for known webshells (a few checks answered 200), and research
     * probes sending the public exploit request, refused.
     */
    private void reconnaissance(int budget)
    {
        int probes = (int) Math.round(budget * PROBE_SHARE);
        int scannerCount = Math.max(3, parameters.actors() / 4);
        List<Observable[]> scannerAddresses = new ArrayList<>();
        List<Observable> scannerAgents = new ArrayList<>();
        List<Integer> scannerLabels = new ArrayList<>();
        for (int s = 0; s < scannerCount; s++) {
            int label = addActor("scanner-" + (s + 1), Kind.SCANNER, Optional.empty());
            scannerLabels.add(label);
            scannerAddresses.add(block(label, catalogue.between(4, 40)));
            scannerAgents.add(catalogue.shared(ObservableType.USER_AGENT, SCANNER_AGENTS.get(s % SCANNER_AGENTS.size())));
        }
        for (int k = 0; k < budget - probes; k++) {
            int s = random.nextInt(scannerCount);
            Observable[] addresses = scannerAddresses.get(s);
            Organisation organisation = organisations[webOrganisations[random.nextInt(webOrganisations.length)]];
            int host = random.nextInt(organisation.hostCount());
            long time = catalogue.between(DISCLOSURE, END);
            Observable address = addresses[random.nextInt(addresses.length)];
            if (random.nextBoolean()) {
                web(scannerLabels.get(s), organisation, host, time, Stage.RECON, false, address, scannerAgents.get(s), toolpaneName, toolpanePath);
            }
            else {
                String shell = Catalogue.KNOWN_SHELLS.get(random.nextInt(Catalogue.KNOWN_SHELLS.size()));
                web(scannerLabels.get(s), organisation, host, time, Stage.WEBSHELL, catalogue.chance(0.02), address, scannerAgents.get(s),
                        catalogue.shared(ObservableType.WEBSHELL_NAME, shell), catalogue.shared(ObservableType.WEBSHELL_PATH, "/_layouts/15/" + shell));
            }
        }
        int probeCount = 3;
        for (int p = 0; p < probeCount && probes > 0; p++) {
            int label = addActor("probe-" + (p + 1), Kind.PROBE, Optional.empty());
            Observable[] addresses = block(label, catalogue.between(3, 10));
            Observable agent = catalogue.shared(ObservableType.USER_AGENT, catalogue.browserAgent());
            Observable variant = catalogue.shared(ObservableType.REQUEST_VARIANT, Catalogue.PUBLIC_VARIANTS.get(1));
            int count = p + 1 < probeCount ? probes / probeCount : probes - (probeCount - 1) * (probes / probeCount);
            for (int k = 0; k < count; k++) {
                Organisation organisation = organisations[webOrganisations[random.nextInt(webOrganisations.length)]];
                web(label, organisation, random.nextInt(organisation.hostCount()), catalogue.between(DISCLOSURE, END), Stage.EXPLOIT, false,
                        addresses[random.nextInt(addresses.length)], agent, variant, null);
            }
        }
    }

    private Observable[] block(int label, int count)
    {
        String[] block = catalogue.block(count);
        Observable[] addresses = new Observable[block.length];
        for (int i = 0; i < block.length; i++) {
            owners.put(block[i], label);
            addresses[i] = new Observable(ObservableType.SOURCE_IP, block[i]);
        }
        return addresses;
    }

    /** Registers the actor's addresses as its own. */
    private ActorPlan own(ActorPlan plan)
    {
        for (Observable address : plan.addresses()) {
            owners.put(address.value(), plan.label());
        }
        return plan;
    }

    /** What a copycat copies became public shortly before it starts: tell the analysis, as a write-up would. */
    private void publish(ActorPlan copycat, String name)
    {
        Instant since = Instant.ofEpochSecond(copycat.publicFrom());
        String source = "bench: published before " + name + " used it";
        List<Observable> copied = new ArrayList<>(List.of(copycat.shellName(), copycat.shellWebPath(), copycat.shellHostPath(), copycat.shellHash()));
        copied.addAll(Arrays.asList(copycat.droppers()));
        for (Observable value : copied) {
            publicArtefacts.add(new PublicArtefact(value, since, source));
        }
    }

    private int addActor(String name, Kind kind, Optional<String> copies)
    {
        actors.add(new Actor(name, kind, copies));
        return actors.size() - 1;
    }

    /** {@code count} distinct organisations, by a partial shuffle of one shared permutation. */
    private int[] sample(int count)
    {
        int n = Math.min(count, shuffled.length);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(shuffled.length - i);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        return Arrays.copyOf(shuffled, n);
    }

    private int[] hosts(Organisation organisation, int wanted)
    {
        int count = Math.min(wanted, organisation.hostCount());
        int[] all = new int[organisation.hostCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(all.length - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        return Arrays.copyOf(all, count);
    }

    private void shuffle(List<Slot> list)
    {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Slot swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }

    private void web(int label, Organisation organisation, int host, long time, Stage stage, boolean succeeded, Observable... observables)
    {
        emit(label, organisation, host, true, time, stage, succeeded, observables);
    }

    private void host(int label, Organisation organisation, int host, long time, Stage stage, Observable... observables)
    {
        emit(label, organisation, host, false, time, stage, true, observables);
    }

    /** One sighting; null observables (an artefact this organisation's logging does not show) are left out. */
    private void emit(int label, Organisation organisation, int host, boolean web, long time, Stage stage, boolean succeeded, Observable[] observables)
    {
        int index = sightings.size();
        List<Observable> present = new ArrayList<>(observables.length);
        for (Observable observable : observables) {
            if (observable != null) {
                present.add(observable);
            }
        }
        SourcePosition evidence = web ? SourcePosition.line(organisation.webFile(host), index) : SourcePosition.record(organisation.hostFile(host), index);
        sightings.add(new Sighting(organisation.origin(host), Optional.of(Instant.ofEpochSecond(time)), stage, succeeded, present, evidence, rule(stage)));
        labels[index] = label;
    }

    private static String rule(Stage stage)
    {
        return switch (stage) {
            case EXPLOIT -> EXPLOIT_RULE;
            case WEBSHELL -> WEBSHELL_RULE;
            case KEY_USE -> KEY_RULE;
            case WEBSHELL_DROP -> DROP_RULE;
            case POST_EXPLOITATION -> PROCESS_RULE;
            case RECON -> RECON_RULE;
            case IOC, OTHER -> throw new IllegalArgumentException("the world makes no " + stage + " sightings");
        };
    }

    private static String pad(int number, int width)
    {
        StringBuilder text = new StringBuilder(width);
        String digits = Integer.toString(number);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits).toString();
    }
}
