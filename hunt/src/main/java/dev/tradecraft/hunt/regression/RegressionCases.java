package dev.tradecraft.hunt.regression;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import dev.tradecraft.sigma.yaml.YamlNodes;
import dev.tradecraft.sigma.yaml.YamlShapeException;

/**
 * Finds SigmaHQ regression cases below a folder: every {@code info.yml} with a
 * {@code rule_metadata} and {@code regression_tests_info} entries. Test paths are relative to the
 * folder that holds {@code regression_data/} (SigmaHQ's repository root), so either that folder or
 * {@code regression_data/} itself may be given.
 *
 * <p>Each {@code evtx} test runs on its {@code .evtx} file, on the evtx_dump-shape {@code .json}
 * twin SigmaHQ ships beside it, or on both (then each file is a case of its own), as
 * {@link EventFiles} says. A case that cannot be used (bad YAML, no rule id, another test type, a
 * missing file) is listed as skipped with the reason, never silently dropped.
 */
public final class RegressionCases
{
    private static final long MAX_INFO_BYTES = 1024 * 1024;

    /** The usable cases in path order, and the reasons for every other. */
    public record Found(List<RegressionCase> cases, List<String> skipped)
    {
        public Found
        {
            cases = List.copyOf(cases);
            skipped = List.copyOf(skipped);
        }
    }

    /** Which file of an evtx test holds the events to hunt. */
    public enum EventFiles
    {
        /** The binary {@code .evtx} file itself, as SigmaHQ's own runner reads it. */
        EVTX,
        /** Its evtx_dump-shape {@code .json} twin. */
        JSON,
        /** Both, each a case of its own. */
        BOTH
    }

    private RegressionCases() {}

    /** The cases of every {@code info.yml} below {@code root}, on the {@code .evtx} files. */
    public static Found find(Path root) throws IOException
    {
        return find(root, EventFiles.EVTX);
    }

    public static Found find(Path root, EventFiles eventFiles) throws IOException
    {
        requireNonNull(eventFiles, "eventFiles is null");
        requireNonNull(root, "root is null");
        List<Path> infos;
        try (Stream<Path> walk = Files.walk(root)) {
            infos = walk.filter(path -> path.getFileName() != null && path.getFileName().toString().equals("info.yml"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<RegressionCase> cases = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path info : infos) {
            read(root, info, eventFiles, cases, skipped);
        }
        return new Found(cases, skipped);
    }

    private static void read(Path root, Path info, EventFiles eventFiles, List<RegressionCase> cases, List<String> skipped)
    {
        try {
            if (Files.size(info) > MAX_INFO_BYTES) {
                skipped.add(info + ": larger than 1 MiB; not a regression case description");
                return;
            }
            String text = Files.readString(info, StandardCharsets.UTF_8);
            Iterator<Node> documents = YamlNodes.documents(info.toString(), text);
            if (!documents.hasNext()) {
                skipped.add(info + ": empty");
                return;
            }
            Map<String, NodeTuple> entries = YamlNodes.entries(YamlNodes.mapping(documents.next(), "info.yml"));
            String ruleId = "";
            String ruleTitle = "";
            NodeTuple metadata = entries.get("rule_metadata");
            if (metadata != null && metadata.getValueNode() instanceof SequenceNode rules && !rules.getValue().isEmpty()) {
                Map<String, NodeTuple> rule = YamlNodes.entries(YamlNodes.mapping(rules.getValue().get(0), "rule_metadata entry"));
                ruleId = text(rule, "id");
                ruleTitle = text(rule, "title");
            }
            if (ruleId.isBlank()) {
                skipped.add(info + ": no rule_metadata id");
                return;
            }
            NodeTuple tests = entries.get("regression_tests_info");
            if (tests == null || !(tests.getValueNode() instanceof SequenceNode list) || list.getValue().isEmpty()) {
                skipped.add(info + ": no regression_tests_info entries");
                return;
            }
            for (Node node : list.getValue()) {
                Map<String, NodeTuple> test = YamlNodes.entries(YamlNodes.mapping(node, "regression_tests_info entry"));
                String name = text(test, "name");
                String type = text(test, "type");
                String path = text(test, "path");
                if (!type.equals("evtx")) {
                    skipped.add(info + ": test '" + name + "' has type '" + type + "'; only evtx cases are run");
                    continue;
                }
                if (!path.endsWith(".evtx")) {
                    skipped.add(info + ": test '" + name + "' path '" + path + "' is not an .evtx file");
                    continue;
                }
                List<Path> files = new ArrayList<>(2);
                if (eventFiles != EventFiles.JSON) {
                    files.add(resolve(root, path));
                }
                if (eventFiles != EventFiles.EVTX) {
                    files.add(resolve(root, path.substring(0, path.length() - ".evtx".length()) + ".json"));
                }
                OptionalInt expected = OptionalInt.empty();
                String count = text(test, "match_count");
                if (!count.isEmpty()) {
                    if (!count.matches("\\d{1,6}")) {
                        skipped.add(info + ": test '" + name + "': match_count '" + count + "' is not a count");
                        continue;
                    }
                    expected = OptionalInt.of(Integer.parseInt(count));
                }
                for (Path events : files) {
                    if (Files.isRegularFile(events)) {
                        cases.add(new RegressionCase(info, ruleId, ruleTitle, name, events, expected));
                    }
                    else {
                        skipped.add(info + ": test '" + name + "': no file " + events);
                    }
                }
            }
        }
        catch (YamlShapeException e) {
            skipped.add(info + ":" + e.line() + ": " + e.getMessage());
        }
        catch (YamlEngineException e) {
            skipped.add(info + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        catch (IOException e) {
            skipped.add(info + ": cannot read: " + e.getMessage());
        }
    }

    /** SigmaHQ paths start at the repository root: the given folder, or its parent when it is regression_data itself. */
    private static Path resolve(Path root, String path)
    {
        Path direct = root.resolve(path);
        if (Files.exists(direct) || root.getFileName() == null || root.toAbsolutePath().getParent() == null) {
            return direct;
        }
        return root.toAbsolutePath().getParent().resolve(path);
    }

    private static String text(Map<String, NodeTuple> entries, String key) throws YamlShapeException
    {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || YamlNodes.isNull(tuple.getValueNode())) {
            return "";
        }
        return YamlNodes.scalar(tuple.getValueNode(), key).strip();
    }
}
