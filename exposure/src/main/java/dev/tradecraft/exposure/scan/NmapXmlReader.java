package dev.tradecraft.exposure.scan;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * Reads nmap {@code -oX} output host by host: {@link NmapHostSplitter} cuts the stream into host
 * elements and {@link NmapHostParser} reads each with StAX, so memory holds one host at a time and a
 * broken host costs only its ports after the break. A host cut off by the end of the file (a scan
 * that was stopped) keeps the ports it completed.
 */
final class NmapXmlReader extends QueuedBannerReader
{
    private final NmapHostSplitter splitter;
    private final NmapHostParser parser = new NmapHostParser();
    private boolean subsetReported;
    private boolean lastHostCut;
    private Instant runStart;
    private boolean ended;

    NmapXmlReader(ScanInput input, ProblemReporter problems)
    {
        super(input, ScanFormat.NMAP_XML, problems);
        // nmap writes UTF-8; bytes that are not are replaced rather than ending the file.
        InputStreamReader text = new InputStreamReader(input.content(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        this.splitter = new NmapHostSplitter(text);
    }

    @Override
    protected boolean fill() throws IOException
    {
        while (!ended) {
            NmapHostSplitter.HostText host = splitter.next();
            reportInternalSubset();
            if (host == null) {
                ended = true;
                if (!splitter.runEnded() && !input.damaged() && !lastHostCut) {
                    problems.report(lastLine(), ScanProblem.TRUNCATED, "the file ends before </nmaprun>: the scan did not finish; every host before is kept");
                }
                return false;
            }
            readHost(host);
            if (!pending.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void readHost(NmapHostSplitter.HostText host)
    {
        lastHostCut = false;
        if (host.oversized()) {
            problems.skip(host.line(), ScanProblem.RECORD_TOO_LARGE,
                    "host element is larger than " + (NmapHostSplitter.MAX_HOST_CHARS / (1024 * 1024)) + " Mi characters; skipped");
            return;
        }
        if (runStart == null && splitter.runStartTag() != null) {
            runStart = NmapHostParser.runStart(splitter.runStartTag());
        }
        XMLStreamException failure = null;
        try {
            parser.parse(host.text(), host.line(), runStart);
        }
        catch (XMLStreamException e) {
            failure = e;
        }
        parser.finish(problems, pending);
        if (failure != null) {
            reportFailure(host, failure);
        }
        else if (!host.complete()) {
            lastHostCut = true;
            problems.skip(host.line(), ScanProblem.TRUNCATED, "host starting at line " + host.line() + " is not closed; its completed ports are kept");
        }
        else if (parser.address() == null && parser.completedPorts() > 0) {
            problems.skip(host.line(), ScanProblem.MISSING_FIELD, "host has open ports but no IPv4 or IPv6 address; skipped");
        }
    }

    private void reportFailure(NmapHostSplitter.HostText host, XMLStreamException failure)
    {
        lastHostCut = !host.complete();
        if (!host.complete() && input.damaged()) {
            // The gzip damage cut this host; the damage report at the end says so.
            problems.countSkipped();
            return;
        }
        int completed = parser.address() == null ? 0 : parser.completedPorts();
        String kept = switch (completed) {
            case 0 -> "nothing of the host is kept";
            case 1 -> "the port completed before it is kept";
            default -> "the " + completed + " ports completed before it are kept";
        };
        if (!host.complete()) {
            problems.skip(host.line(), ScanProblem.TRUNCATED, "host starting at line " + host.line() + " is cut off: " + xmlMessage(failure) + "; " + kept);
            return;
        }
        Location location = failure.getLocation();
        long line = location == null || location.getLineNumber() < 1 ? host.line() : host.line() + location.getLineNumber() - 1;
        problems.skip(line, ScanProblem.MALFORMED_RECORD, "host starting at line " + host.line() + " is not valid XML: " + xmlMessage(failure) + "; " + kept);
    }

    private void reportInternalSubset()
    {
        if (!subsetReported && splitter.internalSubsetLine() > 0) {
            subsetReported = true;
            problems.report(splitter.internalSubsetLine(), ScanProblem.UNSAFE_XML,
                    "the document type declaration declares its own entities or DTD; nmap writes none, and none is expanded or fetched");
        }
    }

    /** The parser's message without its {@code ParseError at [row,col]} prefix (the line is in the position). */
    private static String xmlMessage(XMLStreamException e)
    {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int at = message.indexOf("Message: ");
        String text = at >= 0 ? message.substring(at + "Message: ".length()).strip() : message.strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    protected long lastLine()
    {
        return splitter.line();
    }
}
