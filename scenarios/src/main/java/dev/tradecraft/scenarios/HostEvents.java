package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders what happens on one host as Sysmon events (1, 3, 7, 11, 13), or as Security 4688 where
 * the organisation audits process creation instead of running Sysmon event 1. Field names and
 * order follow the SigmaHQ regression data rendered by evtx_dump.
 */
final class HostEvents
{
    private final OrganisationProfile organisation;
    private final HostProfile host;
    private final HostProcesses processes;

    HostEvents(OrganisationProfile organisation, HostProfile host, HostProcesses processes)
    {
        this.organisation = requireNonNull(organisation, "organisation is null");
        this.host = requireNonNull(host, "host is null");
        this.processes = requireNonNull(processes, "processes is null");
    }

    HostProcesses processes()
    {
        return processes;
    }

    HostProfile host()
    {
        return host;
    }

    /** The Temporary ASP.NET Files folder where pages of the SharePoint site are compiled. */
    String compileFolder()
    {
        return host.compileFolder();
    }

    /** Process creation: Sysmon 1, or Security 4688 where the organisation audits that instead. */
    WindowsEvent processCreate(long micros, Proc proc)
    {
        if (organisation.logging().processAuditing()) {
            return securityProcessCreate(micros, proc);
        }
        List<WindowsEvent.Datum> data = new ArrayList<>(23);
        add(data, "RuleName", "-");
        add(data, "UtcTime", TimeText.sysmonTime(micros));
        add(data, "ProcessGuid", proc.guid());
        add(data, "ProcessId", proc.pid());
        add(data, "Image", proc.image());
        add(data, "FileVersion", proc.info().fileVersion());
        add(data, "Description", proc.info().description());
        add(data, "Product", proc.info().product());
        add(data, "Company", proc.info().company());
        add(data, "OriginalFileName", proc.info().originalFileName());
        add(data, "CommandLine", proc.commandLine());
        add(data, "CurrentDirectory", proc.currentDirectory());
        add(data, "User", proc.user());
        add(data, "LogonGuid", proc.logonGuid());
        add(data, "LogonId", proc.logonId());
        add(data, "TerminalSessionId", proc.session());
        add(data, "IntegrityLevel", proc.integrity());
        add(data, "Hashes", processes.hashes(proc));
        add(data, "ParentProcessGuid", proc.parentGuid());
        add(data, "ParentProcessId", proc.parentPid());
        add(data, "ParentImage", proc.parentImage());
        add(data, "ParentCommandLine", proc.parentCommandLine());
        add(data, "ParentUser", proc.parentUser());
        return new WindowsEvent(micros, WindowsEvent.Channel.SYSMON, 1, 5, data);
    }

    private WindowsEvent securityProcessCreate(long micros, Proc proc)
    {
        List<WindowsEvent.Datum> data = new ArrayList<>(16);
        boolean system = proc.parentUser().startsWith("NT AUTHORITY\\");
        String creator = proc.parentUser();
        int slash = creator.indexOf('\\');
        add(data, "SubjectUserSid", system ? "S-1-5-18" : proc.userSid());
        add(data, "SubjectUserName", system ? host.computerName() + "$" : creator.substring(slash + 1));
        add(data, "SubjectDomainName", system ? organisation.naming().netbios() : creator.substring(0, slash));
        add(data, "SubjectLogonId", system ? "0x3e7" : proc.logonId());
        add(data, "NewProcessId", "0x" + Integer.toHexString(proc.pid()));
        add(data, "NewProcessName", canonicalPath(proc.image()));
        add(data, "TokenElevationType", proc.session() > 0 ? "%%1937" : "%%1936");
        add(data, "ProcessId", "0x" + Integer.toHexString(proc.parentPid()));
        add(data, "CommandLine", proc.commandLine());
        add(data, "TargetUserSid", "S-1-0-0");
        add(data, "TargetUserName", "-");
        add(data, "TargetDomainName", "-");
        add(data, "TargetLogonId", "0x0");
        add(data, "ParentProcessName", canonicalPath(proc.parentImage()));
        add(data, "MandatoryLabel", mandatoryLabel(proc.integrity()));
        return new WindowsEvent(micros, WindowsEvent.Channel.SECURITY, 4688, 2, data);
    }

