package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * The long-lived processes of one web front-end and a factory for the short-lived ones. The
 * long-lived ones (services, WAS, the SharePoint services, each day's IIS worker) are derived only
 * from the world seed and the host, so benign activity and attacks generated separately agree on
 * the worker that spawned them.
 */
final class HostProcesses
{
    private static final long LABEL = 0x50524f43L;
    private static final String SYSTEM32 = "C:\\Windows\\system32\\";

    /** A logon session: who a process runs as. */
    record Account(String user, String sid, String logonId, String logonGuid, int session, String integrity)
    {
        Account
        {
            requireNonNull(user, "user is null");
            requireNonNull(sid, "sid is null");
            requireNonNull(logonId, "logonId is null");
            requireNonNull(logonGuid, "logonGuid is null");
            requireNonNull(integrity, "integrity is null");
        }
    }

    private final long seed;
    private final long windowStart;
    private final OrganisationProfile organisation;
    private final HostProfile host;
    private final Account system;
    private final Account appPool;
    private final Account farmAdmin;
    private final Proc services;
    private final Proc was;
    private final Proc scheduler;
    private final Proc dcomLaunch;
    private final Proc explorer;
    private final Proc ccmExec;
    private final Proc defender;
    private final Proc search;
    private final Proc timer;
    private final Proc tracing;

    HostProcesses(long seed, long windowStart, OrganisationProfile organisation, HostProfile host)
    {
        this.seed = seed;
        this.windowStart = windowStart;
        this.organisation = requireNonNull(organisation, "organisation is null");
        this.host = requireNonNull(host, "host is null");
        Dice dice = Dice.of(seed, LABEL, organisation.index(), host.index());
        String machine = host.machineGuid();
        String netbios = organisation.naming().netbios();
        String domainSid = organisation.naming().domainSid();
        // The farm was last rebooted some days before the window opened.
        long bootMicros = (windowStart - dice.between(3, 20) * TimeText.MILLIS_PER_DAY - dice.between(0, 86_399) * 1000L) * 1000L;
        this.system = new Account("NT AUTHORITY\\SYSTEM", "S-1-5-18", "0x3e7", machine + "-0000-0000-E703-000000000000", 0, "System");
        Account networkService = new Account("NT AUTHORITY\\NETWORK SERVICE", "S-1-5-20", "0x3e4",
                machine + "-0000-0000-E403-000000000000", 0, "System");
        this.appPool = account(netbios + "\\svc_spapppool", domainSid + "-1107", 0, "High", bootMicros, dice);
        this.farmAdmin = account(netbios + "\\sp_admin", domainSid + "-1104", 2, "High",
                (windowStart - dice.between(1, 40) * TimeText.MILLIS_PER_HOUR) * 1000L, dice);

        Proc wininit = new Proc("C:\\Windows\\System32\\wininit.exe", "wininit.exe", dice.between(100, 149) * 4, guid(bootMicros, dice),
                system.user(), system.sid(), system.logonGuid(), system.logonId(), 0, "System", SYSTEM32,
                info("C:\\Windows\\System32\\wininit.exe"), "-", "-", 0, "-", "-");
        this.services = spawn(wininit, ProcessCatalog.SERVICES, "C:\\Windows\\system32\\services.exe", system, SYSTEM32, bootMicros, dice);
        this.was = spawn(services, ProcessCatalog.SVCHOST, "C:\\Windows\\system32\\svchost.exe -k iissvcs", system,
                SYSTEM32, bootMicros, dice);
        this.scheduler = spawn(services, ProcessCatalog.SVCHOST, "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule", system,
                SYSTEM32, bootMicros, dice);
        this.dcomLaunch = spawn(services, ProcessCatalog.SVCHOST, "C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p", system,
                SYSTEM32, bootMicros, dice);
        Proc userinit = new Proc("C:\\Windows\\System32\\userinit.exe", "C:\\Windows\\system32\\userinit.exe", pid(dice),
                guid(bootMicros, dice), farmAdmin.user(), farmAdmin.sid(), farmAdmin.logonGuid(), farmAdmin.logonId(),
                farmAdmin.session(), farmAdmin.integrity(), SYSTEM32, info("C:\\Windows\\System32\\userinit.exe"), "-", "-", 0, "-", "-");
        this.explorer = spawn(userinit, ProcessCatalog.EXPLORER, "C:\\Windows\\Explorer.EXE", farmAdmin, SYSTEM32, bootMicros, dice);
        this.ccmExec = spawn(services, ProcessCatalog.CCMEXEC, "C:\\Windows\\CCM\\CcmExec.exe", system, SYSTEM32, bootMicros, dice);
        this.defender = spawn(services, ProcessCatalog.MSMPENG, "\"" + ProcessCatalog.MSMPENG + "\"", system, SYSTEM32, bootMicros, dice);
        String hive = organisation.hive();
        this.search = spawn(services, ProcessCatalog.mssearch(hive), "\"" + ProcessCatalog.mssearch(hive) + "\"", appPool,
                SYSTEM32, bootMicros, dice);
        this.timer = spawn(services, ProcessCatalog.owstimer(hive), "\"" + ProcessCatalog.owstimer(hive) + "\"", appPool,
                SYSTEM32, bootMicros, dice);
        this.tracing = spawn(services, ProcessCatalog.wsstracing(hive), "\"" + ProcessCatalog.wsstracing(hive) + "\"", networkService,
                SYSTEM32, bootMicros, dice);
    }

    Account system()
    {
        return system;
    }

    Account appPool()
    {
        return appPool;
    }

    Account farmAdmin()
    {
        return farmAdmin;
    }

    Proc services()
    {
        return services;
    }

    Proc was()
    {
        return was;
    }

    Proc scheduler()
    {
        return scheduler;
    }

    Proc dcomLaunch()
    {
        return dcomLaunch;
    }

    Proc explorer()
    {
        return explorer;
    }

    Proc ccmExec()
    {
        return ccmExec;
    }

    Proc defender()
    {
        return defender;
    }

    Proc search()
    {
        return search;
    }

    Proc timer()
    {
        return timer;
    }

    Proc tracing()
    {
        return tracing;
    }

    /** When the application pool recycled on window day {@code dayIndex}: between 01:00 and 03:00 local time. */
    long recycleTime(int dayIndex)
    {
        Dice dice = Dice.of(seed, LABEL, organisation.index(), host.index(), dayIndex, 1);
        long localOne = TimeText.MILLIS_PER_HOUR * Math.floorMod(1 - organisation.country().utcOffsetHours(), 24);
        return windowStart + dayIndex * TimeText.MILLIS_PER_DAY + localOne + dice.between(0, 2 * 3600 - 1) * TimeText.MILLIS_PER_SECOND;
    }

    /** The IIS worker that started at the recycle of window day {@code dayIndex}; day -1 is the one running when the window opened. */
    Proc worker(int dayIndex)
    {
        Dice dice = Dice.of(seed, LABEL, organisation.index(), host.index(), dayIndex, 2);
        long started = recycleTime(dayIndex);
        int port = organisation.network().serverPort();
        String pool = "SharePoint - " + port;
        String commandLine = ProcessCatalog.W3WP + " -ap \"" + pool + "\" -v \"v4.0\" -l \"webengine4.dll\" -a \\\\.\\pipe\\iisipm"
                + dice.hex(8) + "-" + dice.hex(4) + "-" + dice.hex(4) + "-" + dice.hex(4) + "-" + dice.hex(12)
                + " -h \"C:\\inetpub\\temp\\apppools\\" + pool + "\\" + pool + ".config\" -w \"\" -m 0 -t 20 -ta 0";
        return spawn(was, ProcessCatalog.W3WP, commandLine, appPool, "C:\\Windows\\system32\\inetsrv\\", started * 1000L, dice);
    }

    /** The worker serving requests at {@code time} (epoch milliseconds). */
    Proc workerAt(long time)
    {
        int dayIndex = (int) Math.floorDiv(time - windowStart, TimeText.MILLIS_PER_DAY);
        if (time < recycleTime(dayIndex)) {
            dayIndex--;
        }
        return worker(dayIndex);
    }

    /** A child of {@code parent} running as the parent's user, in the parent's directory. */
    Proc spawn(Proc parent, String image, String commandLine, long micros, Dice dice)
    {
        Account account = new Account(parent.user(), parent.userSid(), parent.logonId(), parent.logonGuid(), parent.session(),
                parent.integrity());
        return spawn(parent, image, commandLine, account, parent.currentDirectory(), micros, dice);
    }

    Proc spawn(Proc parent, String image, String commandLine, Account account, String currentDirectory, long micros, Dice dice)
    {
        return new Proc(image, commandLine, pid(dice), guid(micros, dice), account.user(), account.sid(), account.logonGuid(),
                account.logonId(), account.session(), account.integrity(), currentDirectory, info(image), parent.image(),
                parent.commandLine(), parent.pid(), parent.guid(), parent.user());
    }

    ImageInfo info(String image)
    {
        return ProcessCatalog.info(image, organisation.build().windowsBuild());
    }

    String hashes(Proc proc)
    {
        return ProcessCatalog.hashes(proc.image(), proc.info(), organisation.logging().fullHashes());
    }

    String hashes(String image, ImageInfo info)
    {
        return ProcessCatalog.hashes(image, info, organisation.logging().fullHashes());
    }

    private Account account(String user, String sid, int session, String integrity, long logonMicros, Dice dice)
    {
        int logonId = dice.between(0x40000, 0xffffff);
        return new Account(user, sid, "0x" + Integer.toHexString(logonId), logonGuid(logonId, logonMicros), session, integrity);
    }

    private static int pid(Dice dice)
    {
        return dice.between(260, 3200) * 4;
    }

    /**
     * A Sysmon process GUID: the machine part, the start time in seconds split into its low and high
     * 16 bits, then a per-process sequence.
     */
    private String guid(long micros, Dice dice)
    {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        return host.machineGuid() + "-" + hex((int) (seconds & 0xffff), 4) + "-" + hex((int) (seconds >>> 16 & 0xffff), 4) + "-"
                + dice.hexUpper(4) + "-00000000" + dice.hexUpper(2) + "00";
    }

    /** A Sysmon logon GUID: machine, logon time, then the logon id's bytes in little-endian order. */
    private String logonGuid(int logonId, long logonMicros)
    {
        long seconds = Math.floorDiv(logonMicros, 1_000_000L);
        return host.machineGuid() + "-" + hex((int) (seconds & 0xffff), 4) + "-" + hex((int) (seconds >>> 16 & 0xffff), 4) + "-"
                + hex(logonId & 0xff, 2) + hex(logonId >>> 8 & 0xff, 2) + "-"
                + hex(logonId >>> 16 & 0xff, 2) + hex(logonId >>> 24 & 0xff, 2) + "00000000";
    }

    private static String hex(int value, int digits)
    {
        String hex = Integer.toHexString(value).toUpperCase(Locale.ROOT);
        return "0000".substring(0, digits - hex.length()) + hex;
    }
}
