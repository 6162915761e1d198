package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A front-end's everyday requests for one day: staff browsing with NTLM handshakes, Office and sync
 * clients, the farm's own search crawler, search engines, uptime monitors, balancer health checks,
 * internet background noise, and the habits that look like an attack and are not (editors on
 * ToolPane.aspx, sign-outs, a PowerShell warm-up of start.aspx, staff on Firefox 120).
 */
final class BenignWebTraffic
{
    private static final long LABEL = 0x57454231L;
    private static final long SECOND = TimeText.MILLIS_PER_SECOND;
    private static final long MINUTE = TimeText.MILLIS_PER_MINUTE;
    private static final long HOUR = TimeText.MILLIS_PER_HOUR;
    private static final long DAY = TimeText.MILLIS_PER_DAY;

    /** Relative activity by local hour: a working day. */
    private static final int[] WORKDAY = {1, 1, 1, 1, 1, 2, 6, 22, 48, 60, 62, 58, 45, 55, 60, 56, 46, 30, 14, 8, 6, 4, 2, 1};

    private final long seed;
    private final OrganisationProfile org;
    private final long dayStart;
    private final Dice dice;
    private final List<WebRequest> out;
    private final int[] hourWeights = new int[24];

    private BenignWebTraffic(long seed, OrganisationProfile org, long dayStart, Dice dice, List<WebRequest> out)
    {
        this.seed = seed;
        this.org = org;
        this.dayStart = dayStart;
        this.dice = dice;
        this.out = out;
        int offset = org.country().utcOffsetHours();
        for (int utcHour = 0; utcHour < 24; utcHour++) {
            hourWeights[utcHour] = WORKDAY[Math.floorMod(utcHour + offset, 24)];
        }
    }

    /** Appends one day of everyday requests on {@code host} to {@code out}, unordered. */
    static void generate(long seed, OrganisationProfile org, HostProfile host, int dayIndex, long dayStart, boolean weekend, int requests,
            List<WebRequest> out)
    {
        requireNonNull(out, "out is null");
        Dice dice = Dice.of(seed, LABEL, org.index(), host.index(), dayIndex);
        BenignWebTraffic traffic = new BenignWebTraffic(seed, org, dayStart, dice, out);
        double people = weekend ? 0.3 : 1.0;
        traffic.staff((int) (requests * 0.60 * people));
        traffic.officeClients((int) (requests * 0.08 * people));
        traffic.searchCrawler((int) (requests * 0.08));
        traffic.searchEngines((int) (requests * 0.04));
        traffic.monitors((int) (requests * 0.06));
        if (org.network().balancerIp().isPresent()) {
            traffic.healthChecks((int) (requests * 0.06));
        }
        traffic.internetNoise(Math.max(2, (int) (requests * 0.04)));
        if (org.habits().warmupScript()) {
            traffic.warmup();
        }
        if (org.habits().editors() && !weekend) {
            traffic.editors(dice.between(1, 3));
        }
    }

    // ---- staff ------------------------------------------------------------------------------

    private void staff(int budget)
    {
        int used = 0;
        while (used < budget) {
            used += session(workTime());
        }
    }