    /** Sysmon 11: a file was created. */
    WindowsEvent fileCreate(long micros, Proc by, String targetFilename)
    {
        List<WindowsEvent.Datum> data = new ArrayList<>(8);
        add(data, "RuleName", "-");
        add(data, "UtcTime", TimeText.sysmonTime(micros));
        add(data, "ProcessGuid", by.guid());
        add(data, "ProcessId", by.pid());
        add(data, "Image", by.image());
        add(data, "TargetFilename", targetFilename);
        add(data, "CreationUtcTime", TimeText.sysmonTime(micros));
        add(data, "User", by.user());
        return new WindowsEvent(micros, WindowsEvent.Channel.SYSMON, 11, 2, data);
    }

    /** Sysmon 13: a registry value was set. */
    WindowsEvent registrySet(long micros, Proc by, String targetObject, String details)
    {
        List<WindowsEvent.Datum> data = new ArrayList<>(9);
        add(data, "RuleName", "-");
        add(data, "EventType", "SetValue");
        add(data, "UtcTime", TimeText.sysmonTime(micros));
        add(data, "ProcessGuid", by.guid());
        add(data, "ProcessId", by.pid());
        add(data, "Image", by.image());
        add(data, "TargetObject", targetObject);
        add(data, "Details", details);
        add(data, "User", by.user());
        return new WindowsEvent(micros, WindowsEvent.Channel.SYSMON, 13, 2, data);
    }

    /** Sysmon 3: an outbound TCP connection. */
    WindowsEvent networkConnect(long micros, Proc by, int sourcePort, String destinationIp, String destinationHostname, int destinationPort)
    {
        List<WindowsEvent.Datum> data = new ArrayList<>(18);
        add(data, "RuleName", "-");
        add(data, "UtcTime", TimeText.sysmonTime(micros));
        add(data, "ProcessGuid", by.guid());
        add(data, "ProcessId", by.pid());
        add(data, "Image", by.image());
        add(data, "User", by.user());
        add(data, "Protocol", "tcp");
        add(data, "Initiated", Boolean.TRUE);
        add(data, "SourceIsIpv6", Boolean.FALSE);
        add(data, "SourceIp", host.internalIp());
        add(data, "SourceHostname", host.fqdn());
        add(data, "SourcePort", sourcePort);
        add(data, "SourcePortName", "-");
        add(data, "DestinationIsIpv6", Boolean.FALSE);
        add(data, "DestinationIp", destinationIp);
        add(data, "DestinationHostname", destinationHostname.isEmpty() ? "-" : destinationHostname);
        add(data, "DestinationPort", destinationPort);
        add(data, "DestinationPortName", portName(destinationPort));
        return new WindowsEvent(micros, WindowsEvent.Channel.SYSMON, 3, 5, data);
    }

    /** Sysmon 7: a module was loaded. */
    WindowsEvent imageLoad(long micros, Proc by, String imageLoaded, ImageInfo info, boolean signed)
    {
        List<WindowsEvent.Datum> data = new ArrayList<>(16);
        add(data, "RuleName", "-");
        add(data, "UtcTime", TimeText.sysmonTime(micros));
        add(data, "ProcessGuid", by.guid());
        add(data, "ProcessId", by.pid());
        add(data, "Image", by.image());
        add(data, "ImageLoaded", imageLoaded);
        add(data, "FileVersion", info.fileVersion());
        add(data, "Description", info.description());
        add(data, "Product", info.product());
        add(data, "Company", info.company());
        add(data, "OriginalFileName", info.originalFileName());
        add(data, "Hashes", processes.hashes(imageLoaded, info));
        add(data, "Signed", signed ? "true" : "false");
        add(data, "Signature", signed ? "Microsoft Corporation" : "-");
        add(data, "SignatureStatus", signed ? "Valid" : "Unavailable");
        add(data, "User", by.user());
        return new WindowsEvent(micros, WindowsEvent.Channel.SYSMON, 7, 3, data);
    }

    private static String portName(int port)
    {
        return switch (port) {
            case 443 -> "https";
            case 445 -> "microsoft-ds";
            case 1433 -> "ms-sql-s";
            default -> "-";
        };
    }

    private static void add(List<WindowsEvent.Datum> data, String name, Object value)
    {
        data.add(new WindowsEvent.Datum(name, value));
    }

    // Security events name images with their canonical case, whatever case the process was started with.
    private static String canonicalPath(String image)
    {
        if (image.startsWith("c:\\windows\\system32\\")) {
            return "C:\\Windows\\System32\\" + image.substring("c:\\windows\\system32\\".length());
        }
        return image;
    }

    private static String mandatoryLabel(String integrity)
    {
        return switch (integrity.toLowerCase(Locale.ROOT)) {
            case "system" -> "S-1-16-16384";
            case "high" -> "S-1-16-12288";
            case "low" -> "S-1-16-4096";
            default -> "S-1-16-8192";
        };
    }
}
