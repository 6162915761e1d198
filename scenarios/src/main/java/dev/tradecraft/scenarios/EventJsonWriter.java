package dev.tradecraft.scenarios;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * Writes events in the shape {@code evtx_dump -o json} gives them (see the SigmaHQ regression
 * data): one {@code {"Event": {...}}} object per record, either one per line or pretty-printed with
 * two-space indentation and the objects concatenated.
 */
final class EventJsonWriter
{
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private EventJsonWriter() {}

    /** Writes {@code events} (already in time order) to {@code file}; returns how many were written. */
    static int write(Path file, boolean pretty, HostProfile host, List<WindowsEvent> events, EventSystem.RecordNumbers numbers) throws IOException
    {
        try (OutputStream out = FixedGzipOutputStream.open(file, false);
                JsonGenerator generator = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            if (pretty) {
                Separators separators = Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withRootSeparator("\n");
                generator.setPrettyPrinter(new DefaultPrettyPrinter(separators));
            }
            else {
                generator.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            }
            for (WindowsEvent event : events) {
                writeEvent(generator, host, event, numbers.next(event.channel()));
            }
            generator.writeRaw('\n');
        }
        return events.size();
    }

    private static void writeEvent(JsonGenerator out, HostProfile host, WindowsEvent event, long recordId) throws IOException
    {
        EventSystem system = EventSystem.of(host, event, recordId);
        WindowsEvent.Channel channel = system.channel();
        out.writeStartObject();
        out.writeObjectFieldStart("Event");
        out.writeObjectFieldStart("#attributes");
        out.writeStringField("xmlns", WindowsEvent.NAMESPACE);
        out.writeEndObject();

        out.writeObjectFieldStart("System");
        out.writeObjectFieldStart("Provider");
        out.writeObjectFieldStart("#attributes");
        out.writeStringField("Name", channel.provider());
        out.writeStringField("Guid", channel.providerGuid());
        out.writeEndObject();
        out.writeEndObject();
        out.writeNumberField("EventID", system.eventId());
        out.writeNumberField("Version", system.version());
        out.writeNumberField("Level", system.level());
        out.writeNumberField("Task", system.task());
        out.writeNumberField("Opcode", system.opcode());
        out.writeStringField("Keywords", system.keywordsText());
        out.writeObjectFieldStart("TimeCreated");
        out.writeObjectFieldStart("#attributes");
        out.writeStringField("SystemTime", TimeText.isoMicros(system.systemMicros()));
        out.writeEndObject();
        out.writeEndObject();
        out.writeNumberField("EventRecordID", system.recordId());
        out.writeNullField("Correlation");
        out.writeObjectFieldStart("Execution");
        out.writeObjectFieldStart("#attributes");
        out.writeNumberField("ProcessID", system.processId());
        out.writeNumberField("ThreadID", system.threadId());
        out.writeEndObject();
        out.writeEndObject();
        out.writeStringField("Channel", channel.channelName());
        out.writeStringField("Computer", system.computer());
        if (system.userId().isPresent()) {
            out.writeObjectFieldStart("Security");
            out.writeObjectFieldStart("#attributes");
            out.writeStringField("UserID", system.userId().get());
            out.writeEndObject();
            out.writeEndObject();
        }
        else {
            out.writeNullField("Security");
        }
        out.writeEndObject();

        out.writeObjectFieldStart("EventData");
        for (WindowsEvent.Datum datum : event.data()) {
            Object value = datum.value();
            if (value instanceof Integer number) {
                out.writeNumberField(datum.name(), number);
            }
            else if (value instanceof Long number) {
                out.writeNumberField(datum.name(), number);
            }
            else if (value instanceof Boolean flag) {
                out.writeBooleanField(datum.name(), flag);
            }
            else {
                out.writeStringField(datum.name(), value.toString());
            }
        }
        out.writeEndObject();
        out.writeEndObject();
        out.writeEndObject();
    }
}
