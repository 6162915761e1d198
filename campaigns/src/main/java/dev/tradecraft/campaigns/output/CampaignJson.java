package dev.tradecraft.campaigns.output;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import dev.tradecraft.campaigns.CampaignAnalysis;
import dev.tradecraft.core.Campaign;
import dev.tradecraft.core.InferredActor;
import dev.tradecraft.core.Intrusion;
import dev.tradecraft.core.ObservableType;
import dev.tradecraft.core.Sighting;

/**
 * Campaigns as JSON ({@code tradecraft campaigns --format json}): per campaign its verdict,
 * confidence, victims, artefacts, inferred actors, intrusions and the evidence sentences; then the
 * reconnaissance kept out, and the graph's size and agreement with the baseline. Documented in
 * docs/campaigns.md.
 */
public final class CampaignJson
{
    // The writer is the caller's (stdout, or a file it closes): the generator must not close it.
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private CampaignJson() {}

    public static void write(CampaignAnalysis analysis, Writer out) throws IOException
    {
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            generator.writeStartObject();
            generator.writeArrayFieldStart("campaigns");
            for (Campaign campaign : analysis.campaigns()) {
                writeCampaign(generator, campaign);
            }
            generator.writeEndArray();

            generator.writeObjectFieldStart("reconnaissance");
            generator.writeNumberField("sightings", analysis.reconnaissance().size());
            Set<String> organisations = new TreeSet<>();
            Set<String> addresses = new TreeSet<>();
            for (Sighting sighting : analysis.reconnaissance()) {
                organisations.add(sighting.organisation());
                addresses.addAll(sighting.values(ObservableType.SOURCE_IP));
            }
            writeStrings(generator, "organisations", organisations);
            writeStrings(generator, "source_ips", addresses);
            generator.writeEndObject();

            generator.writeObjectFieldStart("graph");
            generator.writeNumberField("sightings", analysis.sightings());
            generator.writeNumberField("intrusions", analysis.intrusions());
            generator.writeNumberField("profiles", analysis.profiles());
            generator.writeNumberField("edges", analysis.edges());
            generator.writeNumberField("baseline_clusters", analysis.baselineClusters());
            generator.writeNumberField("baseline_agreement_nmi", Math.round(analysis.baselineAgreement() * 1000) / 1000.0);
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeRaw('\n');
        }
    }

    private static void writeCampaign(JsonGenerator generator, Campaign campaign) throws IOException
    {
        generator.writeStartObject();
        generator.writeStringField("id", campaign.id());
        generator.writeStringField("verdict", campaign.verdict().label());
        generator.writeNumberField("confidence", campaign.confidence());
        writeTime(generator, "first_seen", campaign.firstSeen());
        writeTime(generator, "last_seen", campaign.lastSeen());
        writeStrings(generator, "organisations", campaign.organisations());
        writeStrings(generator, "source_ips", campaign.values(ObservableType.SOURCE_IP));
        writeStrings(generator, "user_agents", campaign.values(ObservableType.USER_AGENT));
        writeStrings(generator, "webshells", campaign.values(ObservableType.WEBSHELL_PATH));
        writeStrings(generator, "command_fingerprints", campaign.values(ObservableType.COMMAND_FINGERPRINT));
        writeStrings(generator, "file_hashes", campaign.values(ObservableType.FILE_HASH));
        writeStrings(generator, "evidence", campaign.evidence());
        writeStrings(generator, "against", campaign.against());
        generator.writeArrayFieldStart("actors");
        for (InferredActor actor : campaign.actors()) {
            generator.writeStartObject();
            generator.writeStringField("name", actor.name());
            writeStrings(generator, "intrusions", actor.intrusionIds());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("intrusions");
        for (Intrusion intrusion : campaign.intrusions()) {
            generator.writeStartObject();
            generator.writeStringField("id", intrusion.id());
            generator.writeStringField("organisation", intrusion.organisation());
            writeStrings(generator, "hosts", intrusion.hosts());
            writeTime(generator, "first_seen", intrusion.firstSeen());
            writeTime(generator, "last_seen", intrusion.lastSeen());
            generator.writeNumberField("sightings", intrusion.sightings().size());
            generator.writeObjectFieldStart("artefacts");
            for (ObservableType type : ObservableType.values()) {
                Set<String> values = intrusion.values(type);
                if (!values.isEmpty()) {
                    writeStrings(generator, type.label(), values);
                }
            }
            generator.writeEndObject();
            List<String> evidence = new ArrayList<>();
            intrusion.sightings().forEach(sighting -> evidence.add(sighting.evidence().toString()));
            writeStrings(generator, "evidence", evidence);
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private static void writeTime(JsonGenerator generator, String name, Optional<Instant> time) throws IOException
    {
        if (time.isPresent()) {
            generator.writeStringField(name, time.get().toString());
        }
    }

    private static void writeStrings(JsonGenerator generator, String name, Iterable<String> values) throws IOException
    {
        generator.writeArrayFieldStart(name);
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
    }
}