    /** One browser session: handshake, a page, its resources, maybe API calls, a document, a sign-out. Returns the lines written. */
    private int session(long start)
    {
        int before = out.size();
        int userIndex = dice.nextInt(org.users().size());
        String user = org.users().get(userIndex);
        String agent = browserOf(userIndex);
        String ip = addressOf(userIndex);
        String protocol = org.network().balancerIp().isPresent() ? "HTTP/1.1" : "HTTP/2";
        String cookie = dice.chance(0.4) ? "WSS_FullScreenMode=false" : "";
        String site = dice.pick(org.sites());
        String[] page = page(site);
        long time = start;
        time = handshake(time, page[0], page[1], ip, agent, protocol, "");
        String referer = "https://" + org.naming().publicHost() + page[0] + (page[1].isEmpty() ? "" : "?" + page[1]);
        add(time, "GET", page[0], page[1], user, ip, protocol, agent, cookie, "", 200, 0, 0,
                dice.logNormal(45_000, 0.6, 8_000, 400_000), dice.between(600, 1_800), dice.logNormal(320, 0.6, 30, 15_000));
        int resources = dice.between(2, 8);
        for (int i = 0; i < resources; i++) {
            time += dice.between(20, 900);
            String resource = dice.pick(WebCatalog.STATIC_RESOURCES);
            String query = "";
            if (resource.endsWith(".axd")) {
                query = "d=" + dice.alphanumeric(40) + "&t=638" + dice.between(100_000_000, 999_999_999);
            }
            else if (dice.chance(0.7)) {
                query = "rev=" + dice.alphanumeric(22) + "%3D%3DTAG0";
            }
            boolean cached = dice.chance(0.4);
            add(time, "GET", resource, query, user, ip, protocol, agent, cookie, referer, cached ? 304 : 200, 0, 0,
                    cached ? dice.between(200, 280) : dice.logNormal(18_000, 1.0, 300, 900_000), dice.between(500, 1_500),
                    cached ? dice.between(0, 3) : dice.logNormal(8, 1.0, 0, 2_000));
        }
        int calls = dice.between(0, 3);
        for (int i = 0; i < calls; i++) {
            time += dice.between(100, 4_000);
            if (dice.chance(0.5)) {
                add(time, "GET", dice.pick(WebCatalog.API_GETS), "", user, ip, protocol, agent, cookie, referer, 200, 0, 0,
                        dice.logNormal(3_500, 0.9, 300, 90_000), dice.between(700, 1_600), dice.logNormal(90, 0.7, 5, 8_000));
            }
            else if (dice.chance(0.5)) {
                String stem = "/sites/" + site + "/_vti_bin/client.svc/ProcessQuery";
                add(time, "POST", stem, "", user, ip, protocol, agent, cookie, referer, 200, 0, 0, dice.logNormal(2_500, 0.8, 200, 60_000),
                        dice.between(900, 6_000), dice.logNormal(120, 0.6, 10, 8_000));
            }
            else {
                add(time, "POST", "/sites/" + site + "/_api/contextinfo", "", user, ip, protocol, agent, cookie, referer, 200, 0, 0,
                        dice.between(600, 900), dice.between(700, 1_400), dice.between(5, 60));
            }
        }
        if (dice.chance(0.25)) {
            time += dice.between(2, 90) * SECOND;
            document(time, site, user, ip, protocol, agent, cookie, referer);
        }
        if (dice.chance(0.15)) {
            time += dice.between(5, 300) * SECOND;
            String account = user.substring(user.indexOf('\\') + 1) + "%40" + org.naming().domain();
            add(time, "GET", "/_layouts/15/userphoto.aspx", "size=S&accountname=" + account, user, ip, protocol, agent, cookie, referer,
                    200, 0, 0, dice.between(900, 6_000), dice.between(600, 1_400), dice.between(10, 200));
        }
        if (org.habits().signOuts() && dice.chance(0.06)) {
            time += dice.between(30, 1_800) * SECOND;
            add(time, "GET", "/_layouts/15/SignOut.aspx", "", user, ip, protocol, agent, cookie, referer, 200, 0, 0,
                    dice.between(9_000, 14_000), dice.between(700, 1_500), dice.between(20, 160));
            time += dice.between(3, 40) * SECOND;
            // Signing in again: the new request carries the sign-out page as its referer.
            add(time, "GET", "/", "", "", ip, protocol, agent, "", "https://" + org.naming().publicHost() + "/_layouts/15/SignOut.aspx",
                    401, 2, 5, 1_293, dice.between(500, 1_200), dice.between(0, 8));
        }
        return out.size() - before;
    }

    /** The page a session opens: stem and query. */
    private String[] page(String site)
    {
        return switch (dice.nextInt(9)) {
            case 0 -> new String[] {"/", ""};
            case 1 -> new String[] {"/SitePages/Home.aspx", ""};
            case 2, 3 -> new String[] {"/sites/" + site + "/SitePages/Home.aspx", ""};
            case 4 -> new String[] {"/sites/" + site + "/Shared%20Documents/Forms/AllItems.aspx", ""};
            case 5 -> new String[] {"/sites/" + site + "/Lists/" + dice.pick(WebCatalog.LISTS) + "/AllItems.aspx", ""};
            case 6 -> new String[] {"/_layouts/15/start.aspx", ""};
            case 7 -> new String[] {"/_layouts/15/osssearchresults.aspx", "k=" + dice.pick(WebCatalog.SEARCHES)};
            default -> new String[] {"/sites/" + site + dice.pick(WebCatalog.LAYOUT_PAGES), ""};
        };
    }

