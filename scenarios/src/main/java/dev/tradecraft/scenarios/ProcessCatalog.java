package dev.tradecraft.scenarios;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executables that appear in the world's events: their paths, version resources and hashes.
 * Hashes of ordinary binaries are derived from name and version, so one binary has one hash across
 * every host that runs the same Windows build; the attacker tools with published hashes
 * (toolshell.md §1.4) carry those.
 */
final class ProcessCatalog
{
    static final String CMD = "C:\\Windows\\System32\\cmd.exe";
    static final String POWERSHELL = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
    static final String CONHOST = "C:\\Windows\\System32\\conhost.exe";
    // WAS starts worker processes by this lower-case path, and Sysmon reports it as started.
    static final String W3WP = "c:\\windows\\system32\\inetsrv\\w3wp.exe";
    static final String W3WP_CANONICAL = "C:\\Windows\\System32\\inetsrv\\w3wp.exe";
    static final String FRAMEWORK = "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\";
    static final String CSC = FRAMEWORK + "csc.exe";
    static final String CVTRES = FRAMEWORK + "cvtres.exe";
    static final String CERTUTIL = "C:\\Windows\\System32\\certutil.exe";
    static final String WHOAMI = "C:\\Windows\\System32\\whoami.exe";
    static final String REG = "C:\\Windows\\System32\\reg.exe";
    static final String MSIEXEC = "C:\\Windows\\System32\\msiexec.exe";
    static final String SVCHOST = "C:\\Windows\\System32\\svchost.exe";
    static final String SERVICES = "C:\\Windows\\System32\\services.exe";
    static final String TASKHOSTW = "C:\\Windows\\System32\\taskhostw.exe";
    static final String WMIPRVSE = "C:\\Windows\\System32\\wbem\\WmiPrvSE.exe";
    static final String EXPLORER = "C:\\Windows\\explorer.exe";
    static final String FORFILES = "C:\\Windows\\System32\\forfiles.exe";
    static final String HOSTNAME = "C:\\Windows\\System32\\HOSTNAME.EXE";
    static final String IPCONFIG = "C:\\Windows\\System32\\ipconfig.exe";
    static final String DEFENDER = "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25060.7-0\\";
    static final String MPCMDRUN = DEFENDER + "MpCmdRun.exe";
    static final String MSMPENG = DEFENDER + "MsMpEng.exe";
    static final String CCMEXEC = "C:\\Windows\\CCM\\CcmExec.exe";
    static final String XD = "C:\\ProgramData\\xd.exe";
    static final String PSEXEC = "C:\\ProgramData\\PsExec64.exe";
    // A renamed credential dumper: only OriginalFileName gives it away.
    static final String CREDENTIAL_DUMPER = "C:\\ProgramData\\debug.exe";
    static final String SHARP_HOST_INFO = "C:\\ProgramData\\SharpHostInfo.x64.exe";
    static final String APPCMD = "C:\\Windows\\System32\\inetsrv\\appcmd.exe";
    /** Storm-2603's IIS backdoor module. */
    static final String IIS_BACKDOOR = "C:\\Windows\\System32\\inetsrv\\IIS_Server_dll.dll";

    private static final String XD_SHA256 = "62881359e75c9e8899c4bc9f452ef9743e68ce467f8b3e4398bebacde9550dea";
    private static final String SHARP_HOST_INFO_SHA256 = "d6da885c90a5d1fb88d0a3f0b5d9817a82d5772d5510a0773c80ca581ce2486d";
    private static final String IIS_BACKDOOR_SHA256 = "4c1750a14915bf2c0b093c2cb59063912dfa039a2adfe6d26d6914804e2ae928";

    // Lookups only, never iterated, so hash order cannot reach the output.
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();
    private static final Map<String, ImageInfo> INFOS = new ConcurrentHashMap<>();

    private ProcessCatalog() {}

    /** {@code C:\Program Files\Common Files\microsoft shared\Web Server Extensions\16\} for the given hive. */
    static String webServerExtensions(String hive)
    {
        return "C:\\Program Files\\Common Files\\microsoft shared\\Web Server Extensions\\" + hive + "\\";
    }

    /** Where webshells are dropped: the LAYOUTS folder served as {@code /_layouts/15/}. */
    static String layouts(String hive)
    {
        return "C:\\Program Files\\Common Files\\Microsoft Shared\\Web Server Extensions\\" + hive + "\\TEMPLATE\\LAYOUTS\\";
    }

