package dev.tradecraft.scenarios;

import java.util.List;

/**
 * A front-end's everyday Windows events for one day: the nightly worker recycle and the page
 * compilations that follow it (w3wp spawning csc.exe), SharePoint tracing rolling its logs, search
 * crawl daemons, scheduled tasks, WMI, Defender updates, database connections, and administrators'
 * encoded PowerShell run from management agents or their own session, never from w3wp.
 */
final class BenignHostActivity
{
    private static final long LABEL = 0x484f5354L;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60L * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60L * MICROS_PER_MINUTE;
    private static final long MICROS_PER_DAY = 24L * MICROS_PER_HOUR;
    private static final String[] COMPILED_PAGES = {"start.aspx", "viewlsts.aspx", "people.aspx", "settings.aspx", "userdisp.aspx",
            "osssearchresults.aspx", "", "default.master"};

    private final OrganisationProfile org;
    private final HostEvents events;
    private final HostProcesses processes;
    private final long dayStartMicros;
    private final Dice dice;
    private final List<WindowsEvent> out;

    private BenignHostActivity(OrganisationProfile org, HostEvents events, long dayStartMicros, Dice dice, List<WindowsEvent> out)
    {
        this.org = org;
        this.events = events;
        this.processes = events.processes();
        this.dayStartMicros = dayStartMicros;
        this.dice = dice;
        this.out = out;
    }

    /** Appends about {@code budget} everyday events of window day {@code dayIndex} to {@code out}, unordered. */
    static void generate(long seed, OrganisationProfile org, HostEvents events, int dayIndex, long dayStart, boolean weekend, int budget,
            List<WindowsEvent> out)
    {
        Dice dice = Dice.of(seed, LABEL, org.index(), events.host().index(), dayIndex);
        BenignHostActivity activity = new BenignHostActivity(org, events, dayStart * 1000L, dice, out);
        activity.recycle(dayIndex);
        activity.tracing((int) (budget * 0.30));
        activity.scheduledTasks((int) (budget * 0.12));
        activity.crawlDaemons((int) (budget * 0.14));
        activity.wmi((int) (budget * 0.06));
        activity.healthScript((int) (budget * 0.04));
        activity.database((int) (budget * 0.08));
        activity.defender();
        activity.logCleanup();
        if (org.habits().adminPowerShell() && !weekend) {
            activity.adminPowerShell(dice.between(1, 3));
        }
    }

    /** The nightly recycle: a new w3wp from WAS, then ASP.NET compiling the pages it is asked for first. */
    private void recycle(int dayIndex)
    {
        long recycle = processes.recycleTime(dayIndex) * 1000L;
        Proc worker = processes.worker(dayIndex);
        out.add(events.processCreate(recycle, worker));
        int pages = dice.between(2, 5);
        long time = recycle;
        for (int i = 0; i < pages; i++) {
            time += dice.between(2, 90) * MICROS_PER_MINUTE + dice.between(0, 59_999_999);
            String page = COMPILED_PAGES[dice.nextInt(COMPILED_PAGES.length)];
            if (org.habits().editors() && dice.chance(0.3)) {
                page = "toolpane.aspx";
            }
            out.addAll(Tradecraft.compileEvents(events, worker, time, page, dice));
        }
    }

    /** The SharePoint tracing service starts a new ULS log on a fixed interval. */
    private void tracing(int budget)
    {
        if (budget <= 0) {
            return;
        }
        // ULS rolls over every 30 minutes by default; busy farms shorten it, quiet ones lengthen it.
        int minutes = 120;
        if (budget >= 90) {
            minutes = 15;
        }
        else if (budget >= 45) {
            minutes = 30;
        }
        else if (budget >= 20) {
            minutes = 60;
        }
        String folder = ProcessCatalog.webServerExtensions(org.hive()) + "LOGS\\" + events.host().computerName() + "-";
        for (long time = 0; time < MICROS_PER_DAY; time += minutes * MICROS_PER_MINUTE) {
            long at = dayStartMicros + time + dice.between(0, 2_000_000);
            String stamp = TimeText.sysmonTime(at);
            String name = folder + stamp.substring(0, 4) + stamp.substring(5, 7) + stamp.substring(8, 10) + "-" + stamp.substring(11, 13)
                    + stamp.substring(14, 16) + ".log";
            out.add(events.fileCreate(at, processes.tracing(), name));
        }
    }

    private void scheduledTasks(int count)
    {
        String[] commandLines = {"taskhostw.exe", "taskhostw.exe Install $(Arg0)",
                "taskhostw.exe -RegisterDevice -ProtectionStateChanged -FreeNetworkOnly",
                "taskhostw.exe SYSTEM"};
        for (int i = 0; i < count; i++) {
            long at = anyTime();
            Proc task = processes.spawn(processes.scheduler(), ProcessCatalog.TASKHOSTW, commandLines[dice.nextInt(commandLines.length)],
                    processes.system(), "C:\\Windows\\system32\\", at, dice);
            out.add(events.processCreate(at, task));
        }
    }

    private void crawlDaemons(int count)
    {
        String daemon = ProcessCatalog.mssdmn(org.hive());
        for (int i = 0; i < count; i++) {
            long at = anyTime();
            String commandLine = "\"" + daemon + "\" -a:ShMemSPS" + dice.hexUpper(8) + " -b:" + dice.between(1_000, 9_999) + " -c:"
                    + dice.between(1, 8);
            out.add(events.processCreate(at, processes.spawn(processes.search(), daemon, commandLine, at, dice)));
        }
    }

