package dev.tradecraft.scenarios;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The scripts and payload text that appear inside command lines and URLs. The webshell content is
 * an inert stand-in: the world needs its name, path and the shape of the command that writes it,
 * never a working key stealer.
 */
final class AttackScripts
{
    /** Written in place of each webshell: valid ASPX that only says what it stands for. */
    static final String WEBSHELL_STAND_IN = "<%@ Page Language=\"C#\" %>\r\n"
            + "<%-- Tradecraft synthetic world: stands in for a ToolShell machine-key stealer (toolshell.md 1.3). It does nothing. --%>\r\n"
            + "<html><body>synthetic</body></html>\r\n";

    /** Scripts administrators and management agents really run encoded: harmless, and not from w3wp. */
    static final List<String> ADMIN_SCRIPTS = List.of(
            "Add-PSSnapin Microsoft.SharePoint.PowerShell -ErrorAction SilentlyContinue; Get-SPServiceInstance |"
                    + " Where-Object { $_.Status -ne 'Online' } | Select-Object TypeName, Server, Status | ConvertTo-Json -Compress",
            "$services = Get-Service -Name SPTimerV4, SPAdminV4, W3SVC, SPSearchHostController; $services |"
                    + " Select-Object Name, Status | ConvertTo-Json -Compress",
            "$ErrorActionPreference = 'Stop'; (Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Office Server\\16.0').BuildVersion",
            "Get-ChildItem -Path 'C:\\inetpub\\logs\\LogFiles' -Recurse -Filter *.log | Where-Object { $_.LastWriteTime -lt"
                    + " (Get-Date).AddDays(-30) } | Measure-Object -Property Length -Sum",
            "$cert = Get-ChildItem Cert:\\LocalMachine\\My | Where-Object { $_.NotAfter -lt (Get-Date).AddDays(30) };"
                    + " $cert | Select-Object Subject, NotAfter | ConvertTo-Json -Compress");

    private AttackScripts() {}

    /** What {@code -EncodedCommand} takes: base64 of the UTF-16LE script. */
    static String encode(String script)
    {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
    }

    static String base64(String text)
    {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The dropper of the public exploit (toolshell.md §1.3): it begins {@code $base64String =}, so its
     * encoding begins {@code JABiAGEAcwBlADYANABTAHQAcgBpAG4AZwAgAD0}, and writes through the 8.3 path
     * of LAYOUTS.
     */
    static String publicDropper(String hive, String webshell)
    {
        return "$base64String = \"" + base64(WEBSHELL_STAND_IN) + "\"\r\n"
                + "$destinationFile = \"C:\\PROGRA~1\\COMMON~1\\MICROS~1\\WEBSER~1\\" + hive + "\\TEMPLATE\\LAYOUTS\\" + webshell + "\"\r\n"
                + "$decodedBytes = [System.Convert]::FromBase64String($base64String)\r\n"
                + "$decodedContent = [System.Text.Encoding]::UTF8.GetString($decodedBytes)\r\n"
                + "$decodedContent | Set-Content -Path $destinationFile -ErrorAction Stop\r\n";
    }

    /** The ransomware actor's own dropper: same effect, different text, so a different encoded prefix. */
    static String ransomwareDropper(String hive, String webshell)
    {
        return "$p='" + ProcessCatalog.layouts(hive) + webshell + "';"
                + "$d=[Convert]::FromBase64String('" + base64(WEBSHELL_STAND_IN) + "');"
                + "[IO.File]::WriteAllBytes($p,$d)";
    }

    /**
     * A {@code __VIEWSTATE} value as it appears URL-encoded in a query: LosFormatter output starts
     * {@code /wEy}, then a long base64 body.
     */
    static String viewState(Dice dice)
    {
        int length = dice.between(900, 2600);
        StringBuilder out = new StringBuilder(length + length / 4);
        out.append("%2FwEy");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < length; i++) {
            char c = alphabet.charAt(dice.nextInt(alphabet.length()));
            if (c == '+') {
                out.append("%2B");
            }
            else if (c == '/') {
                out.append("%2F");
            }
            else {
                out.append(c);
            }
        }
        int padding = dice.nextInt(3);
        for (int i = 0; i < padding; i++) {
            out.append("%3D");
        }
        return out.toString();
    }
}
