package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes one day's IIS W3C log for one web front-end: a directive block, its lines, and a fresh
 * block wherever the worker restarted. Escaping follows toolshell.md §5: spaces in text fields
 * become {@code +}, an empty value is {@code -}.
 */
final class IisLogWriter
{
    static final String SOFTWARE = "#Software: Microsoft Internet Information Services 10.0";
    static final String VERSION = "#Version: 1.0";

    /**
     * The server side of every line.
     *
     * @param serverIp {@code s-ip}
     * @param port {@code s-port}
     * @param siteName {@code s-sitename}, e.g. {@code W3SVC1720207907}
     * @param computerName {@code s-computername}
     * @param balancerIp when present, {@code c-ip} is always this address and the client goes to
     *        {@code X-Forwarded-For}
     */
    record Server(String serverIp, int port, String siteName, String computerName, Optional<String> balancerIp)
    {
        Server
        {
            requireNonNull(serverIp, "serverIp is null");
            requireNonNull(siteName, "siteName is null");
            requireNonNull(computerName, "computerName is null");
            requireNonNull(balancerIp, "balancerIp is null");
        }
    }

    /** Lines under one {@code #Fields} directive, which IIS dates with the time the block began. */
    record Block(long start, W3cLayout layout, List<WebRequest> requests)
    {
        Block
        {
            requireNonNull(layout, "layout is null");
            requests = List.copyOf(requireNonNull(requests, "requests is null"));
        }
    }

    private IisLogWriter() {}

    /** Writes the blocks to {@code file}, gzip-compressed when asked; returns the number of data lines. */
    static int write(Path file, boolean gzip, boolean crlf, Server server, List<Block> blocks) throws IOException
    {
        String newline = crlf ? "\r\n" : "\n";
        int lines = 0;
        OutputStream stream = FixedGzipOutputStream.open(file, gzip);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024)) {
            StringBuilder line = new StringBuilder(512);
            for (Block block : blocks) {
                out.write(SOFTWARE);
                out.write(newline);
                out.write(VERSION);
                out.write(newline);
                out.write("#Date: ");
                out.write(TimeText.dateTime(block.start()));
                out.write(newline);
                out.write(block.layout().directive());
                out.write(newline);
                for (WebRequest request : block.requests()) {
                    line.setLength(0);
                    appendLine(line, block.layout(), server, request);
                    line.append(newline);
                    out.append(line);
                    lines++;
                }
            }
        }
        return lines;
    }

    static void appendLine(StringBuilder out, W3cLayout layout, Server server, WebRequest request)
    {
        List<W3cField> fields = layout.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            appendField(out, fields.get(i), server, request);
        }
    }

    private static void appendField(StringBuilder out, W3cField field, Server server, WebRequest request)
    {
        switch (field) {
            case DATE -> TimeText.appendDate(out, request.time());
            case TIME -> TimeText.appendClock(out, request.time());
            case SITE_NAME -> appendText(out, server.siteName());
            case COMPUTER_NAME -> appendText(out, server.computerName());
            case SERVER_IP -> appendText(out, server.serverIp());
            case METHOD -> appendText(out, request.method());
            case URI_STEM -> appendText(out, request.stem());
            case URI_QUERY -> appendText(out, request.query());
            case SERVER_PORT -> out.append(server.port());
            case USERNAME -> appendText(out, request.username());
            case CLIENT_IP -> appendText(out, server.balancerIp().orElse(request.clientIp()));
            case PROTOCOL_VERSION -> appendText(out, request.protocol());
            case USER_AGENT -> appendText(out, request.userAgent());
            case COOKIE -> appendText(out, request.cookie());
            case REFERER -> appendText(out, request.referer());
            case HOST -> appendText(out, request.host());
            case STATUS -> out.append(request.status());
            case SUBSTATUS -> out.append(request.substatus());
            case WIN32_STATUS -> out.append(request.win32Status());
            case RESPONSE_BYTES -> out.append(request.responseBytes());
            case REQUEST_BYTES -> out.append(request.requestBytes());
            case TIME_TAKEN -> out.append(request.timeTaken());
            case FORWARDED_FOR -> appendForwardedFor(out, server, request);
        }
    }

    // The balancer's own health checks carry no forwarded client.
    private static void appendForwardedFor(StringBuilder out, Server server, WebRequest request)
    {
        if (server.balancerIp().isPresent() && server.balancerIp().get().equals(request.clientIp())) {
            out.append('-');
        }
        else {
            appendText(out, request.clientIp());
        }
    }

    /** IIS replaces spaces with {@code +}; we also replace other whitespace and controls so a value never splits a line. */
    static void appendText(StringBuilder out, String value)
    {
        if (value.isEmpty()) {
            out.append('-');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c <= ' ' || c == '\u007f' ? '+' : c);
        }
    }
}