    private void wmi(int count)
    {
        for (int i = 0; i < count; i++) {
            long at = anyTime();
            Proc provider = processes.spawn(processes.dcomLaunch(), ProcessCatalog.WMIPRVSE,
                    "C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding",
                    processes.system(), "C:\\Windows\\system32\\", at, dice);
            out.add(events.processCreate(at, provider));
        }
    }

    /** A scheduled health check in plain (not encoded) PowerShell. */
    private void healthScript(int count)
    {
        for (int i = 0; i < count; i++) {
            long at = anyTime();
            Proc shell = processes.spawn(processes.scheduler(), ProcessCatalog.POWERSHELL,
                    "powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\Scripts\\SPHealthCheck.ps1", processes.farmAdmin(),
                    "C:\\Windows\\system32\\", at, dice);
            out.add(events.processCreate(at, shell));
            long next = at + dice.between(5_000, 30_000);
            out.add(events.processCreate(next, processes.spawn(shell, ProcessCatalog.CONHOST,
                    "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", next, dice)));
        }
    }

    /** The worker talking to the content database; many Sysmon configurations keep these. */
    private void database(int count)
    {
        String sql = Addresses.internal(org.network().farmNetwork(), 2, 31);
        String sqlName = "SP-SQL01." + org.naming().adDomain();
        for (int i = 0; i < count; i++) {
            long at = anyTime();
            Proc worker = processes.workerAt(at / 1000L);
            out.add(events.networkConnect(at, worker, dice.between(49_700, 65_000), sql, sqlName, 1433));
        }
    }

    private void defender()
    {
        int updates = dice.between(1, 3);
        for (int i = 0; i < updates; i++) {
            long at = anyTime();
            Proc update = processes.spawn(processes.defender(), ProcessCatalog.MPCMDRUN,
                    "\"" + ProcessCatalog.MPCMDRUN + "\" SignaturesUpdateService -ScheduleJob -RestrictPrivileges", processes.system(),
                    "C:\\Windows\\system32\\", at, dice);
            out.add(events.processCreate(at, update));
            out.add(events.registrySet(at + dice.between(2_000_000, 40_000_000), processes.defender(),
                    "HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Signature Updates\\SignaturesLastUpdated",
                    "QWORD (0x01dbf" + dice.hex(3) + "-0x" + dice.hex(8) + ")"));
        }
    }

    /** A nightly scheduled batch file deleting old IIS logs. */
    private void logCleanup()
    {
        long at = dayStartMicros + Math.floorMod(3 - org.country().utcOffsetHours(), 24) * MICROS_PER_HOUR
                + dice.between(0, 59) * MICROS_PER_SECOND;
        Proc cmd = processes.spawn(processes.scheduler(), ProcessCatalog.CMD,
                "C:\\Windows\\system32\\cmd.exe /c \"C:\\Scripts\\Cleanup-IISLogs.cmd\"",
                processes.system(), "C:\\Windows\\system32\\", at, dice);
        out.add(events.processCreate(at, cmd));
        long next = at + dice.between(20_000, 80_000);
        out.add(events.processCreate(next,
                processes.spawn(cmd, ProcessCatalog.CONHOST, "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", next, dice)));
        next += dice.between(50_000, 200_000);
        out.add(events.processCreate(next, processes.spawn(cmd, ProcessCatalog.FORFILES,
                "forfiles  /p \"C:\\inetpub\\logs\\LogFiles\" /s /m *.log /d -30 /c \"cmd /c del @path\"", next, dice)));
    }

    /** Encoded PowerShell from the management agent (as SYSTEM) or an administrator's session: benign, and never under w3wp. */
    private void adminPowerShell(int count)
    {
        for (int i = 0; i < count; i++) {
            long at = workTime();
            String script = AttackScripts.ADMIN_SCRIPTS.get(dice.nextInt(AttackScripts.ADMIN_SCRIPTS.size()));
            String encoded = AttackScripts.encode(script);
            Proc shell;
            if (dice.chance(0.5)) {
                shell = processes.spawn(processes.ccmExec(), ProcessCatalog.POWERSHELL,
                        "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoLogo -NonInteractive -ExecutionPolicy Bypass"
                                + " -EncodedCommand " + encoded, processes.system(), "C:\\Windows\\CCM\\", at, dice);
            }
            else {
                shell = processes.spawn(processes.explorer(), ProcessCatalog.POWERSHELL,
                        "powershell.exe -NoProfile -EncodedCommand " + encoded, at, dice);
            }
            out.add(events.processCreate(at, shell));
            long next = at + dice.between(5_000, 30_000);
            out.add(events.processCreate(next, processes.spawn(shell, ProcessCatalog.CONHOST,
                    "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", next, dice)));
        }
    }

    private long anyTime()
    {
        return dayStartMicros + (long) (dice.nextDouble() * (MICROS_PER_DAY - 1));
    }

    /** Office hours in the organisation's time zone. */
    private long workTime()
    {
        int localHour = dice.between(8, 17);
        int utcHour = Math.floorMod(localHour - org.country().utcOffsetHours(), 24);
        return dayStartMicros + utcHour * MICROS_PER_HOUR + dice.between(0, 3_599) * MICROS_PER_SECOND;
    }
}
