package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Invents organisations: a unique, realistic name, a farm of one to three web front-ends, how it
 * logs, and the habits of its people. What it runs and what happens to it is decided by the
 * planner, which passes the build in.
 */
final class OrganisationFactory
{
    private static final long LABEL = 0x4f524741L;
    private static final List<String> PUBLIC_HOST_PREFIXES = List.of("sharepoint", "sp", "intranet", "portal", "collab", "teams");

    private final long seed;
    private final Set<String> usedNames = new TreeSet<>();
    private final int[] countryWeights;

    OrganisationFactory(long seed)
    {
        this.seed = seed;
        this.countryWeights = new int[Country.ALL.size()];
        for (int i = 0; i < countryWeights.length; i++) {
            countryWeights[i] = Country.ALL.get(i).weight();
        }
    }

    /** The parts of an organisation's make-up the planner decides. */
    record Decisions(SharePointBuild build, OptionalLong patchTime, boolean amsi, boolean needsEditors, boolean needsAdminPowerShell,
            boolean needsStaleFirefox)
    {
        Decisions
        {
            requireNonNull(build, "build is null");
            requireNonNull(patchTime, "patchTime is null");
        }
    }

    OrganisationProfile create(int index, Decisions decisions)
    {
        Dice dice = Dice.of(seed, LABEL, index);
        Country country = Country.ALL.get(dice.weighted(countryWeights));
        String prefix = "";
        Country.Sector sector = null;
        String name = "";
        for (int attempt = 0; attempt < 60; attempt++) {
            prefix = dice.pick(country.prefixes());
            sector = dice.pick(country.sectors());
            name = fill(sector.slug(), prefix);
            if (!usedNames.contains(name)) {
                break;
            }
        }
        if (usedNames.contains(name)) {
            name = name + "-" + (index + 2);
        }
        usedNames.add(name);
        String compact = prefix.replace("-", "");
        String domain = fill(sector.domain(), prefix);
        String netbios = compact.toUpperCase(Locale.ROOT);
        if (netbios.length() > 15) {
            netbios = netbios.substring(0, 15);
        }
        String adDomain = dice.chance(0.5) ? compact + ".local" : "ad." + domain;
        String publicHost = dice.pick(PUBLIC_HOST_PREFIXES) + "." + domain;
        String domainSid = "S-1-5-21-" + dice.between(1_000_000_000L, 4_000_000_000L) + "-" + dice.between(1_000_000_000L, 4_000_000_000L)
                + "-" + dice.between(100_000_000L, 4_000_000_000L);
        OrganisationProfile.Naming naming = new OrganisationProfile.Naming(domain, netbios, adDomain, publicHost, domainSid);

        int hostCount = 1 + dice.weighted(new int[] {50, 35, 15});
        boolean balanced = hostCount > 1 || dice.chance(0.15);
        boolean forwardedFor = balanced && (hostCount == 1 || dice.chance(0.75));
        int farmNetwork = dice.between(1, 250);
        Optional<String> balancer = balanced ? Optional.of(Addresses.internal(farmNetwork, 0, dice.between(2, 20))) : Optional.empty();
        int serverPort = balanced && dice.chance(0.5) ? 80 : 443;
        OrganisationProfile.Network network = new OrganisationProfile.Network(Addresses.documentation(index), balancer, forwardedFor,
                serverPort, farmNetwork);

        W3cLayout layout = W3cLayout.STANDARD.get(dice.weighted(new int[] {35, 20, 30, 15}));
        OrganisationProfile.Logging logging = new OrganisationProfile.Logging(layout, dice.chance(0.75), dice.chance(0.3),
                dice.chance(0.5), dice.chance(0.2), dice.chance(0.4));

        OrganisationProfile.Exposure exposure = new OrganisationProfile.Exposure(decisions.build(), dice.chance(0.2), dice.chance(0.15),
                decisions.patchTime(), decisions.amsi());
        OrganisationProfile.Habits habits = new OrganisationProfile.Habits(
                decisions.needsEditors() || dice.chance(0.4), decisions.needsAdminPowerShell() || dice.chance(0.4),
                decisions.needsStaleFirefox() || dice.chance(0.25), dice.chance(0.35), dice.chance(0.6));

        List<HostProfile> hosts = hosts(dice, decisions.build(), hostCount, naming, farmNetwork);
        List<String> users = users(dice, country, netbios);
        List<String> sites = new ArrayList<>();
        int siteCount = dice.between(4, 9);
        while (sites.size() < siteCount) {
            String site = dice.pick(WebCatalog.SITES);
            if (!sites.contains(site)) {
                sites.add(site);
            }
        }
        return new OrganisationProfile(index, name, fill(sector.display(), prefix), country, naming, network, logging, exposure,
                habits, hosts, users, sites);
    }

    private static List<HostProfile> hosts(Dice dice, SharePointBuild build, int count, OrganisationProfile.Naming naming, int farmNetwork)
    {
        String productPrefix = switch (build.product()) {
            case SharePointBuild.SERVER_2019 -> "sp19-wfe";
            case SharePointBuild.SUBSCRIPTION_EDITION -> "spse-wfe";
            case SharePointBuild.SERVER_2016 -> "sp16-wfe";
            default -> "sp13-web";
        };
        String pattern = dice.pick(new String[] {"sp-wfe", "spweb", productPrefix, "sharepoint", "wfe"});
        int subnet = dice.between(1, 40);
        long siteId = dice.between(100_000_000L, 2_100_000_000L);
        List<HostProfile> hosts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String number = i + 1 < 10 ? "0" + (i + 1) : Integer.toString(i + 1);
            String name = pattern + number;
            String computer = name.toUpperCase(Locale.ROOT);
            String compileFolder = ProcessCatalog.FRAMEWORK + "Temporary ASP.NET Files\\root\\" + dice.hex(8) + "\\" + dice.hex(8) + "\\";
            hosts.add(new HostProfile(i, name, computer, computer + "." + naming.adDomain(),
                    Addresses.internal(farmNetwork, subnet, 11 + i), siteId, dice.hexUpper(8), dice.between(700, 4_000) * 4,
                    dice.between(40_000L, 9_000_000L), compileFolder));
        }
        return hosts;
    }

    private static List<String> users(Dice dice, Country country, String netbios)
    {
        int count = dice.between(25, 160);
        int convention = dice.nextInt(3);
        Set<String> names = new TreeSet<>();
        int guard = 0;
        while (names.size() < count && guard++ < count * 20) {
            String given = dice.pick(country.givenNames());
            String surname = dice.pick(country.surnames());
            String name = switch (convention) {
                case 0 -> given + "." + surname;
                case 1 -> given.charAt(0) + surname;
                default -> given + surname.charAt(0);
            };
            names.add(name);
        }
        List<String> users = new ArrayList<>(names.size() + 3);
        for (String name : names) {
            users.add(netbios + "\\" + name);
        }
        return users;
    }

    private static String fill(String template, String prefix)
    {
        return template.replace("{p}", prefix).replace("{q}", prefix.replace("-", "")).replace("{P}", titleCase(prefix));
    }

    private static String titleCase(String slug)
    {
        StringBuilder out = new StringBuilder(slug.length());
        boolean start = true;
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            if (c == '-') {
                out.append(' ');
                start = true;
            }
            else {
                out.append(start ? Character.toUpperCase(c) : c);
                start = false;
            }
        }
        return out.toString();
    }
}