    private void document(long start, String site, String user, String ip, String protocol, String agent, String cookie, String referer)
    {
        String document = dice.pick(WebCatalog.DOCUMENTS);
        String path = "/sites/" + site + "/Shared%20Documents/" + document;
        if (dice.chance(0.5)) {
            add(start, "GET", "/sites/" + site + "/_layouts/15/WopiFrame.aspx", "sourcedoc=" + path.replace("/", "%2F") + "&action=default",
                    user, ip, protocol, agent, cookie, referer, 200, 0, 0, dice.between(20_000, 60_000), dice.between(800, 1_600),
                    dice.logNormal(400, 0.5, 60, 6_000));
            return;
        }
        String office = document.endsWith(".xlsx") ? WebCatalog.EXCEL : WebCatalog.WORD;
        long time = handshake(start, "/sites/" + site + "/Shared%20Documents", "", ip, office, "HTTP/1.1", "OPTIONS");
        add(time, "OPTIONS", "/sites/" + site + "/Shared%20Documents", "", user, ip, "HTTP/1.1", office, "", "", 200, 0, 0,
                dice.between(300, 500), dice.between(300, 600), dice.between(1, 20));
        time += dice.between(30, 400);
        add(time, "HEAD", path, "", user, ip, "HTTP/1.1", office, "", "", 200, 0, 0, dice.between(300, 600), dice.between(300, 600),
                dice.between(5, 60));
        time += dice.between(30, 400);
        add(time, "GET", path, "", user, ip, "HTTP/1.1", office, "", "", 200, 0, 0, dice.logNormal(250_000, 0.9, 12_000, 9_000_000),
                dice.between(300, 600), dice.logNormal(300, 0.8, 20, 20_000));
        time += dice.between(500, 5_000);
        add(time, "POST", "/sites/" + site + "/_vti_bin/cellstorage.svc/CellStorageService", "", user, ip, "HTTP/1.1", office, "", "", 200,
                0, 0, dice.between(1_000, 8_000), dice.between(1_500, 20_000), dice.logNormal(150, 0.6, 10, 5_000));
    }

    /** The NTLM handshake of a new connection: 401.2, sometimes 401.1, then the caller's authenticated request. */
    private long handshake(long start, String stem, String query, String ip, String agent, String protocol, String method)
    {
        String verb = method.isEmpty() ? "GET" : method;
        long time = start;
        add(time, verb, stem, query, "", ip, protocol, agent, "", "", 401, 2, 5, 1_293, dice.between(400, 1_200), dice.between(0, 8));
        if (dice.chance(0.5)) {
            time += dice.between(1, 30);
            add(time, verb, stem, query, "", ip, protocol, agent, "", "", 401, 1, 2148074254L, 341, dice.between(600, 1_400),
                    dice.between(0, 4));
        }
        return time + dice.between(2, 60);
    }

    // ---- clients and crawlers ----------------------------------------------------------------

