package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where an organisation sits, and what follows from it: its local working hours (July offset from
 * UTC), how its names look, its people's names, and the consumer networks its staff work from.
 * Victim countries and weights follow the Eye Security tally in toolshell.md §2.2.
 */
record Country(String code, String name, String city, int utcOffsetHours, int weight, List<String> prefixes,
        List<Sector> sectors, List<String> givenNames, List<String> surnames, List<String> consumerNetworks, String isp)
{
    static final List<Country> ALL = List.of(
            new Country("US", "United States", "Springfield", -5, 30,
                    List.of("lakeside", "riverbend", "pinecrest", "eastgate", "cedar-valley", "harbor-point", "silver-creek",
                            "granite-falls", "maple-ridge", "westbrook", "clearwater", "stonebridge", "fairhaven", "red-mesa",
                            "blue-hollow", "prairie-view"),
                    List.of(sector("{p}-county-gov", "{P} County Government", "{q}county.gov"),
                            sector("city-of-{p}", "City of {P}", "cityof{q}.gov"),
                            sector("{p}-school-district", "{P} School District", "{q}schools.org"),
                            sector("{p}-community-college", "{P} Community College", "{q}cc.edu"),
                            sector("{p}-water-authority", "{P} Water Authority", "{q}water.org"),
                            sector("{p}-medical-center", "{P} Medical Center", "{q}health.org"),
                            sector("{p}-credit-union", "{P} Credit Union", "{q}cu.com"),
                            sector("{p}-power-coop", "{P} Power Cooperative", "{q}power.coop")),
                    List.of("james", "mary", "robert", "patricia", "john", "jennifer", "michael", "linda", "david", "susan",
                            "william", "karen", "daniel", "nancy", "thomas", "lisa", "kevin", "angela", "brian", "megan"),
                    List.of("smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez",
                            "martinez", "hernandez", "lopez", "wilson", "anderson", "taylor", "moore", "jackson", "lee",
                            "harris", "clark", "lewis", "walker", "young", "king"),
                    List.of("73", "98", "24", "68", "71", "76", "174", "99"), "Lumen Broadband"),
            new Country("DE", "Germany", "Hannover", 2, 15,
                    List.of("nordwind", "alpenblick", "elbtal", "rheinau", "mainfeld", "sonnenberg", "havelland", "weserbogen",
                            "isartal", "taunusblick", "moorland", "lindenau"),
                    List.of(sector("{p}-energie", "{P} Energie GmbH", "{q}-energie.de"),
                            sector("stadtwerke-{p}", "Stadtwerke {P}", "stadtwerke-{q}.de"),
                            sector("klinikum-{p}", "Klinikum {P}", "klinikum-{q}.de"),
                            sector("landkreis-{p}", "Landkreis {P}", "landkreis-{q}.de"),
                            sector("hochschule-{p}", "Hochschule {P}", "hs-{q}.de"),
                            sector("{p}-logistik", "{P} Logistik AG", "{q}-logistik.de")),
                    List.of("andreas", "katrin", "stefan", "sabine", "thomas", "claudia", "michael", "petra", "jürgen",
                            "birgit", "markus", "anja", "frank", "monika", "tobias", "julia"),
                    List.of("müller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker", "schulz",
                            "hoffmann", "koch", "richter", "klein", "wolf", "schröder", "neumann"),
                    List.of("91", "93", "87", "84", "79", "217"), "Deutsche Telekom AG"),
            new Country("MU", "Mauritius", "Port Louis", 4, 8,
                    List.of("lagon-bleu", "belle-riviere", "morne-vert", "baie-doree", "trou-blanc", "pointe-corail"),
                    List.of(sector("{p}-telecom", "{P} Telecom Ltd", "{q}telecom.mu"),
                            sector("{p}-utilities", "{P} Utilities", "{q}utilities.mu"),
                            sector("{p}-district-council", "{P} District Council", "{q}council.govmu.org"),
                            sector("{p}-bank", "Banque {P}", "{q}bank.mu")),
                    List.of("arvind", "priya", "jean", "marie", "kevin", "anisha", "yannick", "nadia", "ravi", "sophie"),
                    List.of("ramgoolam", "jugnauth", "lafleur", "dupont", "seetohul", "appadoo", "bhugun", "leclezio",
                            "ramdhony", "pillay"),
                    List.of("102", "197"), "Mauritius Telecom"),
            new Country("FR", "France", "Lyon", 2, 8,
                    List.of("montclair", "beauval", "rivesombre", "valcourt", "clairefont", "belleroche", "pontvert"),
                    List.of(sector("mairie-de-{p}", "Mairie de {P}", "mairie-{q}.fr"),
                            sector("ch-{p}", "Centre Hospitalier de {P}", "ch-{q}.fr"),
                            sector("universite-{p}", "Université de {P}", "univ-{q}.fr"),
                            sector("{p}-energies", "{P} Énergies", "{q}-energies.fr")),
                    List.of("nicolas", "isabelle", "julien", "hélène", "sébastien", "camille", "antoine", "céline",
                            "mathieu", "claire"),
                    List.of("martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand", "leroy",
                            "moreau", "lefèvre", "girard"),
                    List.of("90", "82", "86", "109"), "Orange S.A."),
            new Country("NL", "Netherlands", "Utrecht", 2, 8,
                    List.of("zuiderveen", "polderwijk", "dijkhaven", "westerkoog", "lindeoord", "brakeloo"),
                    List.of(sector("gemeente-{p}", "Gemeente {P}", "{q}.nl"),
                            sector("waterschap-{p}", "Waterschap {P}", "ws{q}.nl"),
                            sector("hogeschool-{p}", "Hogeschool {P}", "hs{q}.nl")),
                    List.of("jan", "sanne", "pieter", "lotte", "daan", "femke", "bram", "eva", "thijs", "anouk"),
                    List.of("jansen", "devries", "vandijk", "bakker", "visser", "smit", "meijer", "mulder", "bos", "vos"),
                    List.of("77", "84", "145", "62"), "KPN B.V."),
            new Country("GB", "United Kingdom", "Leeds", 1, 8,
                    List.of("kingsmere", "ashworth", "wexcombe", "hollowford", "brackenfield", "marlowe-vale"),
                    List.of(sector("{p}-borough-council", "{P} Borough Council", "{q}.gov.uk"),
                            sector("{p}-nhs-trust", "{P} NHS Foundation Trust", "{q}.nhs.uk"),
                            sector("{p}-housing", "{P} Housing Association", "{q}housing.org.uk"),
                            sector("university-of-{p}", "University of {P}", "{q}.ac.uk")),
                    List.of("oliver", "amelia", "harry", "isla", "george", "emily", "jack", "sophie", "charlie", "grace"),
                    List.of("smith", "jones", "taylor", "brown", "williams", "wilson", "evans", "thomas", "roberts",
                            "walker", "wright", "hughes"),
                    List.of("86", "81", "82", "90", "151"), "British Telecommunications PLC"),
            new Country("JO", "Jordan", "Amman", 3, 5,
                    List.of("al-rabiya", "wadi-qamar", "tal-zaytoun", "jabal-nasr", "ain-safa"),
                    List.of(sector("{p}-municipality", "{P} Municipality", "{q}.gov.jo"),
                            sector("{p}-water", "{P} Water Company", "{q}water.jo"),
                            sector("{p}-university", "{P} University", "{q}.edu.jo")),
                    List.of("ahmad", "lina", "omar", "rania", "khaled", "dana", "yousef", "hala", "sami", "noor"),
                    List.of("haddad", "khoury", "nasser", "masri", "saleh", "qasem", "hamdan", "rashid", "zoubi", "tamimi"),
                    List.of("46", "94", "176"), "Orange Jordan"));

    /**
     * A kind of organisation and how its names are formed from a place prefix: {@code {p}} is the
     * prefix slug, {@code {P}} the prefix in title case, {@code {q}} the prefix without hyphens.
     */
    record Sector(String slug, String display, String domain)
    {
        Sector
        {
            requireNonNull(slug, "slug is null");
            requireNonNull(display, "display is null");
            requireNonNull(domain, "domain is null");
        }
    }

    Country
    {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(city, "city is null");
        prefixes = List.copyOf(prefixes);
        sectors = List.copyOf(sectors);
        givenNames = List.copyOf(givenNames);
        surnames = List.copyOf(surnames);
        consumerNetworks = List.copyOf(consumerNetworks);
        requireNonNull(isp, "isp is null");
    }

    private static Sector sector(String slug, String display, String domain)
    {
        return new Sector(slug, display, domain);
    }
}
