package dev.tradecraft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import dev.tradecraft.hunt.Hunter;
import dev.tradecraft.hunt.regression.RegressionCase;
import dev.tradecraft.hunt.regression.RegressionCases;
import dev.tradecraft.hunt.regression.RegressionRun;
import dev.tradecraft.sigma.LogsourceMappings;
import dev.tradecraft.sigma.Placeholders;
import dev.tradecraft.sigma.RuleLoadResult;
import dev.tradecraft.sigma.SigmaCompiler;
import dev.tradecraft.sigma.SigmaException;
import dev.tradecraft.sigma.SigmaRuleLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "test", sortOptions = false,
        description = {
                "Run SigmaHQ-style regression cases: each info.yml names a rule and the events that must make it fire (match_count times).",
                "The events of a case are read from its .evtx file (or its evtx_dump-shape .json twin, or both), through the same readers a hunt uses."})
final class RulesTestCommand implements Callable<Integer>
{
    enum Format { table, json }

    enum Events { evtx, json, both }

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    @Spec
    private CommandSpec spec;

    @Mixin
    private SigmaSiteOptions site = new SigmaSiteOptions();

    @Option(names = "--regression", required = true, paramLabel = "DIR",
            description = "Folder with regression cases: SigmaHQ's repository root (holding regression_data/) or regression_data/ itself.")
    private Path regression;

    @Option(names = "--rules", required = true, paramLabel = "PATH", description = "Rule files or folders the cases name (repeatable).")
    private List<Path> rules = new ArrayList<>();

    @Option(names = "--events", paramLabel = "FILES",
            description = "Which file of each case to hunt: evtx (default, the .evtx itself), json (its .json twin), or both (each a case).")
    private Events events = Events.evtx;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.")
    private Format format = Format.table;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    private Path out;

    @Override
    public Integer call() throws IOException
    {
        PrintWriter stderr = spec.commandLine().getErr();
        List<Path> inputs = new ArrayList<>(rules);
        inputs.add(regression);
        for (Path path : inputs) {
            if (!Files.exists(path)) {
                stderr.println("tradecraft rules test: no such file or folder: " + path);
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
            stderr.println("tradecraft rules test: " + TerminalText.safe(e.getMessage()));
            return ExitCodes.INVALID_INPUT;
        }
        RuleLoadResult loaded = new SigmaRuleLoader(placeholders).load(rules);
        Hunter hunter = Hunter.builder(SigmaCompiler.compile(loaded.rules(), mappings)).build();
        RegressionCases.Found found = RegressionCases.find(regression, switch (events) {
            case evtx -> RegressionCases.EventFiles.EVTX;
            case json -> RegressionCases.EventFiles.JSON;
            case both -> RegressionCases.EventFiles.BOTH;
        });
        RegressionRun.Result result = RegressionRun.run(found.cases(), hunter);

        PrintWriter stdout = spec.commandLine().getOut();
        Writer writer = out != null ? Files.newBufferedWriter(out, StandardCharsets.UTF_8) : stdout;
        try {
            if (format == Format.json) {
                writeJson(result, found, writer);
            }
            else {
                printText(result, found, writer instanceof PrintWriter print ? print : new PrintWriter(writer));
            }
            writer.flush();
        }
        finally {
            if (out != null) {
                writer.close();
            }
        }
        if (result.cases() == 0) {
            return ExitCodes.NOTHING_DONE;
        }
        return result.failed().isEmpty() ? ExitCodes.OK : ExitCodes.NOTHING_DONE;
    }

    private static void printText(RegressionRun.Result result, RegressionCases.Found found, PrintWriter out)
    {
        out.printf("%d regression cases: %d passed, %d failed, %d warnings%s%n", result.cases(), result.passed(), result.failed().size(), result.warnings().size(),
                found.skipped().isEmpty() ? "" : "; " + found.skipped().size() + " not run");
        for (RegressionRun.Failure failure : result.failed()) {
            RegressionCase testCase = failure.testCase();
            out.println("  failed: " + TerminalText.safe(testCase.ruleId() + " " + testCase.ruleTitle() + " (" + testCase.info() + "): " + failure.reason()));
        }
        for (RegressionRun.Failure warning : result.warnings()) {
            RegressionCase testCase = warning.testCase();
            out.println("  warning: " + TerminalText.safe(testCase.ruleId() + " " + testCase.ruleTitle() + " (" + testCase.info() + "): " + warning.reason()));
        }
        for (String skipped : found.skipped()) {
            out.println("  not run: " + TerminalText.safe(skipped));
        }
        out.flush();
    }

    private static void writeJson(RegressionRun.Result result, RegressionCases.Found found, Writer out) throws IOException
    {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("cases", result.cases());
            json.writeNumberField("passed", result.passed());
            writeFailures(json, "failed", result.failed());
            writeFailures(json, "warnings", result.warnings());
            json.writeArrayFieldStart("not_run");
            for (String skipped : found.skipped()) {
                json.writeString(skipped);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
    }

    private static void writeFailures(JsonGenerator json, String field, List<RegressionRun.Failure> failures) throws IOException
    {
        json.writeArrayFieldStart(field);
        for (RegressionRun.Failure failure : failures) {
            RegressionCase testCase = failure.testCase();
            json.writeStartObject();
            json.writeStringField("rule_id", testCase.ruleId());
            json.writeStringField("rule_title", testCase.ruleTitle());
            json.writeStringField("info", testCase.info().toString());
            json.writeStringField("events", testCase.events().toString());
            json.writeNumberField("matches", failure.matches());
            if (testCase.expectedMatches().isPresent()) {
                json.writeNumberField("expected", testCase.expectedMatches().getAsInt());
            }
            json.writeStringField("reason", failure.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