    private void officeClients(int budget)
    {
        int used = 0;
        while (used < budget) {
            int before = out.size();
            int userIndex = dice.nextInt(org.users().size());
            String user = org.users().get(userIndex);
            String ip = addressOf(userIndex);
            long time = workTime();
            switch (dice.nextInt(3)) {
                case 0 -> {
                    time = handshake(time, "/_vti_bin/lists.asmx", "", ip, WebCatalog.OUTLOOK, "HTTP/1.1", "POST");
                    add(time, "POST", "/_vti_bin/lists.asmx", "", user, ip, "HTTP/1.1", WebCatalog.OUTLOOK, "", "", 200, 0, 0,
                            dice.logNormal(6_000, 0.8, 500, 200_000), dice.between(800, 2_500), dice.logNormal(140, 0.6, 10, 6_000));
                }
                case 1 -> {
                    String site = dice.pick(org.sites());
                    time = handshake(time, "/sites/" + site + "/_api/web/lists", "", ip, WebCatalog.ONEDRIVE, "HTTP/1.1", "");
                    add(time, "GET", "/sites/" + site + "/_api/web/lists", "", user, ip, "HTTP/1.1", WebCatalog.ONEDRIVE, "", "", 200, 0, 0,
                            dice.logNormal(9_000, 0.7, 600, 200_000), dice.between(700, 1_500), dice.logNormal(110, 0.6, 10, 6_000));
                    String stem = "/sites/" + site + "/_vti_bin/client.svc/ProcessQuery";
                    add(time + dice.between(100, 900), "POST", stem, "", user, ip, "HTTP/1.1", WebCatalog.ONEDRIVE, "", "", 200, 0, 0,
                            dice.logNormal(3_000, 0.7, 300, 60_000), dice.between(900, 4_000), dice.logNormal(100, 0.6, 10, 6_000));
                }
                default -> {
                    String site = dice.pick(org.sites());
                    time = handshake(time, "/sites/" + site + "/Shared%20Documents", "", ip, WebCatalog.WEBDAV, "HTTP/1.1", "PROPFIND");
                    add(time, "PROPFIND", "/sites/" + site + "/Shared%20Documents", "", user, ip, "HTTP/1.1", WebCatalog.WEBDAV, "", "",
                            207, 0, 0, dice.between(2_000, 40_000), dice.between(400, 900), dice.logNormal(80, 0.6, 5, 4_000));
                }
            }
            used += out.size() - before;
        }
    }

    /** The farm's own search crawler, from the application server, in hourly incremental crawls. */
    private void searchCrawler(int budget)
    {
        if (budget <= 0) {
            return;
        }
        String ip = Addresses.internal(org.network().farmNetwork(), 2, 21);
        String user = org.naming().netbios() + "\\svc_spcrawl";
        int crawls = Math.max(1, Math.min(24, budget / 6));
        int perCrawl = Math.max(2, budget / crawls);
        int firstHour = dice.between(0, 23);
        for (int c = 0; c < crawls; c++) {
            long time = dayStart + ((firstHour + c * 24L / crawls) % 24) * HOUR + dice.between(0, 300) * SECOND;
            time = handshake(time, "/_vti_bin/sitedata.asmx", "", ip, WebCatalog.SEARCH_ROBOT, "HTTP/1.1", "POST");
            for (int i = 0; i < perCrawl; i++) {
                time += dice.between(50, 3_000);
                if (i % 3 == 0) {
                    add(time, "POST", "/_vti_bin/sitedata.asmx", "", user, ip, "HTTP/1.1", WebCatalog.SEARCH_ROBOT, "", "", 200, 0, 0,
                            dice.logNormal(4_000, 0.8, 400, 120_000), dice.between(700, 1_500), dice.logNormal(60, 0.7, 5, 4_000));
                }
                else {
                    String page = "/sites/" + dice.pick(org.sites()) + "/SitePages/Home.aspx";
                    add(time, "GET", page, "", user, ip, "HTTP/1.1", WebCatalog.SEARCH_ROBOT, "", "", 200, 0, 0,
                            dice.logNormal(40_000, 0.5, 8_000, 300_000), dice.between(300, 700), dice.logNormal(200, 0.5, 20, 8_000));
                }
            }
        }
    }

    private void searchEngines(int budget)
    {
        for (int i = 0; i < budget; i++) {
            boolean bing = dice.chance(0.55);
            String ip = Addresses.inPrefix(dice, dice.pick(bing ? Addresses.BINGBOT : Addresses.GOOGLEBOT));
            String agent = bing ? WebCatalog.BINGBOT : WebCatalog.GOOGLEBOT;
            long time = anyTime();
            if (!dice.chance(0.3)) {
                anonymousPage(time, "GET", dice.chance(0.6) ? "/" : "/SitePages/Home.aspx", ip, agent, org.naming().publicHost());
            }
            else if (org.exposure().anonymousHome()) {
                add(time, "GET", "/robots.txt", "", "", ip, "HTTP/1.1", agent, "", "", 200, 0, 0, 180, dice.between(200, 400),
                        dice.between(1, 20));
            }
            else {
                add(time, "GET", "/robots.txt", "", "", ip, "HTTP/1.1", agent, "", "", 404, 0, 2, 1_245, dice.between(200, 400),
                        dice.between(1, 20));
            }
        }
    }

