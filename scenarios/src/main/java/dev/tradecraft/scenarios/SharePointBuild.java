package dev.tradecraft.scenarios;

import static dev.tradecraft.core.Checks.checkNotBlank;

import java.util.List;

/**
 * A SharePoint product line at one build, as a farm runs it and as a scanner sees it. Builds and
 * fixed-build thresholds come from toolshell.md §1.7 (verified against the CVE record and Rapid7).
 *
 * @param product the product name
 * @param build the full four-part build
 * @param windowsBuild the Windows Server build the farm runs on, for file versions in events
 * @param vulnerable whether the build is below the CVE-2025-53770 fixed build (or end of life)
 * @param patch the fix package a patched farm installed (file name of the update), or empty
 * @param kb the KB of that package, or empty
 */
record SharePointBuild(String product, String build, String windowsBuild, boolean vulnerable, String patch, String kb)
{
    static final String SUBSCRIPTION_EDITION = "SharePoint Server Subscription Edition";
    static final String SERVER_2019 = "SharePoint Server 2019";
    static final String SERVER_2016 = "SharePoint Enterprise Server 2016";
    static final String SERVER_2013 = "SharePoint Server 2013";

    // July 8 public updates: they fix CVE-2025-49704/49706 only and stay vulnerable to 53770.
    static final SharePointBuild SE_JULY_8 = new SharePointBuild(SUBSCRIPTION_EDITION, "16.0.18526.20424", "10.0.20348", true, "", "");
    static final SharePointBuild SP2019_JULY_8 = new SharePointBuild(SERVER_2019, "16.0.10417.20027", "10.0.17763", true, "", "");
    static final SharePointBuild SP2016_JULY_8 = new SharePointBuild(SERVER_2016, "16.0.5508.1000", "10.0.14393", true, "", "");
    // The out-of-band fixes of 2025-07-20/21.
    static final SharePointBuild SE_FIXED = new SharePointBuild(SUBSCRIPTION_EDITION, "16.0.18526.20508", "10.0.20348", false,
            "uber-subscription-kb5002768-fullfile-x64-glb.exe", "KB5002768");
    static final SharePointBuild SP2019_FIXED = new SharePointBuild(SERVER_2019, "16.0.10417.20037", "10.0.17763", false,
            "sts2019-kb5002754-fullfile-x64-glb.exe", "KB5002754");
    static final SharePointBuild SP2016_FIXED = new SharePointBuild(SERVER_2016, "16.0.5513.1001", "10.0.14393", false,
            "sts2016-kb5002760-fullfile-x64-glb.exe", "KB5002760");
    // End of life, never fixed; the build number is illustrative (any 2013 build is vulnerable).
    static final SharePointBuild SP2013 = new SharePointBuild(SERVER_2013, "15.0.5545.1000", "6.3.9600", true, "", "");

    static final List<SharePointBuild> VULNERABLE_CURRENT = List.of(SE_JULY_8, SP2019_JULY_8, SP2016_JULY_8);
    static final List<SharePointBuild> FIXED = List.of(SE_FIXED, SP2019_FIXED, SP2016_FIXED);

    SharePointBuild
    {
        checkNotBlank(product, "product");
        checkNotBlank(build, "build");
        checkNotBlank(windowsBuild, "windowsBuild");
    }

    /** The value of the {@code MicrosoftSharePointTeamServices} header: major.0.0.third-component (§2.1). */
    String headerVersion()
    {
        String[] parts = build.split("\\.");
        return parts[0] + ".0.0." + parts[2];
    }

    /** The hive folder under Web Server Extensions: 16 for 2016 and later, 15 for 2013. */
    String hive()
    {
        return build.startsWith("15.") ? "15" : "16";
    }

    boolean endOfLife()
    {
        return build.startsWith("15.");
    }
}
