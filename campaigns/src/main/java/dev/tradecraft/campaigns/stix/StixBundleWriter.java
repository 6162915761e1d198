package dev.tradecraft.campaigns.stix;

import static dev.tradecraft.core.Checks.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import dev.tradecraft.campaigns.stix.BundlePlan.ActorObject;
import dev.tradecraft.campaigns.stix.BundlePlan.CampaignObject;
import dev.tradecraft.campaigns.stix.BundlePlan.IdentityObject;
import dev.tradecraft.campaigns.stix.BundlePlan.IndicatorObject;
import dev.tradecraft.campaigns.stix.BundlePlan.RelationshipObject;
import dev.tradecraft.campaigns.stix.BundlePlan.SightingObject;
import dev.tradecraft.core.Campaign;

/**
 * Writes campaigns as a STIX 2.1 bundle: each victim an {@code identity}, each campaign a
 * {@code campaign} that {@code targets} its victims and is {@code attributed-to} the
 * {@code intrusion-set} of each inferred actor, each source address, file hash and webshell path an
 * {@code indicator} that {@code indicates} the campaigns it was seen in, and one {@code sighting}
 * of a campaign per victim.
 *
 * <p>Ids are name-based and every object carries the caller's {@code created} time, so the same
 * campaigns give the same bytes and a re-export updates what a consumer already holds instead of
 * duplicating it. Source addresses that are not IP addresses and hashes that are not hex of a known
 * length give no indicator.
 */
public final class StixBundleWriter
{
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private static final String SPEC_VERSION = "2.1";
    private static final long MAX_COUNT = 999_999_999L;

    private StixBundleWriter() {}