    private void monitors(int budget)
    {
        if (budget <= 0) {
            return;
        }
        long interval = Math.max(5 * MINUTE, DAY / budget / (5 * MINUTE) * (5 * MINUTE));
        boolean pingdom = Dice.of(seed, LABEL, org.index(), 7).chance(0.4);
        String agent = pingdom ? WebCatalog.PINGDOM : WebCatalog.UPTIME_ROBOT;
        Dice monitorDice = Dice.of(seed, LABEL, org.index(), 8);
        String ip = Addresses.inPrefix(monitorDice, monitorDice.pick(Addresses.MONITORS));
        long phase = monitorDice.between(0, (int) (interval / SECOND) - 1) * SECOND;
        for (long time = dayStart + phase; time < dayStart + DAY; time += interval) {
            anonymousPage(time + dice.between(0, 900), pingdom ? "GET" : "HEAD", "/", ip, agent, org.naming().publicHost());
        }
    }

    /** The balancer checks each front-end on a fixed interval from its own address, with no user agent. */
    private void healthChecks(int budget)
    {
        if (budget <= 0) {
            return;
        }
        String balancer = org.network().balancerIp().orElseThrow();
        long interval = Math.max(MINUTE, DAY / budget);
        long phase = dice.between(0, (int) (interval / SECOND) - 1) * SECOND;
        for (long time = dayStart + phase; time < dayStart + DAY; time += interval) {
            add(time, "GET", "/_layouts/15/images/blank.gif", "", "", balancer, "HTTP/1.1", "", "", "", 200, 0, 0, 311, 90, 0);
        }
    }

    /** Internet background: scanners fetching the root and paths of other products. */
    private void internetNoise(int budget)
    {
        String[] agents = {WebCatalog.ZGRAB, WebCatalog.MASSCAN, WebCatalog.CENSYS, WebCatalog.EXPANSE, ""};
        for (int i = 0; i < budget; i++) {
            String ip = Addresses.inPrefix(dice, dice.pick(Addresses.SCANNERS));
            String agent = agents[dice.nextInt(agents.length)];
            long time = anyTime();
            if (dice.chance(0.5)) {
                anonymousPage(time, "GET", "/", ip, agent, org.network().publicIp());
            }
            else {
                out.add(Tradecraft.anonymous(time, "GET", dice.pick(WebCatalog.SCANNER_PATHS), "", ip, agent, "",
                        org.network().publicIp(), 404, 0, 2, 1_245, dice.between(60, 250), dice.between(0, 10)));
            }
        }
    }

    /** A scheduled warm-up after the nightly recycle: PowerShell fetching start.aspx and site homes from the server itself. */
    private void warmup()
    {
        long time = dayStart + Math.floorMod(5 - org.country().utcOffsetHours(), 24) * HOUR + dice.between(0, 600) * SECOND;
        String user = org.naming().netbios() + "\\sp_admin";
        String ip = "::1";
        add(time, "GET", "/", "", "", ip, "HTTP/1.1", WebCatalog.POWERSHELL_UA, "", "", 401, 2, 5, 1_293, 180, dice.between(0, 5));
        time += dice.between(5, 40);
        add(time, "GET", "/", "", user, ip, "HTTP/1.1", WebCatalog.POWERSHELL_UA, "", "", 200, 0, 0, dice.between(30_000, 60_000), 240,
                dice.logNormal(4_000, 0.6, 600, 40_000));
        time += dice.between(500, 3_000);
        add(time, "GET", "/_layouts/15/start.aspx", "", user, ip, "HTTP/1.1", WebCatalog.POWERSHELL_UA, "", "", 200, 0, 0,
                dice.between(20_000, 40_000), 240, dice.logNormal(2_500, 0.6, 300, 30_000));
        for (String site : org.sites()) {
            time += dice.between(300, 2_500);
            add(time, "GET", "/sites/" + site + "/SitePages/Home.aspx", "", user, ip, "HTTP/1.1", WebCatalog.POWERSHELL_UA, "", "", 200,
                    0, 0, dice.between(30_000, 70_000), 240, dice.logNormal(1_500, 0.6, 200, 30_000));
        }
    }

