package dev.tradecraft.bench;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;

/**
 * The tradecraft of one intruding actor of the synthetic world: its infrastructure per wave, user
 * agents, exploit request, webshell, droppers and tools, as the observables its sightings carry.
 * Arrays are never changed after the plan is made.
 *
 * @param label the actor's index in the world's truth
 * @param addresses source addresses, as observables
 * @param waveAddresses per wave, the indexes into {@code addresses} used in it (slices of the pool
 *        for an actor that rotates its infrastructure, the whole pool otherwise)
 * @param waveStarts per wave, its start in epoch seconds
 * @param waveLengths per wave, its length in seconds
 * @param agents user agents of its exploit and webshell requests
 * @param keyAgent the library user agent of its signed ViewState requests
 * @param usesKeys whether it comes back with the stolen machine keys
 * @param variant the shape of its exploit request
 * @param sizes request-size buckets of its payload
 * @param shellName webshell file name
 * @param shellWebPath webshell path as requested
 * @param shellHostPath webshell path as written on the host
 * @param shellHash SHA-256 of the webshell file
 * @param droppers fingerprints of its encoded dropper commands
 * @param tools per tool it runs, the observables of one run
 * @param refusal share of its targets that refuse the exploit (patched)
 * @param publicFrom for a copycat, when the artefacts it copies became public (epoch seconds); 0 otherwise
 */