    static String officeServers(String hive)
    {
        return "C:\\Program Files\\Microsoft Office Servers\\" + hive + ".0\\";
    }

    static String owstimer(String hive)
    {
        return webServerExtensions(hive) + "BIN\\OWSTIMER.EXE";
    }

    static String wsstracing(String hive)
    {
        return webServerExtensions(hive) + "BIN\\wsstracing.exe";
    }

    static String psconfig(String hive)
    {
        return webServerExtensions(hive) + "BIN\\PSCONFIG.EXE";
    }

    static String mssearch(String hive)
    {
        return officeServers(hive) + "Bin\\mssearch.exe";
    }

    static String mssdmn(String hive)
    {
        return officeServers(hive) + "Bin\\mssdmn.exe";
    }

    /** The version resource of {@code image} on a host running {@code windowsBuild} (e.g. {@code 10.0.17763}). */
    static ImageInfo info(String image, String windowsBuild)
    {
        String key = windowsBuild + "|" + image;
        ImageInfo cached = INFOS.get(key);
        if (cached != null) {
            return cached;
        }
        ImageInfo info = describe(baseName(image).toLowerCase(Locale.ROOT), windowsBuild);
        INFOS.putIfAbsent(key, info);
        return info;
    }

    private static ImageInfo describe(String name, String windowsBuild)
    {
        String windows = windowsFileVersion(windowsBuild);
        String os = "Microsoft® Windows® Operating System";
        String microsoft = "Microsoft Corporation";
        return switch (name) {
            case "cmd.exe" -> new ImageInfo(windows, "Windows Command Processor", os, microsoft, "Cmd.Exe");
            case "powershell.exe" -> new ImageInfo(windows, "Windows PowerShell", os, microsoft, "PowerShell.EXE");
            case "conhost.exe" -> new ImageInfo(windows, "Console Window Host", os, microsoft, "CONHOST.EXE");
            case "w3wp.exe" -> new ImageInfo(windows, "IIS Worker Process", os, microsoft, "w3wp.exe");
            case "csc.exe" -> new ImageInfo("4.8.4084.0 built by: NET48REL1", "Visual C# Command Line Compiler",
                    "Microsoft® .NET Framework", microsoft, "csc.exe");
            case "cvtres.exe" -> new ImageInfo("14.10.25028.0 built by: NET48REL1",
                    "Microsoft® Resource File To COFF Object Conversion Utility", "Microsoft® .NET Framework", microsoft, "CVTRES.EXE");
            case "certutil.exe" -> new ImageInfo(windows, "CertUtil.exe", os, microsoft, "CertUtil.exe");
            case "whoami.exe" -> new ImageInfo(windows, "whoami - displays logged on user information", os, microsoft, "whoami.exe");
            case "hostname.exe" -> new ImageInfo(windows, "Hostname APP", os, microsoft, "hostname.exe");
            case "ipconfig.exe" -> new ImageInfo(windows, "IP Configuration Utility", os, microsoft, "ipconfig.exe");
            case "reg.exe" -> new ImageInfo(windows, "Registry Console Tool", os, microsoft, "reg.exe");
            case "appcmd.exe" -> new ImageInfo(windows, "Application Server Command Line Admin Tool", os, microsoft, "appcmd.exe");
            case "msiexec.exe" -> new ImageInfo("5.0." + windowsBuild.substring(windowsBuild.lastIndexOf('.') + 1) + ".1",
                    "Windows® installer", "Windows Installer - Unicode", microsoft, "msiexec.exe");
            case "svchost.exe" -> new ImageInfo(windows, "Host Process for Windows Services", os, microsoft, "svchost.exe");
            case "services.exe" -> new ImageInfo(windows, "Services and Controller app", os, microsoft, "services.exe");
            case "taskhostw.exe" -> new ImageInfo(windows, "Host Process for Windows Tasks", os, microsoft, "taskhostw.exe");
            case "wmiprvse.exe" -> new ImageInfo(windows, "WMI Provider Host", os, microsoft, "Wmiprvse.exe");
            case "explorer.exe" -> new ImageInfo(windows, "Windows Explorer", os, microsoft, "EXPLORER.EXE");
            case "forfiles.exe" -> new ImageInfo(windows, "ForFiles - Executes a command on selected files", os, microsoft, "forfiles.exe");
            case "mpcmdrun.exe" -> new ImageInfo("4.18.25060.7 (Microsoft)", "Microsoft Malware Protection Command Line Utility",
                    os, microsoft, "MpCmdRun.exe");
            case "msmpeng.exe" -> new ImageInfo("4.18.25060.7 (Microsoft)", "Antimalware Service Executable", os, microsoft, "MsMpEng.exe");
            case "ccmexec.exe" -> new ImageInfo("5.0.9128.1000", "Host Process for Microsoft Configuration Manager",
                    "Microsoft Configuration Manager", microsoft, "CcmExec.exe");
            case "owstimer.exe" -> new ImageInfo("16.0.10417.20027", "SharePoint Timer Service", "Microsoft SharePoint",
                    microsoft, "OWSTIMER.EXE");
            case "wsstracing.exe" -> new ImageInfo("16.0.10417.20027", "SharePoint Tracing Service", "Microsoft SharePoint",
                    microsoft, "WSSTRACING.EXE");
            case "psconfig.exe" -> new ImageInfo("16.0.10417.20037", "SharePoint Products Configuration Wizard", "Microsoft SharePoint",
                    microsoft, "PSCONFIG.EXE");
            case "mssearch.exe" -> new ImageInfo("16.0.10417.20027", "Microsoft Search", "Microsoft Office Server",
                    microsoft, "MSSEARCH.EXE");
            case "mssdmn.exe" -> new ImageInfo("16.0.10417.20027", "Microsoft Search Daemon", "Microsoft Office Server",
                    microsoft, "MSSDMN.EXE");
            case "psexec64.exe" -> new ImageInfo("2.43", "Execute processes remotely", "Sysinternals PsExec",
                    "Sysinternals - www.sysinternals.com", "psexec.c");
            case "debug.exe" -> new ImageInfo("2.2.0.0", "mimikatz for Windows", "mimikatz", "gentilkiwi (Benjamin DELPY)", "mimikatz.exe");
            case "sharphostinfo.x64.exe" -> new ImageInfo("1.0.0.0", "SharpHostInfo", "SharpHostInfo", "-", "SharpHostInfo.exe");
            default -> name.startsWith("sts") || name.startsWith("uber") ? new ImageInfo("16.0.0.0", "Microsoft SharePoint update",
                    "Microsoft SharePoint", microsoft, "-") : ImageInfo.NONE;
        };
    }