    /** Site owners editing web parts: authenticated GET and POST of ToolPane.aspx in edit mode, from their own pages. */
    private void editors(int sessions)
    {
        for (int s = 0; s < sessions; s++) {
            // Site owners are a handful of fixed people spread over the directory.
            int userIndex = (dice.nextInt(6) * 37 + 5) % org.users().size();
            String user = org.users().get(userIndex);
            String agent = browserOf(userIndex);
            String ip = addressOf(userIndex);
            String site = dice.pick(org.sites());
            String protocol = org.network().balancerIp().isPresent() ? "HTTP/1.1" : "HTTP/2";
            String pageUrl = "/sites/" + site + "/SitePages/Home.aspx";
            String referer = "https://" + org.naming().publicHost() + pageUrl + "?PageView=Shared&InitialTabId=Ribbon.WebPartPage";
            String stem = dice.chance(0.5) ? "/_layouts/15/ToolPane.aspx" : "/sites/" + site + "/_layouts/15/ToolPane.aspx";
            String query = "DisplayMode=Edit&ToolPaneView=2&PageUrl=" + pageUrl.replace("/", "%2F");
            long time = workTime();
            time = handshake(time, stem, query, ip, agent, protocol, "");
            add(time, "GET", stem, query, user, ip, protocol, agent, "WSS_FullScreenMode=false", referer, 200, 0, 0,
                    dice.between(30_000, 70_000), dice.between(900, 1_800), dice.logNormal(500, 0.5, 80, 8_000));
            int saves = dice.between(1, 3);
            for (int i = 0; i < saves; i++) {
                time += dice.between(20, 400) * SECOND;
                String self = "https://" + org.naming().publicHost() + stem + "?" + query;
                add(time, "POST", stem, query, user, ip, protocol, agent, "WSS_FullScreenMode=false", self, 200, 0, 0,
                        dice.between(30_000, 70_000), dice.between(6_000, 14_000), dice.logNormal(700, 0.5, 100, 9_000));
            }
        }
    }

    /** An anonymous request for a page: served on a public site, otherwise the 401.2 that starts authentication. */
    private void anonymousPage(long time, String method, String stem, String ip, String agent, String hostHeader)
    {
        if (time < dayStart || time >= dayStart + DAY) {
            return;
        }
        if (org.exposure().anonymousHome()) {
            out.add(Tradecraft.anonymous(time, method, stem, "", ip, agent, "", hostHeader, 200, 0, 0,
                    dice.logNormal(42_000, 0.4, 9_000, 200_000), dice.between(150, 400), dice.logNormal(260, 0.5, 30, 6_000)));
        }
        else {
            out.add(Tradecraft.anonymous(time, method, stem, "", ip, agent, "", hostHeader, 401, 2, 5, 1_293, dice.between(150, 400),
                    dice.between(0, 10)));
        }
    }

    // ---- people and time ---------------------------------------------------------------------

    /** A user's browser: stable per user; some staff on the organisation with stale installs use Firefox 120. */
    private String browserOf(int userIndex)
    {
        if (org.habits().staleFirefox() && userIndex % 17 == 3) {
            return WebCatalog.FIREFOX_120;
        }
        return Dice.of(seed, LABEL, org.index(), 100_000 + userIndex).pick(WebCatalog.BROWSERS);
    }

    /** A user's address: the office network for most, a home connection for some. */
    private String addressOf(int userIndex)
    {
        Dice userDice = Dice.of(seed, LABEL, org.index(), 200_000 + userIndex);
        if (userDice.chance(0.65)) {
            return Addresses.internal(org.network().farmNetwork(), userDice.between(100, 199), userDice.between(2, 254));
        }
        return Addresses.inPrefix(userDice, userDice.pick(org.country().consumerNetworks()));
    }

    private long workTime()
    {
        int hour = dice.weighted(hourWeights);
        return dayStart + hour * HOUR + dice.between(0, 3_599) * SECOND + dice.between(0, 999);
    }

    private long anyTime()
    {
        return dayStart + (long) (dice.nextDouble() * (DAY - 1));
    }

    private void add(long time, String method, String stem, String query, String user, String ip, String protocol, String agent,
            String cookie, String referer, int status, int substatus, long win32, int responseBytes, int requestBytes, int taken)
    {
        if (time < dayStart || time >= dayStart + DAY) {
            return;
        }
        out.add(new WebRequest(time, method, stem, query, user, ip, protocol, agent, cookie, referer, org.naming().publicHost(), status,
                substatus, win32, responseBytes, requestBytes, taken));
    }
}
