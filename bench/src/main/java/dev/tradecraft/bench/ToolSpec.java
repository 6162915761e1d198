package dev.tradecraft.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A post-exploitation tool as a host sensor sees it: its image name, and whether its hash ties
 * anything together (Windows binaries are not hashed by the extractor, a vendor binary has the
 * same hash everywhere, an actor's own build has its own).
 *
 * @param image the image file name, lower case
 * @param provenance where the binary comes from
 * @param tunnel whether it talks to the actor's command-and-control domain
 */
record ToolSpec(String image, Provenance provenance, boolean tunnel)
{
    enum Provenance
    {
        WINDOWS, VENDOR, OWN_BUILD
    }

    static final List<ToolSpec> ALL = List.of(
            new ToolSpec("whoami.exe", Provenance.WINDOWS, false),
            new ToolSpec("net.exe", Provenance.WINDOWS, false),
            new ToolSpec("nltest.exe", Provenance.WINDOWS, false),
            new ToolSpec("tasklist.exe", Provenance.WINDOWS, false),
            new ToolSpec("ipconfig.exe", Provenance.WINDOWS, false),
            new ToolSpec("systeminfo.exe", Provenance.WINDOWS, false),
            new ToolSpec("certutil.exe", Provenance.WINDOWS, false),
            new ToolSpec("reg.exe", Provenance.WINDOWS, false),
            new ToolSpec("sc.exe", Provenance.WINDOWS, false),
            new ToolSpec("quser.exe", Provenance.WINDOWS, false),
            new ToolSpec("wmic.exe", Provenance.WINDOWS, false),
            new ToolSpec("psexec.exe", Provenance.VENDOR, false),
            new ToolSpec("procdump64.exe", Provenance.VENDOR, false),
            new ToolSpec("7za.exe", Provenance.VENDOR, false),
            new ToolSpec("anydesk.exe", Provenance.VENDOR, false),
            new ToolSpec("rclone.exe", Provenance.VENDOR, false),
            new ToolSpec("adfind.exe", Provenance.VENDOR, false),
            new ToolSpec("xd.exe", Provenance.OWN_BUILD, true),
            new ToolSpec("chisel.exe", Provenance.OWN_BUILD, true),
            new ToolSpec("ngrok.exe", Provenance.OWN_BUILD, true),
            new ToolSpec("sharphostinfo.x64.exe", Provenance.OWN_BUILD, false),
            new ToolSpec("m64.exe", Provenance.OWN_BUILD, false),
            new ToolSpec("fscan.exe", Provenance.OWN_BUILD, false),
            new ToolSpec("gogo.exe", Provenance.OWN_BUILD, true));

    /** Discovery commands that come with Windows. */
    static final List<String> DISCOVERY_IMAGES = List.of("whoami.exe", "net.exe", "ipconfig.exe", "tasklist.exe", "systeminfo.exe", "sc.exe",
            "certutil.exe");

    ToolSpec
    {
        requireNonNull(image, "image is null");
        requireNonNull(provenance, "provenance is null");
    }
}
