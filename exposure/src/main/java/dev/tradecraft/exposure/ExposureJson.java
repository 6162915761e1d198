package dev.tradecraft.exposure;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import dev.tradecraft.core.CveVerdict;
import dev.tradecraft.core.Exposure;
import dev.tradecraft.core.ExposureState;
import dev.tradecraft.core.ServiceKind;
import dev.tradecraft.exposure.scan.ScanProblem;
import dev.tradecraft.exposure.vuln.KevEntry;

/**
 * The exposure report as JSON ({@code tradecraft exposure --format json}); the {@code summary}
 * keys are a contract (docs/exposure.md).
 */
public final class ExposureJson
{
    // The writer is the caller's (stdout, or a file it closes): the generator must not close it.
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private ExposureJson() {}

    /**
     * @param matches organisation of the last hunt per exposure address and port ("address:port" → name and status), may be empty
     */
    public static void write(ExposureRun.Result result, ExposureAnalyzer analyzer, List<CrossReference.Match> matches, boolean services,
            Writer out) throws IOException
    {
        ExposureSummary summary = result.summary();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            generator.writeStartObject();
            generator.writeObjectFieldStart("summary");
            generator.writeStringField("cve", summary.cve());
            generator.writeNumberField("records", summary.records());
            generator.writeNumberField("sharepoint_onprem", summary.services(ServiceKind.SHAREPOINT_ONPREM));
            generator.writeNumberField("vulnerable", summary.count(ExposureState.VULNERABLE));
            generator.writeNumberField("not_vulnerable", summary.count(ExposureState.NOT_VULNERABLE));
            generator.writeNumberField("ambiguous", summary.count(ExposureState.AMBIGUOUS));
            generator.writeNumberField("sharepoint_online", summary.services(ServiceKind.SHAREPOINT_ONLINE));
            generator.writeNumberField("exchange", summary.services(ServiceKind.EXCHANGE));
            generator.writeNumberField("iis", summary.services(ServiceKind.IIS));
            generator.writeNumberField("other", summary.services(ServiceKind.OTHER));
            generator.writeNumberField("elapsed_seconds", Math.round(result.elapsedNanos() / 1e6) / 1e3);
            generator.writeEndObject();

            KevEntry kev = analyzer.knowledge().kev(summary.cve()).orElse(null);
            if (kev != null) {
                generator.writeObjectFieldStart("kev");
                generator.writeStringField("date_added", kev.dateAdded().toString());
                generator.writeStringField("due_date", kev.dueDate().toString());
                generator.writeStringField("known_ransomware_campaign_use", kev.knownRansomwareCampaignUse().orElse(""));
                generator.writeStringField("required_action", kev.requiredAction());
                generator.writeEndObject();
            }

            for (String dimension : ExposureSummary.dimensions()) {
                generator.writeArrayFieldStart("by_" + dimension);
                for (Map.Entry<String, ExposureSummary.Counts> entry : summary.breakdown(dimension)) {
                    generator.writeStartObject();
                    generator.writeStringField(dimension, entry.getKey());
                    generator.writeNumberField("services", entry.getValue().services());
                    generator.writeNumberField("vulnerable", entry.getValue().count(ExposureState.VULNERABLE));
                    generator.writeNumberField("not_vulnerable", entry.getValue().count(ExposureState.NOT_VULNERABLE));
                    generator.writeNumberField("ambiguous", entry.getValue().count(ExposureState.AMBIGUOUS));
                    generator.writeEndObject();
                }
                generator.writeEndArray();
            }

            generator.writeArrayFieldStart("compromised_and_exposed");
            for (CrossReference.Match match : matches) {
                generator.writeStartObject();
                generator.writeStringField("organisation", match.organisation());
                generator.writeStringField("status", match.status());
                generator.writeStringField("address", match.exposure().address());
                generator.writeNumberField("port", match.exposure().port());
                generator.writeStringField("state", match.exposure().verdict(summary.cve()).map(verdict -> verdict.state().label()).orElse(""));
                generator.writeStringField("matched_by", match.matchedBy());
                generator.writeEndObject();
            }
            generator.writeEndArray();

            if (services) {
                generator.writeArrayFieldStart("services");
                for (Exposure exposure : result.exposures()) {
                    writeExposure(generator, exposure);
                }
                generator.writeEndArray();
            }

            generator.writeArrayFieldStart("files_skipped");
            for (String skipped : result.skippedFiles()) {
                generator.writeString(skipped);
            }
            generator.writeEndArray();
            generator.writeObjectFieldStart("problems");
            for (Map.Entry<String, Long> entry : result.problems().entrySet()) {
                generator.writeNumberField(entry.getKey(), entry.getValue());
            }
            generator.writeEndObject();
            generator.writeArrayFieldStart("problem_examples");
            for (ScanProblem problem : result.problemExamples()) {
                generator.writeString(problem.toString());
            }
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeRaw('\n');
        }
    }

    private static void writeExposure(JsonGenerator generator, Exposure exposure) throws IOException
    {
        generator.writeStartObject();
        generator.writeStringField("address", exposure.address());
        generator.writeNumberField("port", exposure.port());
        generator.writeArrayFieldStart("hostnames");
        for (String name : exposure.hostnames()) {
            generator.writeString(name);
        }
        generator.writeEndArray();
        generator.writeStringField("organisation", exposure.organisation().orElse(""));
        generator.writeStringField("asn", exposure.asn().orElse(""));
        generator.writeStringField("country", exposure.country().orElse(""));
        generator.writeStringField("kind", exposure.kind().label());
        generator.writeStringField("product", exposure.product());
        generator.writeStringField("version_shown", exposure.versionShown().orElse(""));
        generator.writeStringField("build", exposure.build().orElse(""));
        generator.writeArrayFieldStart("verdicts");
        for (CveVerdict verdict : exposure.verdicts()) {
            generator.writeStartObject();
            generator.writeStringField("cve", verdict.cve());
            generator.writeStringField("state", verdict.state().label());
            generator.writeStringField("reason", verdict.reason());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("identification");
        for (String reason : exposure.identification()) {
            generator.writeString(reason);
        }
        generator.writeEndArray();
        generator.writeStringField("evidence", exposure.evidence().toString());
        generator.writeEndObject();
    }
}
