package dev.tradecraft.server.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.tradecraft.core.Level;
import dev.tradecraft.server.response.ChecklistItem;
import dev.tradecraft.server.response.ResponseChecklist;
import dev.tradecraft.store.ingest.HitContext;
import dev.tradecraft.store.read.CampaignDetail;
import dev.tradecraft.store.read.CampaignSummary;
import dev.tradecraft.store.read.CampaignVictim;
import dev.tradecraft.store.read.ExposureRow;
import dev.tradecraft.store.read.ExposureTotals;
import dev.tradecraft.store.read.HitRow;
import dev.tradecraft.store.read.OrganisationDetail;
import dev.tradecraft.store.read.OrganisationSummary;
import dev.tradecraft.store.read.Overview;
import dev.tradecraft.store.read.SharedArtefact;
import dev.tradecraft.store.read.TimelineEntry;

/**
 * The JSON of the dashboard's API, written with Jackson's streaming generator: the same records the
 * pages show, field names in snake case, times in ISO-8601 UTC, absent values as null.
 */
final class ApiJson
{
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    @FunctionalInterface
    private interface Body
    {
        void write(JsonGenerator json) throws IOException;
    }

    private ApiJson() {}

    static String error(int status, String message)
    {
        return write(json -> {
            json.writeStartObject();
            json.writeNumberField("status", status);
            json.writeStringField("error", message);
            json.writeEndObject();
        });
    }

    static String overview(Overview overview)
    {
        return write(json -> {
            json.writeStartObject();
            json.writeFieldName("exposure");
            totals(json, overview.exposure());
            json.writeNumberField("organisations", overview.organisations());
            json.writeNumberField("compromised", overview.compromised());
            json.writeNumberField("attempted", overview.attempted());
            json.writeNumberField("clean", overview.clean());
            json.writeNumberField("campaigns", overview.campaigns());
            json.writeNumberField("single_actor_campaigns", overview.singleActorCampaigns());
            json.writeNumberField("hits", overview.hits());
            json.writeNumberField("files", overview.files());
            json.writeNumberField("runs", overview.runs());
            time(json, "last_run", overview.lastRun());
            json.writeEndObject();
        });
    }

    static String campaigns(List<CampaignSummary> campaigns)
    {
        return write(json -> {
            json.writeStartArray();
            for (CampaignSummary campaign : campaigns) {
                campaign(json, campaign);
            }
            json.writeEndArray();
        });
    }

    static String campaign(CampaignDetail detail)
    {
        return write(json -> campaignDetail(json, detail));
    }

    static String organisations(List<OrganisationSummary> organisations)
    {
        return write(json -> {
            json.writeStartArray();
            for (OrganisationSummary organisation : organisations) {
                organisation(json, organisation);
            }
            json.writeEndArray();
        });
    }

