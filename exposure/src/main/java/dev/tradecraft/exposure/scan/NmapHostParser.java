package dev.tradecraft.exposure.scan;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the text of one nmap {@code <host>} element with StAX: its address (IPv4 or IPv6; MAC
 * addresses are not services), host names, start time, and per open {@code <port>} the service's
 * product, version and CPEs, the {@code http-headers} script's output as headers, the
 * {@code http-title} script's title, and the {@code banner} script's text as the raw banner. Without
 * a {@code banner} script, a service with {@code extrainfo} gets nmap's own version column
 * ({@code product version (extrainfo)}) as its raw banner: the one place the extrainfo is kept.
 *
 * <p>The factory refuses DTDs and external entities. A host never sees the document's DTD (see
 * {@link NmapHostSplitter}), so an entity reference in a host is an undeclared entity and an error:
 * nothing is expanded and nothing is fetched.
 */
final class NmapHostParser
{
    private final XMLInputFactory factory;
    private final List<BannerDraft> ports = new ArrayList<>();
    private final BannerDraft host = new BannerDraft();
    private int portCount;
    private int completedPorts;

    // The port being read.
    private BannerDraft port;
    private boolean open;
    private String serviceProduct;
    private String serviceVersion;
    private String serviceExtra;
    private String bannerScript;
    private String serverHeader;
    private String script;

    NmapHostParser()
    {
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    }

