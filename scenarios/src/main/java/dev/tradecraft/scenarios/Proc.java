package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

/**
 * A process on a host, with what Sysmon and Security 4688 need to describe it and its parent.
 *
 * @param image full path of the executable
 * @param commandLine as started
 * @param pid process id
 * @param guid Sysmon process GUID
 * @param user <code>DOMAIN&#92;name</code>
 * @param userSid the user's SID, for Security events
 * @param logonGuid Sysmon logon GUID of the user's session
 * @param logonId logon id in hex
 * @param session terminal session
 * @param integrity integrity level
 * @param currentDirectory working directory
 * @param info the executable's version resource
 * @param parentImage the parent's image
 * @param parentCommandLine the parent's command line
 * @param parentPid the parent's process id
 * @param parentGuid the parent's GUID
 * @param parentUser the parent's user
 */
record Proc(String image, String commandLine, int pid, String guid, String user, String userSid, String logonGuid,
        String logonId, int session, String integrity, String currentDirectory, ImageInfo info, String parentImage,
        String parentCommandLine, int parentPid, String parentGuid, String parentUser)
{
    Proc
    {
        requireNonNull(image, "image is null");
        requireNonNull(commandLine, "commandLine is null");
        requireNonNull(guid, "guid is null");
        requireNonNull(user, "user is null");
        requireNonNull(userSid, "userSid is null");
        requireNonNull(logonGuid, "logonGuid is null");
        requireNonNull(logonId, "logonId is null");
        requireNonNull(integrity, "integrity is null");
        requireNonNull(currentDirectory, "currentDirectory is null");
        requireNonNull(info, "info is null");
        requireNonNull(parentImage, "parentImage is null");
        requireNonNull(parentCommandLine, "parentCommandLine is null");
        requireNonNull(parentGuid, "parentGuid is null");
        requireNonNull(parentUser, "parentUser is null");
    }
}
