package dev.tradecraft.scenarios;

/**
 * The sources of exploit requests in the world, and the scanners, each with its own tradecraft
 * (toolshell.md §1.6, §6): who they resemble, the request they send, the webshell they leave, and
 * whose public tradecraft they copy.
 */
enum Actor
{
    EARLY_ESPIONAGE("espionage-1", ActorTruth.ESPIONAGE, "", WebCatalog.FIREFOX_120,
            "POST /_layouts/15/ToolPane.aspx?DisplayMode=Edit&a=/ToolPane.aspx, Referer /_layouts/SignOut.aspx",
            "spinstall0.aspx",
            "Early espionage actor: two waves from the published addresses (around 18:00 on 2025-07-18 and 07:30 on 2025-07-19),"
                    + " Firefox 120, no trailing slash; spinstall0.aspx written by encoded PowerShell from w3wp -> cmd -> powershell"
                    + " and fetched seconds later; hours later the stolen machine keys are used in GET /_layouts/15/success.aspx"
                    + "?__VIEWSTATE=... from other addresses with curl and python user agents."),
    SECOND_ESPIONAGE("espionage-2", ActorTruth.ESPIONAGE, "",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
            "POST /_layouts/16/ToolPane.aspx?DisplayMode=Edit&a=/ToolPane.aspx, Referer /_layouts/SignOut.aspx",
            "spinstall1.aspx",
            "Second espionage actor: other addresses, the /_layouts/16/ path (which 404s on farms that do not map it), night hours"
                    + " on other days; spinstall1.aspx decoded with certutil from cmd under w3wp and fetched a minute later"
                    + " without a referer; no ViewState stage."),
    RANSOMWARE("ransomware-1", ActorTruth.RANSOMWARE, "",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36",
            "POST /_layouts/15/ToolPane.aspx?DisplayMode=Edit&a=/ToolPane.aspx, Referer /_layouts/SignOut.aspx,"
                    + " after a python GET of start.aspx",
            "spinstall2.aspx",
            "Ransomware-style actor in the manner of Storm-2603: python reconnaissance of start.aspx, spinstall2.aspx written by a"
                    + " different encoded PowerShell, then hands-on work through POSTs to error.aspx: whoami, Defender disabled with"
                    + " reg.exe, the frp tunnel xd.exe to its C2, PsExec, a renamed mimikatz, SharpHostInfo and the IIS_Server_dll.dll"
                    + " module."),
    COPYCAT("copycat-1", ActorTruth.COPYCAT, "espionage-1", WebCatalog.PYTHON_REQUESTS,
            "POST /_layouts/15/ToolPane.aspx?DisplayMode=Edit&a=/ToolPane.aspx, Referer /_layouts/SignOut.aspx (the public request)",
            "spinstall0.aspx",
            "Copycat after the exploit went public (from 2025-07-21): the public request and the same spinstall0.aspx dropper as"
                    + " espionage-1, from unrelated cloud addresses with python-requests; several tries fail. Shared tooling, not a"
                    + " shared operator."),
    RESEARCH("research-probes", ActorTruth.RESEARCH, "", WebCatalog.RESEARCH,
            "POST /_layouts/15/ToolPane.aspx/?DisplayMode=Edit&a=/ToolPane.aspx, Referer /_layouts/SignOut.aspx (nuclei form)",
            "",
            "Research exploit checks in the nuclei form (trailing slash, two POSTs seconds apart) from scanning networks; patched"
                    + " servers refused them with 401 and nothing followed."),
    SCANNERS("internet-scanners", ActorTruth.SCANNER, "", WebCatalog.NUCLEI,
            "GET /_layouts/15/ToolPane.aspx?DisplayMode=Edit&a=/ToolPane.aspx without a referer (nuclei detection), GET"
                    + " ?DisplayMode=Edit (zgrab), GET start.aspx, and webshell checks GET /_layouts/15/spinstall0.aspx and spinstall.aspx",
            "",
            "Internet scanners after disclosure: nuclei and zgrab detection requests and webshell checks (ToolShellCheck user"
                    + " agent) from scanning networks. They send no exploit request; a webshell check answered 200 is a scanner"
                    + " finding someone else's shell, not an intrusion.");

    private final String id;
    private final String kind;
    private final String copies;
    private final String userAgent;
    private final String variant;
    private final String webshell;
    private final String note;

    Actor(String id, String kind, String copies, String userAgent, String variant, String webshell, String note)
    {
        this.id = id;
        this.kind = kind;
        this.copies = copies;
        this.userAgent = userAgent;
        this.variant = variant;
        this.webshell = webshell;
        this.note = note;
    }

    String id()
    {
        return id;
    }

    String kind()
    {
        return kind;
    }

    /** The id of the actor whose public tradecraft this one reuses; empty when none. */
    String copies()
    {
        return copies;
    }

    String userAgent()
    {
        return userAgent;
    }

    String variant()
    {
        return variant;
    }

    String webshell()
    {
        return webshell;
    }

    String note()
    {
        return note;
    }
}
