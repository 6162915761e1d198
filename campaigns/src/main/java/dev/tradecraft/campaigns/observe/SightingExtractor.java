package dev.tradecraft.campaigns.observe;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Hit;
import dev.tradecraft.core.Observable;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Sighting;
import dev.tradecraft.core.Stage;
import dev.tradecraft.core.StageClassifier;
import dev.tradecraft.core.WebResponse;

/**
 * Turns a hit into a sighting: what the adversary left in that one event.
 *
 * <ul>
 * <li>Web requests: the real client address, the user agent, for exploit requests the request
 * variant (layouts version, trailing slash, referer form, normalised query) and size bucket, for
 * webshell requests the shell's name and path, for key use the behaviour {@code viewstate}.</li>
 * <li>Host events: webshells written (name and path), the fingerprint of an encoded command or of
 * the command line, the tool started (image name, when it is not the shell itself), hashes of
 * non-system images, domains named on the command line.</li>
 * </ul>
 * Indicator hits and hits of no known stage carry no sighting: the rule hits on the same events do.
 */
public final class SightingExtractor
{
    private static final int SIZE_BUCKET = 256;

    private SightingExtractor() {}

    public static Optional<Sighting> extract(Hit hit)
    {
        requireNonNull(hit, "hit is null");
        Stage stage = StageClassifier.classify(hit);
        if (stage == Stage.IOC || stage == Stage.OTHER) {
            return Optional.empty();
        }
        Event event = hit.event();
        List<Observable> observables = new ArrayList<>();
        boolean succeeded;
        if (WebResponse.isWebEvent(event)) {
            succeeded = webSucceeded(stage, event);
            web(stage, event, observables);
        }
        else {
            succeeded = true;
            host(stage, event, observables);
        }
        return Optional.of(new Sighting(event.origin(), event.time(), stage, succeeded, observables, event.position(), hit.rule().id()));
    }

    private static boolean webSucceeded(Stage stage, Event event)
    {
        return switch (stage) {
            case WEBSHELL, KEY_USE -> WebResponse.status(event).orElse(200) == 200;
            case RECON -> false;
            default -> WebResponse.succeeded(event);
        };
    }

    private static void web(Stage stage, Event event, List<Observable> out)
    {
        WebResponse.clientAddress(event).flatMap(Addresses::publicAddress).ifPresent(ip -> add(out, ObservableType.SOURCE_IP, ip));
        add(out, ObservableType.USER_AGENT, event.field("cs-user-agent"));
        String stem = event.field("cs-uri-stem");
        switch (stage) {
            case EXPLOIT -> {
                add(out, ObservableType.REQUEST_VARIANT, RequestVariants.exploitVariant(event));
                String bytes = event.field("cs-bytes");
                if (bytes != null && bytes.matches("\\d{1,9}")) {
                    long size = Long.parseLong(bytes);
                    add(out, ObservableType.REQUEST_SIZE, (size / SIZE_BUCKET * SIZE_BUCKET) + "-" + (size / SIZE_BUCKET * SIZE_BUCKET + SIZE_BUCKET - 1));
                }
            }
            case WEBSHELL, RECON -> {
                if (stem != null && !stem.isEmpty()) {
                    add(out, ObservableType.WEBSHELL_NAME, fileName(stem));
                    add(out, ObservableType.WEBSHELL_PATH, stem);
                }
            }
            case KEY_USE -> add(out, ObservableType.TOOL, "viewstate");
            default -> { }
        }
    }

    private static void host(Stage stage, Event event, List<Observable> out)
    {
        String target = event.field("TargetFilename");
        if (stage == Stage.WEBSHELL_DROP && target != null && !target.isEmpty()) {
            add(out, ObservableType.WEBSHELL_NAME, fileName(target));
            add(out, ObservableType.WEBSHELL_PATH, target);
        }
        String commandLine = first(event, "CommandLine", "process.command_line");
        if (commandLine != null && !commandLine.isBlank()) {
            Optional<String> script = EncodedCommands.decodedScript(commandLine);
            add(out, ObservableType.COMMAND_FINGERPRINT, EncodedCommands.fingerprint(script.orElse(commandLine)));
            script.ifPresent(decoded -> Domains.named(decoded).forEach(domain -> add(out, ObservableType.DOMAIN, domain)));
            Domains.named(commandLine).forEach(domain -> add(out, ObservableType.DOMAIN, domain));
        }
        String image = first(event, "Image", "NewProcessName", "process.executable");
        if (image != null && !image.isEmpty() && stage == Stage.POST_EXPLOITATION) {
            add(out, ObservableType.TOOL, fileName(image));
        }
        if (image != null && !isSystemImage(image)) {
            sha256(first(event, "Hashes", "hashes", "sha256")).ifPresent(hash -> add(out, ObservableType.FILE_HASH, hash));
        }
        add(out, ObservableType.DOMAIN, lower(first(event, "DestinationHostname", "QueryName")));
    }

    /** Images under the Windows folder are the same binaries everywhere: their hashes tie nothing together. */
    static boolean isSystemImage(String image)
    {
        String lower = image.toLowerCase(Locale.ROOT);
        return lower.startsWith("c:\\windows\\") || lower.contains("\\windows\\system32\\") || lower.contains("\\windows\\syswow64\\");
    }

    static Optional<String> sha256(String hashes)
    {
        if (hashes == null) {
            return Optional.empty();
        }
        for (String part : hashes.split("[,;\\s]+")) {
            String value = part;
            int equals = part.indexOf('=');
            if (equals >= 0) {
                if (!part.substring(0, equals).equalsIgnoreCase("SHA256")) {
                    continue;
                }
                value = part.substring(equals + 1);
            }
            if (value.matches("[0-9A-Fa-f]{64}")) {
                return Optional.of(value.toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    private static String first(Event event, String... names)
    {
        for (String name : names) {
            String value = event.field(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    static String fileName(String path)
    {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        String name = path.substring(cut + 1);
        return name.isEmpty() ? path.toLowerCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }

    private static String lower(String value)
    {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static void add(List<Observable> out, ObservableType type, String value)
    {
        if (value != null && !value.isBlank()) {
            out.add(new Observable(type, value.strip()));
        }
    }
}
