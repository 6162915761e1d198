package dev.tradecraft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import dev.tradecraft.sigma.LogsourceMappings;
import dev.tradecraft.sigma.Placeholders;
import dev.tradecraft.sigma.RuleCheck;
import dev.tradecraft.sigma.RuleProblem;
import dev.tradecraft.sigma.RuleStatus;
import dev.tradecraft.sigma.SigmaException;
import dev.tradecraft.sigma.SigmaRuleLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", sortOptions = false,
        description = {
                "Load Sigma rule files and folders and report what loaded, per status, and every rule that did not, with its file, line and reason.",
                "Also counts the loaded rules whose logsource no mapping covers yet (they load, but no event reaches them)."})
final class RulesCheckCommand implements Callable<Integer>
{
    enum Format { table, json }

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private static final List<RuleStatus> STATUSES = List.of(RuleStatus.STABLE, RuleStatus.TEST, RuleStatus.EXPERIMENTAL, RuleStatus.DEPRECATED,
            RuleStatus.UNSUPPORTED, RuleStatus.UNSTATED);

    @Spec
    private CommandSpec spec;

    @Mixin
    private SigmaSiteOptions site = new SigmaSiteOptions();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or folders (every *.yml and *.yaml below a folder).")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.")
    private Format format = Format.table;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    private Path out;

    @Override
    public Integer call() throws IOException
    {
        PrintWriter stderr = spec.commandLine().getErr();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                stderr.println("tradecraft rules check: no such file or folder: " + path);
                return ExitCodes.INVALID_INPUT;
            }
        }
        LogsourceMappings mappings;
        Placeholders placeholders;
        try {
            mappings = site.mappings();
            placeholders = site.placeholders();
        }
        catch (SigmaException e) {
            stderr.println("tradecraft rules check: " + TerminalText.safe(e.getMessage()));
            return ExitCodes.INVALID_INPUT;
        }
        RuleCheck check = RuleCheck.of(new SigmaRuleLoader(placeholders).load(paths), mappings);
        PrintWriter stdout = spec.commandLine().getOut();
        Writer writer = out != null ? Files.newBufferedWriter(out, StandardCharsets.UTF_8) : stdout;
        try {
            if (format == Format.json) {
                writeJson(check, writer);
            }
            else {
                printTable(check, writer instanceof PrintWriter print ? print : new PrintWriter(writer));
            }
            writer.flush();
        }
        finally {
            if (out != null) {
                writer.close();
            }
        }
        return check.loaded() == 0 ? ExitCodes.NOTHING_DONE : ExitCodes.OK;
    }

    private static void printTable(RuleCheck check, PrintWriter out)
    {
        List<List<RuleProblem>> notLoaded = check.notLoadedRules();
        out.printf("%d rules: %d loaded, %d not loaded%n%n", check.total(), check.loaded(), notLoaded.size());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STATUS", "LOADED"});
        for (RuleStatus status : STATUSES) {
            rows.add(new String[] {status == RuleStatus.UNSTATED ? "(none stated)" : status.sigmaName(), Integer.toString(check.loadedByStatus().get(status))});
        }
        TextTable.print(rows, new int[] {16, 8}, out);
        if (check.unmapped() > 0) {
            out.printf("%nLoaded but waiting for a logsource mapping (no event reaches them): %d%n", check.unmapped());
            List<String[]> logsources = new ArrayList<>();
            logsources.add(new String[] {"LOGSOURCE", "RULES"});
            for (Map.Entry<String, Integer> entry : check.unmappedByLogsource().entrySet()) {
                logsources.add(new String[] {entry.getKey(), Integer.toString(entry.getValue())});
            }
            TextTable.print(logsources, new int[] {60, 8}, out);
        }
        if (check.awaitingRules() > 0) {
            out.printf("%nLoaded but waiting for placeholder values (--placeholders FILE): %d%n", check.awaitingRules());
            List<String[]> names = new ArrayList<>();
            names.add(new String[] {"PLACEHOLDER", "RULES"});
            for (Map.Entry<String, Integer> entry : check.awaitingPlaceholders().entrySet()) {
                names.add(new String[] {"%" + entry.getKey() + "%", Integer.toString(entry.getValue())});
            }
            TextTable.print(names, new int[] {60, 8}, out);
        }
        if (!notLoaded.isEmpty()) {
            out.printf("%nNot loaded:%n");
            for (List<RuleProblem> rule : notLoaded) {
                out.println("  " + TerminalText.safe(rule.get(0).toString()));
                for (RuleProblem more : rule.subList(1, rule.size())) {
                    out.println("    and " + TerminalText.safe(more.toString()));
                }
            }
        }
        out.flush();
    }

    private static void writeJson(RuleCheck check, Writer out) throws IOException
    {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("total", check.total());
            json.writeNumberField("loaded", check.loaded());
            json.writeObjectFieldStart("loaded_by_status");
            for (RuleStatus status : STATUSES) {
                json.writeNumberField(status == RuleStatus.UNSTATED ? "unstated" : status.sigmaName(), check.loadedByStatus().get(status));
            }
            json.writeEndObject();
            json.writeArrayFieldStart("not_loaded");
            for (List<RuleProblem> rule : check.notLoadedRules()) {
                json.writeStartObject();
                json.writeStringField("file", rule.get(0).source());
                json.writeNumberField("line", rule.get(0).documentLine());
                json.writeStringField("kind", rule.get(0).kind().name());
                json.writeStringField("reason", String.join("; ", rule.stream().map(RuleProblem::message).toList()));
                json.writeArrayFieldStart("problems");
                for (RuleProblem problem : rule) {
                    json.writeStartObject();
                    json.writeNumberField("line", problem.line());
                    json.writeStringField("kind", problem.kind().name());
                    json.writeStringField("message", problem.message());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("unmapped");
            json.writeNumberField("rules", check.unmapped());
            json.writeObjectFieldStart("by_logsource");
            for (Map.Entry<String, Integer> entry : check.unmappedByLogsource().entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeObjectFieldStart("awaiting_placeholders");
            json.writeNumberField("rules", check.awaitingRules());
            json.writeObjectFieldStart("by_placeholder");
            for (Map.Entry<String, Integer> entry : check.awaitingPlaceholders().entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
    }
}