    /** The Sysmon {@code Hashes} value: SHA256 only, or MD5, SHA256 and IMPHASH, as the host's configuration asks. */
    static String hashes(String image, ImageInfo info, boolean full)
    {
        String key = (full ? "full|" : "sha256|") + info.fileVersion() + "|" + image;
        String cached = HASHES.get(key);
        if (cached != null) {
            return cached;
        }
        String value = computeHashes(baseName(image).toLowerCase(Locale.ROOT), info, full);
        HASHES.putIfAbsent(key, value);
        return value;
    }

    private static String computeHashes(String name, ImageInfo info, boolean full)
    {
        String sha256 = switch (name) {
            case "xd.exe" -> XD_SHA256.toUpperCase(Locale.ROOT);
            case "sharphostinfo.x64.exe" -> SHARP_HOST_INFO_SHA256.toUpperCase(Locale.ROOT);
            case "iis_server_dll.dll" -> IIS_BACKDOOR_SHA256.toUpperCase(Locale.ROOT);
            default -> derivedHash("sha256|" + name + "|" + info.fileVersion(), 64);
        };
        if (!full) {
            return "SHA256=" + sha256;
        }
        return "MD5=" + derivedHash("md5|" + name + "|" + info.fileVersion(), 32)
                + ",SHA256=" + sha256
                + ",IMPHASH=" + derivedHash("imphash|" + name, 32);
    }

    static String baseName(String path)
    {
        int slash = path.lastIndexOf('\\');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static String windowsFileVersion(String windowsBuild)
    {
        return switch (windowsBuild) {
            case "10.0.14393" -> "10.0.14393.0 (rs1_release.160715-1616)";
            case "6.3.9600" -> "6.3.9600.16384 (winblue_rtm.130821-1623)";
            default -> windowsBuild + ".1 (WinBuild.160101.0800)";
        };
    }

    private static String derivedHash(String key, int digits)
    {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.toUpperCase(Character.forDigit(b >>> 4 & 0xf, 16)));
                hex.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
            return hex.substring(0, digits);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