record ActorPlan(int label, Observable[] addresses, int[][] waveAddresses, long[] waveStarts, long[] waveLengths, Observable[] agents,
        Observable keyAgent, boolean usesKeys, Observable variant, Observable[] sizes, Observable shellName, Observable shellWebPath,
        Observable shellHostPath, Observable shellHash, Observable[] droppers, Observable[][] tools, double refusal, long publicFrom)
{
    private static final long HOUR = 3600;
    /** The published SHA-256 of spinstall0.aspx (toolshell.md §1.4), so the built-in public date applies to it. */
    static final String SPINSTALL0_SHA256 = "92bb4ddb98eeaf11fc15bb32e71d0a63256a0ed826a03ba293ce3a8bf057a514";

    ActorPlan
    {
        requireNonNull(addresses, "addresses is null");
        requireNonNull(waveAddresses, "waveAddresses is null");
        requireNonNull(waveStarts, "waveStarts is null");
        requireNonNull(waveLengths, "waveLengths is null");
        checkArgument(addresses.length >= 1, "actor %s has no address", label);
        checkArgument(waveStarts.length >= 1 && waveAddresses.length == waveStarts.length && waveLengths.length == waveStarts.length,
                "actor %s: one start, length and address slice per wave", label);
        requireNonNull(agents, "agents is null");
        checkArgument(agents.length >= 1, "actor %s has no user agent", label);
        requireNonNull(keyAgent, "keyAgent is null");
        requireNonNull(variant, "variant is null");
        requireNonNull(sizes, "sizes is null");
        requireNonNull(shellName, "shellName is null");
        requireNonNull(shellWebPath, "shellWebPath is null");
        requireNonNull(shellHostPath, "shellHostPath is null");
        requireNonNull(shellHash, "shellHash is null");
        requireNonNull(droppers, "droppers is null");
        checkArgument(droppers.length >= 1, "actor %s has no dropper", label);
        requireNonNull(tools, "tools is null");
        checkArgument(tools.length >= 1, "actor %s has no tool", label);
        checkArgument(refusal >= 0 && refusal <= 1, "refusal must be in [0,1]: %s", refusal);
    }

    int waves()
    {
        return waveStarts.length;
    }

    /** An actor of its own: 1–3 waves from a few hours to six and a half days after the world starts. */
    static ActorPlan real(int label, Catalogue catalogue, long worldStart)
    {
        int waves = catalogue.between(1, 3);
        long first = worldStart + catalogue.between(6 * HOUR, 156 * HOUR);
        Observable[] addresses = addresses(catalogue, Math.max(waves, catalogue.logUniform(2, 30)));
        Observable[] agents = new Observable[catalogue.chance(0.3) ? 2 : 1];
        for (int i = 0; i < agents.length; i++) {
            String agent;
            if (catalogue.chance(0.2)) {
                agent = catalogue.libraryAgent();
            }
            else if (catalogue.chance(0.05)) {
                agent = Catalogue.FIREFOX_120;
            }
            else {
                agent = catalogue.browserAgent();
            }
            agents[i] = catalogue.shared(ObservableType.USER_AGENT, agent);
        }
        String variant = catalogue.variant(catalogue.chance(0.35));
        String name = catalogue.webshellName(catalogue.chance(0.3));
        String hash;
        if (name.equals("spinstall0.aspx")) {
            hash = SPINSTALL0_SHA256;
        }
        else if (Catalogue.KNOWN_SHELLS.contains(name)) {
            // A known name from a shared kit: the same file wherever it is written.
            hash = catalogue.stableHash("shell:" + name);
        }
        else {
            hash = catalogue.sha256();
        }
        String layouts = variant.contains("layouts=16") ? "16" : "15";
        Observable[] droppers = new Observable[catalogue.between(1, 3)];
        for (int i = 0; i < droppers.length; i++) {
            droppers[i] = new Observable(ObservableType.COMMAND_FINGERPRINT, catalogue.sha256());
        }
        Observable domain = catalogue.chance(0.4) ? new Observable(ObservableType.DOMAIN, catalogue.domain()) : null;
        return new ActorPlan(label, addresses, waveSlices(catalogue, addresses.length, waves), waveStarts(catalogue, first, waves),
                waveLengths(catalogue, waves), agents, catalogue.shared(ObservableType.USER_AGENT, catalogue.libraryAgent()), catalogue.chance(0.6),
                catalogue.shared(ObservableType.REQUEST_VARIANT, variant), sizes(catalogue),
                catalogue.shared(ObservableType.WEBSHELL_NAME, name), catalogue.shared(ObservableType.WEBSHELL_PATH, "/_layouts/" + layouts + "/" + name),
                catalogue.shared(ObservableType.WEBSHELL_PATH, Catalogue.LAYOUTS_FOLDER + name), catalogue.shared(ObservableType.FILE_HASH, hash),
                droppers, tools(catalogue, catalogue.between(2, 6), domain), 0.05 + 0.25 * catalogue.random().nextDouble(), 0);
    }

    /**
     * A copycat of {@code copied}: once its webshell and dropper are public (a day or two after the
     * copied actor's first wave), it uses them from its own addresses with its own habits.
     */
    static ActorPlan copycat(int label, ActorPlan copied, Catalogue catalogue)
    {
        long start = copied.waveStarts[0] + catalogue.between(24 * HOUR, 60 * HOUR);
        long publicFrom = start - catalogue.between(HOUR, 12 * HOUR);
        int waves = catalogue.between(1, 2);
        Observable[] addresses = addresses(catalogue, Math.max(waves, catalogue.logUniform(2, 10)));
        String agent = catalogue.chance(0.6) ? catalogue.libraryAgent() : catalogue.browserAgent();
        Observable domain = catalogue.chance(0.2) ? new Observable(ObservableType.DOMAIN, catalogue.domain()) : null;
        return new ActorPlan(label, addresses, waveSlices(catalogue, addresses.length, waves), waveStarts(catalogue, start, waves),
                waveLengths(catalogue, waves), new Observable[] {catalogue.shared(ObservableType.USER_AGENT, agent)},
                catalogue.shared(ObservableType.USER_AGENT, catalogue.libraryAgent()), catalogue.chance(0.3),
                catalogue.shared(ObservableType.REQUEST_VARIANT, catalogue.variant(true)), sizes(catalogue), copied.shellName, copied.shellWebPath,
                copied.shellHostPath, copied.shellHash, copied.droppers, tools(catalogue, catalogue.between(1, 4), domain),
                0.2 + 0.25 * catalogue.random().nextDouble(), publicFrom);
    }

    private static Observable[] addresses(Catalogue catalogue, int count)
    {
        Observable[] addresses = new Observable[count];
        for (int i = 0; i < count; i++) {
            addresses[i] = new Observable(ObservableType.SOURCE_IP, catalogue.address());
        }
        return addresses;
    }

    /** Rotating actors (two in five with several waves) use a fresh slice of their pool per wave. */
    private static int[][] waveSlices(Catalogue catalogue, int pool, int waves)
    {
        int[][] slices = new int[waves][];
        boolean rotating = waves > 1 && catalogue.chance(0.4);
        for (int w = 0; w < waves; w++) {
            List<Integer> slice = new ArrayList<>();
            for (int i = 0; i < pool; i++) {
                if (!rotating || i % waves == w) {
                    slice.add(i);
                }
            }
            slices[w] = slice.stream().mapToInt(Integer::intValue).toArray();
        }
        return slices;
    }

    private static long[] waveStarts(Catalogue catalogue, long first, int waves)
    {
        long[] starts = new long[waves];
        long start = first;
        for (int w = 0; w < waves; w++) {
            starts[w] = start;
            start += catalogue.between(28 * HOUR, 84 * HOUR);
        }
        return starts;
    }

    private static long[] waveLengths(Catalogue catalogue, int waves)
    {
        long[] lengths = new long[waves];
        for (int w = 0; w < waves; w++) {
            lengths[w] = catalogue.between(4 * HOUR, 24 * HOUR);
        }
        return lengths;
    }

    private static Observable[] sizes(Catalogue catalogue)
    {
        int size = catalogue.between(5200, 9000);
        Observable[] sizes = new Observable[catalogue.chance(0.5) ? 2 : 1];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = catalogue.shared(ObservableType.REQUEST_SIZE, Catalogue.sizeBucket(size + 256 * i));
        }
        return sizes;
    }

    /**
     * Distinct tools, each run the way this actor runs it. A Windows discovery command is half the
     * time run bare (the same fingerprint as everyone's); a dropped tool's command line carries the
     * actor's own paths and arguments, so its fingerprint is the actor's.
     */
    private static Observable[][] tools(Catalogue catalogue, int count, Observable domain)
    {
        List<ToolSpec> all = new ArrayList<>(ToolSpec.ALL);
        Observable[][] tools = new Observable[count][];
        for (int t = 0; t < count; t++) {
            ToolSpec spec = all.remove(catalogue.random().nextInt(all.size()));
            List<Observable> run = new ArrayList<>(4);
            run.add(catalogue.shared(ObservableType.TOOL, spec.image()));
            switch (spec.provenance()) {
                case WINDOWS -> { }
                case VENDOR -> run.add(catalogue.shared(ObservableType.FILE_HASH, catalogue.stableHash("vendor:" + spec.image())));
                case OWN_BUILD -> run.add(new Observable(ObservableType.FILE_HASH, catalogue.sha256()));
            }
            if (spec.provenance() == ToolSpec.Provenance.WINDOWS && catalogue.chance(0.5)) {
                run.add(catalogue.shared(ObservableType.COMMAND_FINGERPRINT, catalogue.stableHash("command:" + spec.image())));
            }
            else {
                run.add(new Observable(ObservableType.COMMAND_FINGERPRINT, catalogue.sha256()));
            }
            if (spec.tunnel() && domain != null) {
                run.add(domain);
            }
            tools[t] = run.toArray(new Observable[0]);
        }
        return tools;
    }
}
