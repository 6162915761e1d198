package dev.tradecraft.exposure.fingerprint;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.tradecraft.core.SourcePosition;
import dev.tradecraft.exposure.fingerprint.FingerprintProblem.Kind;
import dev.tradecraft.exposure.fingerprint.PatternCompiler.Flag;
import dev.tradecraft.exposure.fingerprint.PatternCompiler.PatternException;

/**
 * Reads one Recog XML database with a streaming parser (no DTDs, no external entities), compiles
 * its fingerprints, and collects a problem for everything it has to skip or bend. Reads the way
 * Recog's Ruby loader does: {@code matches} defaults to the file's base name, {@code preference} to
 * 0.10, the description has its white space collapsed, examples are decoded or read from
 * {@code <database>/<_filename>}, and params keep their order.
 */
final class RecogXmlReader
{
    static final double DEFAULT_PREFERENCE = 0.10;
    /** External example files are test data; a larger one is refused rather than read into memory. */
    static final long MAX_EXAMPLE_FILE_BYTES = 1024 * 1024;

    private final String file;
    private final Optional<Path> exampleFolder;
    private final List<FingerprintProblem> problems = new ArrayList<>();

    private RecogXmlReader(String file, Optional<Path> exampleFolder)
    {
        this.file = file;
        this.exampleFolder = exampleFolder;
    }

    /**
     * @param file the name positions print
     * @param baseName the file name the default {@code matches} key is taken from
     * @param exampleFolder where {@code _filename} examples live, when the database came from a file
     */
    static RecogDatabase read(String file, String baseName, InputStream input, Optional<Path> exampleFolder)
            throws FingerprintException
    {
        requireNonNull(file, "file is null");
        requireNonNull(baseName, "baseName is null");
        requireNonNull(input, "input is null");
        requireNonNull(exampleFolder, "exampleFolder is null");
        return new RecogXmlReader(file, exampleFolder).read(baseName, input);
    }

