package dev.tradecraft.hunt.ioc;

import java.util.Locale;
import java.util.Set;

/** What an event field holds, as far as indicator matching cares; decided from the field name. */
enum FieldRole
{
    IP, HASHES, HOST, USER_AGENT, FILE_PATH, COMMAND, URL, OTHER;

    private static final Set<String> IP_NAMES = Set.of(
            "c-ip", "x-forwarded-for", "x-real-ip", "true-client-ip", "originalip", "cs-x-forwarded-for",
            "sourceip", "destinationip", "ipaddress", "clientip", "client_ip", "src_ip", "dst_ip",
            "source.ip", "destination.ip", "client.ip", "remoteaddress", "remote_addr");
    private static final Set<String> HASH_NAMES = Set.of(
            "hashes", "hash", "sha256", "sha1", "md5", "file.hash.sha256", "file.hash.sha1", "file.hash.md5",
            "process.hash.sha256", "imphash");
    private static final Set<String> HOST_NAMES = Set.of(
            "cs-host", "destinationhostname", "queryname", "dns.question.name", "destination.domain", "url.domain", "host");
    private static final Set<String> USER_AGENT_NAMES = Set.of(
            "cs-user-agent", "user_agent.original", "useragent", "user-agent", "c-useragent");
    private static final Set<String> FILE_NAMES = Set.of(
            "targetfilename", "image", "imageloaded", "parentimage", "newprocessname", "parentprocessname",
            "file.path", "process.executable", "sourcefilename", "originalfilename");
    private static final Set<String> COMMAND_NAMES = Set.of(
            "commandline", "parentcommandline", "process.command_line", "process.parent.command_line",
            "scriptblocktext", "payload", "hostapplication");
    private static final Set<String> URL_NAMES = Set.of(
            "cs-uri-query", "cs-uri-stem", "cs-referer", "c-uri", "url.full", "url.original", "cs-uri");

    static FieldRole of(String fieldName)
    {
        String name = fieldName.toLowerCase(Locale.ROOT);
        if (IP_NAMES.contains(name)) {
            return IP;
        }
        if (HASH_NAMES.contains(name)) {
            return HASHES;
        }
        if (HOST_NAMES.contains(name)) {
            return HOST;
        }
        if (USER_AGENT_NAMES.contains(name)) {
            return USER_AGENT;
        }
        if (FILE_NAMES.contains(name)) {
            return FILE_PATH;
        }
        if (COMMAND_NAMES.contains(name)) {
            return COMMAND;
        }
        if (URL_NAMES.contains(name)) {
            return URL;
        }
        return OTHER;
    }
}