    /**
     * @param created the analysis time, used as {@code created} and {@code modified} of every object
     *        and as {@code valid_from} of an indicator whose sightings carry no time
     * @param out receives the bundle; flushed, not closed
     * @throws IllegalArgumentException when two campaigns share an id or {@code created} is outside
     *         the years 0 to 9999 a STIX timestamp can hold
     */
    public static void write(List<Campaign> campaigns, Instant created, Writer out)
            throws IOException
    {
        requireNonNull(campaigns, "campaigns is null");
        requireNonNull(created, "created is null");
        requireNonNull(out, "out is null");
        checkArgument(StixTime.representable(created), "created is outside the years a STIX timestamp can hold: %s", created);
        BundlePlan plan = BundlePlan.of(campaigns);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setPrettyPrinter(prettyPrinter());
            new ObjectWriter(json, StixTime.format(created)).bundle(plan);
            json.writeRaw('\n');
        }
        out.flush();
    }

    public static String toJson(List<Campaign> campaigns, Instant created)
    {
        StringWriter out = new StringWriter();
        try {
            write(campaigns, created, out);
        }
        catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e);
        }
        return out.toString();
    }

    /** Two-space indent and {@code \n} whatever the platform, so the bytes do not depend on where they were made. */
    private static DefaultPrettyPrinter prettyPrinter()
    {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /** Writes the planned objects; properties in a fixed order, common ones first. */
    private static final class ObjectWriter
    {
        private final JsonGenerator json;
        private final String created;

        ObjectWriter(JsonGenerator json, String created)
        {
            this.json = json;
            this.created = created;
        }

        void bundle(BundlePlan plan)
                throws IOException
        {
            json.writeStartObject();
            json.writeStringField("type", "bundle");
            json.writeStringField("id", plan.bundleId);
            // the schema wants at least one object when the array is there; an empty export leaves it out
            if (!plan.identities.isEmpty()) {
                json.writeArrayFieldStart("objects");
                for (IdentityObject identity : plan.identities) {
                    identity(identity);
                }
                for (CampaignObject campaign : plan.campaigns) {
                    campaign(campaign);
                }
                for (ActorObject actor : plan.actors) {
                    intrusionSet(actor);
                }
                for (IndicatorObject indicator : plan.indicators) {
                    indicator(indicator);
                }
                for (RelationshipObject relationship : plan.relationships) {
                    relationship(relationship);
                }
                for (SightingObject sighting : plan.sightings) {
                    sighting(sighting);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }

        private void common(String type, String id)
                throws IOException
        {
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeStringField("spec_version", SPEC_VERSION);
            json.writeStringField("id", id);
            json.writeStringField("created", created);
            json.writeStringField("modified", created);
        }

        private void identity(IdentityObject identity)
                throws IOException
        {
            common("identity", identity.id());
            json.writeStringField("name", identity.name());
            json.writeStringField("identity_class", "organization");
            json.writeEndObject();
        }

        private void campaign(CampaignObject object)
                throws IOException
        {
            Campaign campaign = object.campaign();
            int organisations = campaign.organisations().size();
            common("campaign", object.id());
            json.writeStringField("name", campaign.id() + " (" + campaign.verdict().label() + ", " + organisations
                    + (organisations == 1 ? " organisation)" : " organisations)"));
            String description = description(campaign);
            if (!description.isEmpty()) {
                json.writeStringField("description", description);
            }
            time("first_seen", object.firstSeen());
            time("last_seen", object.lastSeen());
            json.writeNumberField("confidence", campaign.confidence());
            json.writeStringField("x_tradecraft_campaign_id", campaign.id());
            json.writeStringField("x_tradecraft_verdict", campaign.verdict().label());
            json.writeNumberField("x_tradecraft_intrusions", campaign.intrusions().size());
            json.writeEndObject();
        }

        /** One line per sentence, each saying which side it argues for. */
        private static String description(Campaign campaign)
        {
            StringBuilder text = new StringBuilder();
            for (String sentence : campaign.evidence()) {
                line(text, "Evidence: ", sentence);
            }
            for (String sentence : campaign.against()) {
                line(text, "Against: ", sentence);
            }
            return text.toString();
        }

        private static void line(StringBuilder text, String prefix, String sentence)
        {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(prefix).append(sentence);
        }

        private void intrusionSet(ActorObject actor)
                throws IOException
        {
            common("intrusion-set", actor.id());
            json.writeStringField("name", actor.name());
            json.writeStringField("description", "Inferred by Tradecraft from the intrusions it ties together (" + String.join(", ", actor.intrusionIds())
                    + "); the name makes no claim about who it is.");
            time("first_seen", actor.firstSeen());
            time("last_seen", actor.lastSeen());
            json.writeEndObject();
        }

        private void indicator(IndicatorObject indicator)
                throws IOException
        {
            common("indicator", indicator.id());
            json.writeStringField("name", indicator.name());
            json.writeStringField("description", "Seen in " + String.join(", ", indicator.campaignNames()) + ".");
            json.writeArrayFieldStart("indicator_types");
            json.writeString("malicious-activity");
            json.writeEndArray();
            json.writeStringField("pattern", indicator.pattern());
            json.writeStringField("pattern_type", "stix");
            json.writeStringField("pattern_version", SPEC_VERSION);
            json.writeStringField("valid_from", indicator.validFrom().isPresent() ? StixTime.format(indicator.validFrom().get()) : created);
            json.writeEndObject();
        }

        private void relationship(RelationshipObject relationship)
                throws IOException
        {
            common("relationship", relationship.id());
            json.writeStringField("relationship_type", relationship.type());
            if (relationship.description().isPresent()) {
                json.writeStringField("description", relationship.description().get());
            }
            json.writeStringField("source_ref", relationship.sourceRef());
            json.writeStringField("target_ref", relationship.targetRef());
            if (relationship.confidence().isPresent()) {
                json.writeNumberField("confidence", relationship.confidence().getAsInt());
            }
            json.writeEndObject();
        }

        private void sighting(SightingObject sighting)
                throws IOException
        {
            common("sighting", sighting.id());
            json.writeStringField("description", sighting.count() + (sighting.count() == 1 ? " Tradecraft sighting" : " Tradecraft sightings")
                    + " in intrusion" + (sighting.intrusionIds().size() == 1 ? " " : "s ") + String.join(", ", sighting.intrusionIds()) + ".");
            time("first_seen", sighting.firstSeen());
            time("last_seen", sighting.lastSeen());
            json.writeNumberField("count", Math.min(sighting.count(), MAX_COUNT));
            json.writeStringField("sighting_of_ref", sighting.campaignRef());
            json.writeArrayFieldStart("where_sighted_refs");
            json.writeString(sighting.identityRef());
            json.writeEndArray();
            json.writeEndObject();
        }

        private void time(String name, Optional<Instant> time)
                throws IOException
        {
            if (time.isPresent()) {
                json.writeStringField(name, StixTime.format(time.get()));
            }
        }
    }
}