    private RecogDatabase read(String baseName, InputStream input)
            throws FingerprintException
    {
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(input);
            if (!toFirstElement(xml)) {
                throw new FingerprintException(problem(xml.getLocation(), Kind.BAD_XML, "no root element"));
            }
            if (!xml.getLocalName().equals("fingerprints")) {
                throw new FingerprintException(problem(xml.getLocation(), Kind.BAD_DATABASE,
                        "root element is <" + xml.getLocalName() + ">, a Recog database has <fingerprints>"));
            }
            String matches = Optional.ofNullable(xml.getAttributeValue(null, "matches")).orElse(stripXml(baseName));
            String protocol = Optional.ofNullable(xml.getAttributeValue(null, "protocol")).orElse("");
            String databaseType = Optional.ofNullable(xml.getAttributeValue(null, "database_type")).orElse("");
            double preference = preference(xml.getAttributeValue(null, "preference"), xml.getLocation());
            List<RecogFingerprint> fingerprints = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getLocalName().equals("fingerprint")) {
                    fingerprint(xml, matches, protocol.toLowerCase(Locale.ROOT)).ifPresent(fingerprints::add);
                }
                else {
                    unexpected(xml, "<fingerprints>");
                }
            }
            // Read to the end so that damage after the last fingerprint is found too: Recog refuses
            // a file that is not well-formed anywhere.
            while (xml.hasNext()) {
                xml.next();
            }
            return new RecogDatabase(baseName, matches, protocol, databaseType, preference, fingerprints, problems);
        }
        catch (XMLStreamException e) {
            throw new FingerprintException(problem(e.getLocation(), Kind.BAD_XML, xmlMessage(e)), e);
        }
        finally {
            close(xml);
        }
    }

    private static XMLInputFactory factory()
    {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // Databases may come from anywhere: no DTD processing, no external entities, no network.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static boolean toFirstElement(XMLStreamReader xml)
            throws XMLStreamException
    {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    private double preference(String text, Location location)
    {
        if (text == null) {
            return DEFAULT_PREFERENCE;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (value >= 0 && value <= 1) {
                return value;
            }
        }
        catch (NumberFormatException e) {
            // Reported below with the valid range.
        }
        problems.add(problem(location, Kind.BAD_DATABASE, "preference must be a number in [0,1]: '" + text + "'; 0.10 used"));
        return DEFAULT_PREFERENCE;
    }

    private Optional<RecogFingerprint> fingerprint(XMLStreamReader xml, String matches, String protocol)
            throws XMLStreamException
    {
        SourcePosition position = position(xml.getLocation());
        String pattern = xml.getAttributeValue(null, "pattern");
        String flagsText = Optional.ofNullable(xml.getAttributeValue(null, "flags")).orElse("");
        String description = null;
        List<RawParam> rawParams = new ArrayList<>();
        List<RecogExample> examples = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "description" -> {
                    String text = collapseWhiteSpace(text(xml));
                    description = description == null ? text : description;
                }
                case "example" -> examples.add(example(xml));
                case "param" -> {
                    rawParams.add(new RawParam(xml.getAttributeValue(null, "name"), xml.getAttributeValue(null, "pos"),
                            xml.getAttributeValue(null, "value"), xml.getLocation().getLineNumber()));
                    text(xml);
                }
                default -> unexpected(xml, "<fingerprint>");
            }
        }
        if (pattern == null) {
            problems.add(new FingerprintProblem(position, Kind.BAD_PATTERN, "fingerprint has no pattern attribute; skipped"));
            return Optional.empty();
        }
        List<Flag> flags = new ArrayList<>();
        List<String> flagNames = new ArrayList<>();
        for (String name : flagsText.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Optional<Flag> flag = flag(trimmed);
            if (flag.isEmpty()) {
                problems.add(new FingerprintProblem(position, Kind.UNSUPPORTED_FLAG,
                        "unsupported flag '" + trimmed + "', must be one of " + List.of(Flag.values()) + "; fingerprint skipped"));
                return Optional.empty();
            }
            flags.add(flag.get());
            flagNames.add(trimmed);
        }
        CompiledPattern compiled;
        try {
            compiled = PatternCompiler.compile(pattern, flags);
        }
        catch (PatternException e) {
            problems.add(new FingerprintProblem(position, Kind.BAD_PATTERN,
                    "pattern cannot be compiled, fingerprint skipped: " + e.getMessage() + "; pattern /" + pattern + "/"));
            return Optional.empty();
        }
        String name = description == null ? "" : description;
        List<RecogParam> params = params(rawParams, compiled.groupCount(), name);
        return Optional.of(new RecogFingerprint(matches, protocol, position, name, pattern, flagNames, params, examples,
                compiled, RequiredLiteral.of(pattern, Flag.ignoreCase(flags))));
    }

    private static Optional<Flag> flag(String name)
    {
        for (Flag flag : Flag.values()) {
            if (flag.name().equals(name)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }

    /** A param as written, before its position is checked. */
    private record RawParam(String name, String position, String value, long line) {}

    /**
     * Checks params as Recog's verifier and self-test do. A param Recog cannot read at all (no name,
     * no or negative position) is dropped; one Recog reads but flags is kept with Recog's meaning.
     */
    private List<RecogParam> params(List<RawParam> raw, int groupCount, String description)
    {
        List<RecogParam> params = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (RawParam param : raw) {
            SourcePosition at = SourcePosition.line(file, param.line());
            if (param.name() == null || param.name().isBlank()) {
                problems.add(new FingerprintProblem(at, Kind.BAD_PARAM, "'" + description + "': param has no name; dropped"));
                continue;
            }
            int position;
            try {
                position = Integer.parseInt(param.position() == null ? "" : param.position().trim());
            }
            catch (NumberFormatException e) {
                problems.add(new FingerprintProblem(at, Kind.BAD_PARAM,
                        "'" + description + "': param " + param.name() + " has no integer pos: '" + param.position() + "'; dropped"));
                continue;
            }
            if (position < 0) {
                problems.add(new FingerprintProblem(at, Kind.BAD_PARAM,
                        "'" + description + "': param " + param.name() + " has a negative pos " + position + "; dropped"));
                continue;
            }
            String value = param.value() == null ? "" : param.value();
            if (position > 0 && !value.isEmpty()) {
                problems.add(new FingerprintProblem(at, Kind.BAD_PARAM,
                        "'" + description + "': " + param.name() + " is a non-zero pos but specifies a value of '" + value + "'"));
                value = "";
            }
            if (position == 0 && value.isEmpty()) {
                problems.add(new FingerprintProblem(at, Kind.BAD_PARAM,
                        "'" + description + "': " + param.name() + " is not a capture (pos=0) but doesn't specify a value"));
            }
            if (position > groupCount) {
                problems.add(new FingerprintProblem(at, Kind.BAD_PARAM,
                        "'" + description + "': " + param.name() + " takes capture group " + position + " but the pattern has " + groupCount));
            }
            RecogParam checked = new RecogParam(position, param.name(), value, param.line());
            for (RecogParam earlier : params) {
                // A repeated param that says the same thing changes nothing; one that differs is ambiguous.
                if (earlier.name().equals(checked.name()) && (earlier.position() != position || !earlier.value().equals(value))) {
                    problems.add(new FingerprintProblem(at, Kind.BAD_PARAM,
                            "'" + description + "': param " + param.name() + " is given twice with different meanings; the last wins, as in Recog"));
                    break;
                }
            }
            seen.add(param.name());
            params.add(checked);
        }
        for (RecogParam param : params) {
            for (String reference : RecogFingerprint.references(param.value())) {
                if (!seen.contains(reference)) {
                    problems.add(new FingerprintProblem(SourcePosition.line(file, param.line()), Kind.BAD_PARAM,
                            "'" + description + "': " + param.name() + " interpolates {" + reference + "}, which no param defines"));
                }
            }
        }
        return params;
    }

    private RecogExample example(XMLStreamReader xml)
            throws XMLStreamException
    {
        long line = xml.getLocation().getLineNumber();
        SourcePosition at = SourcePosition.line(file, line);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        String text = text(xml);
        String fileName = attributes.get(RecogExample.FILENAME);
        if (fileName != null) {
            ExampleFile read = exampleFile(fileName, at);
            if (read.skipped().isPresent()) {
                return new RecogExample(line, "", attributes, read.skipped());
            }
            text = read.text();
        }
        String encoding = attributes.get(RecogExample.ENCODING);
        if (encoding == null) {
            return new RecogExample(line, text, attributes, Optional.empty());
        }
        if (!encoding.equals("base64")) {
            problems.add(new FingerprintProblem(at, Kind.BAD_EXAMPLE, "unknown _encoding '" + encoding + "', must be base64; text used as written"));
            return new RecogExample(line, text, attributes, Optional.empty());
        }
        try {
            // Recog matches the decoded bytes; one character per byte keeps a '.' matching one byte,
            // as Ruby's binary strings do.
            String decoded = new String(Base64.getMimeDecoder().decode(text.trim()), StandardCharsets.ISO_8859_1);
            return new RecogExample(line, decoded, attributes, Optional.empty());
        }
        catch (IllegalArgumentException e) {
            problems.add(new FingerprintProblem(at, Kind.BAD_EXAMPLE, "example is not valid base64: " + e.getMessage()));
            return new RecogExample(line, "", attributes, Optional.of("not valid base64: " + e.getMessage()));
        }
    }

    /** The content of a {@code _filename} example, or why it cannot be had. */
    private record ExampleFile(String text, Optional<String> skipped)
    {
        static ExampleFile skipped(String reason)
        {
            return new ExampleFile("", Optional.of(reason));
        }
    }

    /** Reads a {@code _filename} example from the folder named after the database, as Recog does. */
    private ExampleFile exampleFile(String fileName, SourcePosition at)
    {
        if (exampleFolder.isEmpty()) {
            return ExampleFile.skipped("external example file '" + fileName + "' cannot be read: the database was not loaded from a *.xml file, so it has no example folder");
        }
        Path folder = exampleFolder.get().toAbsolutePath().normalize();
        Path target = folder.resolve(fileName).normalize();
        if (!target.startsWith(folder) || target.equals(folder)) {
            String reason = "example specifies an illegal file path '" + fileName + "'";
            problems.add(new FingerprintProblem(at, Kind.BAD_EXAMPLE, reason));
            return ExampleFile.skipped(reason);
        }
        try {
            if (Files.size(target) > MAX_EXAMPLE_FILE_BYTES) {
                return ExampleFile.skipped("external example file " + target + " is larger than " + MAX_EXAMPLE_FILE_BYTES + " bytes");
            }
            return new ExampleFile(new String(Files.readAllBytes(target), StandardCharsets.ISO_8859_1), Optional.empty());
        }
        catch (NoSuchFileException e) {
            return ExampleFile.skipped("external example file " + target + " is absent");
        }
        catch (IOException e) {
            return ExampleFile.skipped("external example file " + target + " cannot be read: " + e);
        }
    }

    /** The text content of the current element and its descendants, as Nokogiri's {@code content}; leaves the reader on its end tag. */
    private static String text(XMLStreamReader xml)
            throws XMLStreamException
    {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                default -> {
                    // Comments and processing instructions hold no content.
                }
            }
        }
        return text.toString();
    }

    private void unexpected(XMLStreamReader xml, String parent)
            throws XMLStreamException
    {
        problems.add(problem(xml.getLocation(), Kind.BAD_DATABASE, "unexpected element <" + xml.getLocalName() + "> in " + parent + "; skipped"));
        text(xml);
    }

    /** Ruby's {@code gsub(/\s+/, ' ').strip}. */
    static String collapseWhiteSpace(String text)
    {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
                pendingSpace = out.length() > 0;
            }
            else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String stripXml(String name)
    {
        return name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name;
    }

    private FingerprintProblem problem(Location location, Kind kind, String message)
    {
        return new FingerprintProblem(position(location), kind, message);
    }

    private SourcePosition position(Location location)
    {
        return SourcePosition.line(file, location == null ? 0 : Math.max(0, location.getLineNumber()));
    }

    /** The parser's own sentence, without the "ParseError at [row,col]" prefix the position already gives. */
    private static String xmlMessage(XMLStreamException e)
    {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int start = message.indexOf("Message: ");
        return start >= 0 ? message.substring(start + "Message: ".length()) : message;
    }

    private static void close(XMLStreamReader xml)
    {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        }
        catch (XMLStreamException e) {
            // The read already succeeded or failed with a clearer reason; closing adds nothing.
        }
    }
}
