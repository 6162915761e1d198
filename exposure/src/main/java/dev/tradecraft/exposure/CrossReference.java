package dev.tradecraft.exposure;

import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tradecraft.core.Exposure;

/**
 * Which exposed services belong to organisations a hunt judged: by the organisation's name (the
 * scan's holder name and the hunt's folder name, compared as slugs), by a host name the hunt saw
 * in requests ({@code cs-host}), or by a server address the hunt saw ({@code s-ip}).
 */
public final class CrossReference
{
    /** What the hunt knows of one organisation. */
    public record Footprint(String organisation, String status, Set<String> hostnames, Set<String> addresses)
    {
        public Footprint
        {
            checkNotBlank(organisation, "organisation");
            requireNonNull(status, "status is null");
            hostnames = Set.copyOf(hostnames);
            addresses = Set.copyOf(addresses);
        }
    }

    /** An exposure tied to a hunted organisation, and how. */
    public record Match(Exposure exposure, String organisation, String status, String matchedBy) {}

    private final Map<String, Footprint> bySlug = new HashMap<>();
    private final Map<String, Footprint> byName = new HashMap<>();
    private final Map<String, Footprint> byAddress = new HashMap<>();

    private CrossReference(Map<String, Footprint> footprints)
    {
        // Indexed once, so matching costs a few lookups per exposure however many organisations were hunted.
        for (Footprint footprint : footprints.values()) {
            bySlug.putIfAbsent(slug(footprint.organisation()), footprint);
            footprint.hostnames().forEach(name -> byName.putIfAbsent(name.toLowerCase(Locale.ROOT), footprint));
            footprint.addresses().forEach(address -> byAddress.putIfAbsent(address, footprint));
        }
    }

    /** An index of what the hunt knows, per organisation; empty footprints match nothing. */
    public static CrossReference of(Map<String, Footprint> footprints)
    {
        return new CrossReference(requireNonNull(footprints, "footprints is null"));
    }

    public boolean isEmpty()
    {
        return bySlug.isEmpty();
    }

    /** Whether the exposure belongs to a hunted organisation: safe to call from many threads. */
    public boolean touches(Exposure exposure)
    {
        return match(exposure).isPresent();
    }

    public Optional<Match> match(Exposure exposure)
    {
        if (isEmpty()) {
            return Optional.empty();
        }
        Footprint footprint = exposure.organisation().map(name -> bySlug.get(slug(name))).orElse(null);
        String how = "organisation name";
        if (footprint == null) {
            for (String name : exposure.hostnames()) {
                footprint = byName.get(name.toLowerCase(Locale.ROOT));
                if (footprint != null) {
                    how = "host name " + name;
                    break;
                }
            }
        }
        if (footprint == null) {
            footprint = byAddress.get(exposure.address());
            how = "address " + exposure.address();
        }
        return footprint == null ? Optional.empty() : Optional.of(new Match(exposure, footprint.organisation(), footprint.status(), how));
    }

    /** The matches among the exposures, in their order. */
    public List<Match> matchAll(List<Exposure> exposures)
    {
        List<Match> matches = new ArrayList<>();
        for (Exposure exposure : exposures) {
            match(exposure).ifPresent(matches::add);
        }
        return matches;
    }

    /** "Lakeside County Gov." and "lakeside-county-gov" are one name. */
    static String slug(String name)
    {
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                out.append(c);
                dash = false;
            }
            else {
                dash = true;
            }
        }
        return out.toString();
    }
}