    /**
     * Parses one host. Ports completed before an error are kept: call {@link #finish} whether this
     * returns or throws.
     *
     * @param firstLine the file line where the host's text starts
     * @param runStart the scan's start time, for hosts without their own
     */
    void parse(String text, long firstLine, Instant runStart) throws XMLStreamException
    {
        host.reset();
        host.observed = runStart;
        portCount = 0;
        completedPorts = 0;
        port = null;
        script = null;
        XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(text));
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    startElement(reader, firstLine);
                }
                else if (event == XMLStreamConstants.END_ELEMENT) {
                    endElement(reader.getLocalName());
                }
            }
        }
        finally {
            reader.close();
        }
    }

    /** The address read, or null. */
    String address()
    {
        return host.address;
    }

    /** How many open ports were read completely. */
    int completedPorts()
    {
        return completedPorts;
    }

    /** Adds a banner per completed open port; none when the host had no address. */
    void finish(ProblemReporter problems, List<Banner> out)
    {
        if (host.address == null) {
            return;
        }
        for (int i = 0; i < completedPorts; i++) {
            BannerDraft draft = ports.get(i);
            draft.copyHost(host);
            out.add(draft.build(ScanFormat.NMAP_XML, problems.at(draft.line)));
        }
    }

    private void startElement(XMLStreamReader reader, long firstLine) throws XMLStreamException
    {
        switch (reader.getLocalName()) {
            case "host" -> {
                Instant start = epoch(reader.getAttributeValue(null, "starttime"));
                if (start != null) {
                    host.observed = start;
                }
            }
            case "address" -> {
                String type = reader.getAttributeValue(null, "addrtype");
                String address = reader.getAttributeValue(null, "addr");
                if (host.address == null && address != null && ("ipv4".equals(type) || "ipv6".equals(type))
                        && ScanValues.isIpAddress(address.strip())) {
                    host.address = address.strip();
                }
            }
            case "hostname" -> host.addHostname(reader.getAttributeValue(null, "name"));
            case "port" -> startPort(reader, firstLine);
            case "state" -> {
                if (port != null) {
                    open = "open".equals(reader.getAttributeValue(null, "state"));
                }
            }
            case "service" -> {
                if (port != null) {
                    serviceProduct = reader.getAttributeValue(null, "product");
                    serviceVersion = reader.getAttributeValue(null, "version");
                    serviceExtra = reader.getAttributeValue(null, "extrainfo");
                }
            }
            case "cpe" -> {
                if (port != null) {
                    port.addCpe(reader.getElementText().strip());
                }
            }
            case "script" -> {
                if (port != null) {
                    startScript(reader);
                }
            }
            case "elem" -> {
                if (port != null && "http-title".equals(script) && "title".equals(reader.getAttributeValue(null, "key"))) {
                    String title = reader.getElementText().strip();
                    if (!title.isEmpty()) {
                        port.title = ScanValues.cap(title, ScanValues.MAX_TITLE_CHARS);
                    }
                }
            }
            default -> {
                // Other elements (os, times, trace, hostscript...) say nothing about a service.
            }
        }
    }

    private void startPort(XMLStreamReader reader, long firstLine)
    {
        if (portCount == ports.size()) {
            ports.add(new BannerDraft());
        }
        port = ports.get(portCount++);
        port.reset();
        port.line = firstLine + reader.getLocation().getLineNumber() - 1;
        port.transport = ScanValues.lowerAscii(reader.getAttributeValue(null, "protocol"));
        String portId = reader.getAttributeValue(null, "portid");
        port.port = portId == null ? BannerDraft.NO_PORT : ScanValues.port(portId);
        open = false;
        serviceProduct = null;
        serviceVersion = null;
        serviceExtra = null;
        bannerScript = null;
        serverHeader = null;
    }

    private void startScript(XMLStreamReader reader)
    {
        script = reader.getAttributeValue(null, "id");
        String output = reader.getAttributeValue(null, "output");
        if (script == null || output == null) {
            return;
        }
        switch (script) {
            case "http-headers" -> {
                int status = HttpHeaderText.parseNmapOutput(output, port.headers);
                if (status != HttpHeaderText.NO_STATUS) {
                    port.httpStatus = status;
                }
            }
            case "http-title" -> {
                String title = output.strip();
                if (port.title == null && !title.isEmpty() && !isTitleNote(title)) {
                    port.title = ScanValues.cap(title, ScanValues.MAX_TITLE_CHARS);
                }
            }
            case "http-server-header" -> serverHeader = output.strip();
            case "banner" -> bannerScript = ScanValues.cap(output, ScanValues.MAX_TEXT_CHARS);
            default -> {
                // Other scripts are kept by nobody yet.
            }
        }
    }

    /** http-title says so in words when there is no title to give. */
    private static boolean isTitleNote(String output)
    {
        return output.startsWith("Site doesn't have a title") || output.startsWith("Did not follow redirect")
                || output.startsWith("Requested resource was");
    }

    private void endElement(String name)
    {
        if (name.equals("script")) {
            script = null;
        }
        else if (name.equals("port") && port != null) {
            endPort();
        }
    }

    private void endPort()
    {
        BannerDraft current = port;
        port = null;
        if (!open || !ScanValues.validPort(current.port)) {
            // Closed and filtered ports, and ports nmap could not number, are no services.
            portCount--;
            return;
        }
        current.product = serviceProduct;
        current.version = serviceVersion;
        if (current.headers.isEmpty() && serverHeader != null && !serverHeader.isEmpty()) {
            current.headers.add(new HttpHeaders.Header("Server", serverHeader));
        }
        current.rawBanner = bannerScript != null ? bannerScript : versionColumn();
        // Ports do not nest, and a dropped port gave its slot back, so the completed ones are the first.
        completedPorts++;
    }

    private String versionColumn()
    {
        if (serviceExtra == null || serviceExtra.isBlank()) {
            return null;
        }
        StringBuilder column = new StringBuilder();
        if (serviceProduct != null && !serviceProduct.isBlank()) {
            column.append(serviceProduct);
        }
        if (serviceVersion != null && !serviceVersion.isBlank()) {
            column.append(column.length() > 0 ? " " : "").append(serviceVersion);
        }
        column.append(column.length() > 0 ? " (" : "(").append(serviceExtra).append(')');
        return column.toString();
    }

    private static Instant epoch(String text)
    {
        return text == null ? null : ScanTimes.parseEpochSeconds(text);
    }

    /** The {@code start} attribute of the {@code <nmaprun>} start tag, as a time; null when absent or bad. */
    static Instant runStart(String runStartTag)
    {
        if (runStartTag == null) {
            return null;
        }
        String key = "start=";
        int at = runStartTag.indexOf(key);
        while (at > 0 && !Character.isWhitespace(runStartTag.charAt(at - 1))) {
            at = runStartTag.indexOf(key, at + 1);
        }
        int valueStart = at + key.length();
        if (at < 0 || valueStart >= runStartTag.length()) {
            return null;
        }
        char quote = runStartTag.charAt(valueStart);
        int end = runStartTag.indexOf(quote, valueStart + 1);
        if ((quote != '"' && quote != '\'') || end < 0) {
            return null;
        }
        return ScanTimes.parseEpochSeconds(runStartTag.substring(valueStart + 1, end));
    }
}