    static String organisation(OrganisationDetail detail, ResponseChecklist checklist)
    {
        return write(json -> {
            json.writeStartObject();
            json.writeFieldName("organisation");
            organisation(json, detail.summary());
            strings(json, "evidence", detail.evidence());
            json.writeNumberField("hit_count", detail.hitCount());
            json.writeArrayFieldStart("hits");
            for (HitRow hit : detail.hits()) {
                hit(json, hit);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("servers");
            for (ExposureRow server : detail.servers()) {
                server(json, server);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("campaigns");
            for (CampaignDetail campaign : detail.campaigns()) {
                campaign(json, campaign.summary());
            }
            json.writeEndArray();
            json.writeFieldName("checklist");
            checklist(json, checklist);
            json.writeEndObject();
        });
    }

    static String exposure(ExposureTotals totals, List<ExposureTotals> byCountry, List<ExposureTotals> byProduct, List<ExposureRow> servers)
    {
        return write(json -> {
            json.writeStartObject();
            json.writeFieldName("totals");
            totals(json, totals);
            json.writeArrayFieldStart("by_country");
            for (ExposureTotals row : byCountry) {
                totals(json, row);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("by_product");
            for (ExposureTotals row : byProduct) {
                totals(json, row);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("servers");
            for (ExposureRow server : servers) {
                server(json, server);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void totals(JsonGenerator json, ExposureTotals totals) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("key", totals.key());
        json.writeNumberField("services", totals.services());
        json.writeNumberField("vulnerable", totals.vulnerable());
        json.writeNumberField("ambiguous", totals.ambiguous());
        json.writeNumberField("not_vulnerable", totals.notVulnerable());
        json.writeEndObject();
    }

    private static void campaign(JsonGenerator json, CampaignSummary campaign) throws IOException
    {
        json.writeStartObject();
        campaignFields(json, campaign);
        json.writeEndObject();
    }

    private static void campaignFields(JsonGenerator json, CampaignSummary campaign) throws IOException
    {
        json.writeStringField("id", campaign.id());
        json.writeStringField("verdict", campaign.verdict());
        json.writeNumberField("confidence", campaign.confidence());
        strings(json, "organisations", campaign.organisations());
        json.writeNumberField("intrusions", campaign.intrusions());
        time(json, "first_seen", campaign.firstSeen());
        time(json, "last_seen", campaign.lastSeen());
        strings(json, "actors", campaign.actors());
        strings(json, "evidence", campaign.evidence());
        strings(json, "against", campaign.against());
    }

    private static void campaignDetail(JsonGenerator json, CampaignDetail detail) throws IOException
    {
        json.writeStartObject();
        campaignFields(json, detail.summary());
        json.writeArrayFieldStart("victims");
        for (CampaignVictim victim : detail.victims()) {
            json.writeStartObject();
            json.writeStringField("organisation", victim.organisation());
            json.writeStringField("intrusion_id", victim.intrusionId());
            strings(json, "hosts", victim.hosts());
            time(json, "first_seen", victim.firstSeen());
            time(json, "last_seen", victim.lastSeen());
            json.writeNumberField("sightings", victim.sightings());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("artefacts");
        for (SharedArtefact artefact : detail.artefacts()) {
            json.writeStartObject();
            json.writeStringField("type", artefact.type());
            json.writeStringField("value", artefact.value());
            strings(json, "organisations", artefact.organisations());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("timeline");
        for (TimelineEntry entry : detail.timeline()) {
            json.writeStartObject();
            time(json, "time", entry.time());
            json.writeStringField("organisation", entry.organisation());
            json.writeStringField("host", entry.host());
            json.writeStringField("stage", entry.stage());
            json.writeStringField("rule_id", entry.ruleId());
            json.writeStringField("evidence", entry.evidence());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void organisation(JsonGenerator json, OrganisationSummary organisation) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("name", organisation.name());
        json.writeStringField("status", organisation.status());
        strings(json, "hosts", organisation.hosts());
        time(json, "first_exploit", organisation.firstExploit());
        time(json, "first_compromise", organisation.firstCompromise());
        strings(json, "webshells", organisation.webshells());
        strings(json, "source_ips", organisation.sourceIps());
        json.writeObjectFieldStart("hits_by_level");
        for (Level level : Level.values()) {
            json.writeNumberField(level.name().toLowerCase(Locale.ROOT), organisation.hitsByLevel().getOrDefault(level, 0L));
        }
        json.writeEndObject();
        json.writeNumberField("hits", organisation.hits());
        strings(json, "campaigns", organisation.campaigns());
        json.writeEndObject();
    }

    private static void hit(JsonGenerator json, HitRow hit) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("rule_id", hit.ruleId());
        json.writeStringField("kind", hit.kind());
        json.writeStringField("title", hit.title());
        json.writeStringField("level", hit.level());
        json.writeStringField("organisation", hit.organisation());
        json.writeStringField("host", hit.host());
        json.writeStringField("file", hit.file());
        json.writeStringField("position", hit.position());
        time(json, "time", hit.time());
        json.writeObjectFieldStart("matched");
        for (Map.Entry<String, String> field : hit.matched().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            json.writeStringField(field.getKey(), field.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("context");
        for (String name : HitContext.FIELDS) {
            String value = hit.context().get(name);
            if (value != null) {
                json.writeStringField(name, value);
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void server(JsonGenerator json, ExposureRow server) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("id", server.id());
        json.writeStringField("address", server.address());
        json.writeNumberField("port", server.port());
        strings(json, "hostnames", server.hostnames());
        optional(json, "organisation", server.organisation());
        optional(json, "asn", server.asn());
        optional(json, "country", server.country());
        json.writeStringField("product", server.product());
        optional(json, "version_shown", server.versionShown());
        optional(json, "build", server.build());
        json.writeStringField("cve", server.cve());
        json.writeStringField("state", server.state());
        json.writeStringField("reason", server.reason());
        json.writeStringField("evidence", server.evidence());
        optional(json, "matched_organisation", server.matchedOrganisation());
        optional(json, "matched_by", server.matchedBy());
        json.writeEndObject();
    }

    private static void checklist(JsonGenerator json, ResponseChecklist checklist) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("summary", checklist.summary());
        json.writeArrayFieldStart("items");
        for (ChecklistItem item : checklist.items()) {
            json.writeStartObject();
            json.writeStringField("step", item.step().name().toLowerCase(Locale.ROOT));
            json.writeStringField("instruction", item.instruction());
            strings(json, "targets", item.targets());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException
    {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void optional(JsonGenerator json, String name, Optional<String> value) throws IOException
    {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
        else {
            json.writeNullField(name);
        }
    }

    private static void time(JsonGenerator json, String name, Optional<Instant> time) throws IOException
    {
        if (time.isPresent()) {
            json.writeStringField(name, time.get().toString());
        }
        else {
            json.writeNullField(name);
        }
    }

    private static String write(Body body)
    {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.write(json);
        }
        catch (IOException e) {
            // A StringWriter does not fail; a generator error here is a bug in the calls above.
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
