package dev.tradecraft.scenarios;

import java.util.List;

/** User agents, paths and names seen in SharePoint traffic in mid-2025. */
final class WebCatalog
{
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36";
    static final String CHROME_OLD = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36";
    static final String EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Edg/138.0.0.0";
    static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";
    static final String FIREFOX_ESR = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    /** The user agent of the first wave (toolshell.md §1.2), also found on stale staff machines. */
    static final String FIREFOX_120 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0";
    static final String SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15";
    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1";

    static final List<String> BROWSERS = List.of(CHROME, CHROME, CHROME, CHROME_OLD, EDGE, EDGE, EDGE, EDGE, FIREFOX, FIREFOX_ESR,
            SAFARI_MAC, SAFARI_IPHONE);

    static final String WORD = "Microsoft Office Word 2014 (16.0.18827) Windows NT 10.0";
    static final String EXCEL = "Microsoft Office Excel 2014 (16.0.18827) Windows NT 10.0";
    static final String OUTLOOK = "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18827; Pro)";
    static final String ONEDRIVE = "Microsoft SkyDriveSync 25.115.0615.0001 ship; Windows NT 10.0 (19045)";
    static final String WEBDAV = "Microsoft-WebDAV-MiniRedir/10.0.19045";
    static final String SEARCH_ROBOT = "Mozilla/4.0 (compatible; MSIE 4.01; Windows NT; MS Search 6.0 Robot)";
    static final String POWERSHELL_UA = "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.17763.7434";

    static final String BINGBOT = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String UPTIME_ROBOT = "Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)";
    static final String PINGDOM = "Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)";

    static final String ZGRAB = "Mozilla/5.0 zgrab/0.x";
    static final String MASSCAN = "masscan/1.3 (https://github.com/robertdavidgraham/masscan)";
    static final String CENSYS = "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)";
    static final String NUCLEI = "Nuclei - Open-source project (github.com/projectdiscovery/nuclei)";
    static final String EXPANSE = "Expanse, a Palo Alto Networks company, searches across the global IPv4 space multiple times per day"
            + " to identify customers&#39; presences on the Internet. If you would like to be excluded from our scans, please send"
            + " IP addresses/domains to: scaninfo@paloaltonetworks.com";
    /** Webshell checks after disclosure, in the manner of Eye Security's and Shadowserver's sweeps. */
    static final String WEBSHELL_CHECK = "Mozilla/5.0 (compatible; ToolShellCheck/1.0; +https://research.example.net/toolshell)";
    static final String RESEARCH = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36";

    static final String PYTHON_REQUESTS = "python-requests/2.32.3";
    static final String PYTHON_REQUESTS_OLD = "python-requests/2.31.0";
    static final String CURL = "curl/8.5.0";

    /** Paths internet-wide scanners try on every host, none of which SharePoint serves. */
    static final List<String> SCANNER_PATHS = List.of("/.env", "/wp-login.php", "/.git/config", "/owa/auth/logon.aspx",
            "/remote/login", "/cgi-bin/luci/;stok=/locale", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php",
            "/actuator/health", "/solr/admin/info/system", "/api/v1/pods", "/geoserver/web/", "/global-protect/login.esp");

    static final List<String> SITES = List.of("hr", "finance", "it", "projects", "legal", "communications", "procurement",
            "facilities", "planning", "research", "operations", "engineering", "policies", "board", "training", "safety");

    static final List<String> LISTS = List.of("Announcements", "Tasks", "Calendar", "Contacts", "Issue%20Tracker",
            "Links", "Team%20Discussion");

    static final List<String> DOCUMENTS = List.of("Budget%202025-26.xlsx", "Quarterly%20Report%20Q2.docx", "Staff%20Handbook.pdf",
            "Meeting%20Minutes%202025-07-14.docx", "Project%20Plan.mpp", "Org%20Chart.pptx", "Risk%20Register.xlsx",
            "Travel%20Policy.pdf", "Onboarding%20Checklist.docx", "Network%20Diagram.vsdx", "Procurement%20Log.xlsx",
            "Board%20Pack%20July.pdf");

    static final List<String> SEARCHES = List.of("budget", "holiday%20calendar", "expense%20form", "org%20chart", "policy",
            "vpn", "minutes", "travel", "onboarding", "contract%20template");

    static final List<String> STATIC_RESOURCES = List.of(
            "/_layouts/15/init.js", "/_layouts/15/1033/strings.js", "/_layouts/15/sp.js", "/_layouts/15/sp.runtime.js",
            "/_layouts/15/core.js", "/_layouts/15/sp.ui.dialog.js", "/_layouts/15/blank.js", "/_layouts/15/clienttemplates.js",
            "/_layouts/15/1033/styles/Themable/corev15.css", "/_layouts/15/images/spcommon.png", "/_layouts/15/images/siteicon.png",
            "/_layouts/15/images/favicon.ico", "/_layouts/15/images/spinnyanimation.gif", "/_layouts/15/1033/initstrings.js",
            "/ScriptResource.axd", "/WebResource.axd");

    static final List<String> API_GETS = List.of("/_api/web/lists", "/_api/web/currentuser", "/_api/web",
            "/_api/SP.UserProfiles.PeopleManager/GetMyProperties", "/_api/web/lists/getbytitle('Announcements')/items",
            "/_api/web/siteusers", "/_api/site/usage");

    static final List<String> ASMX = List.of("/_vti_bin/lists.asmx", "/_vti_bin/webs.asmx", "/_vti_bin/sites.asmx",
            "/_vti_bin/UserProfileService.asmx", "/_vti_bin/sitedata.asmx", "/_vti_bin/Authentication.asmx",
            "/_vti_bin/usergroup.asmx");

    static final List<String> LAYOUT_PAGES = List.of("/_layouts/15/viewlsts.aspx", "/_layouts/15/people.aspx",
            "/_layouts/15/user.aspx", "/_layouts/15/settings.aspx", "/_layouts/15/userdisp.aspx");

    private WebCatalog() {}
}
