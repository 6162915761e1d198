package dev.tradecraft.scenarios;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tradecraft.scenarios.evtx.EvtxFileWriter;
import dev.tradecraft.scenarios.evtx.EvtxTemplate;
import dev.tradecraft.scenarios.evtx.EvtxTemplate.Attribute;
import dev.tradecraft.scenarios.evtx.EvtxTemplate.Element;
import dev.tradecraft.scenarios.evtx.EvtxTemplate.Node;
import dev.tradecraft.scenarios.evtx.EvtxTemplate.Substitution;
import dev.tradecraft.scenarios.evtx.EvtxTemplate.Text;
import dev.tradecraft.scenarios.evtx.EvtxValue;

/**
 * Writes a host's events as a binary Windows event log, with the same {@code System} and
 * {@code EventData} values {@link EventJsonWriter} writes: rendered by evtx_dump, each record gives
 * the object the JSON file holds. Strings are UTF-16 strings, {@code Integer} data UInt32,
 * {@code Long} UInt64 (their signed types when negative) and {@code Boolean} Bool.
 *
 * <p>One template per event shape (channel, event id, version, data names and types). Its
 * {@code System} takes every value from a substitution, in this order.
 */
final class EventEvtxWriter
{
    private static final int PROVIDER_NAME = 0;
    private static final int PROVIDER_GUID = 1;
    private static final int EVENT_ID = 2;
    private static final int VERSION = 3;
    private static final int LEVEL = 4;
    private static final int TASK = 5;
    private static final int OPCODE = 6;
    private static final int KEYWORDS = 7;
    private static final int TIME_CREATED = 8;
    private static final int RECORD_ID = 9;
    private static final int ACTIVITY_ID = 10;
    private static final int RELATED_ACTIVITY_ID = 11;
    private static final int PROCESS_ID = 12;
    private static final int THREAD_ID = 13;
    private static final int CHANNEL = 14;
    private static final int COMPUTER = 15;
    private static final int USER_ID = 16;
    private static final int FIRST_DATA = 17;

    /** An event shape: what one template stands for. */
    private record Shape(WindowsEvent.Channel channel, int eventId, int version, List<Field> data)
    {
        Shape
        {
            data = List.copyOf(data);
        }

        /** The text the template GUID is derived from. */
        String key()
        {
            StringBuilder key = new StringBuilder(channel.channelName()).append('|').append(eventId).append('|').append(version);
            for (Field field : data) {
                key.append('|').append(field.name()).append(':').append(field.type());
            }
            return key.toString();
        }
    }

    private record Field(String name, EvtxValue.Type type) {}

    private EventEvtxWriter() {}

    /** Writes {@code events} (already in time order) to {@code file}; returns how many were written. */
    static int write(Path file, HostProfile host, List<WindowsEvent> events, EventSystem.RecordNumbers numbers) throws IOException
    {
        Map<Shape, EvtxTemplate> templates = new HashMap<>();
        Map<WindowsEvent.Channel, UUID> providers = new HashMap<>();
        try (EvtxFileWriter out = new EvtxFileWriter(file)) {
            for (WindowsEvent event : events) {
                EventSystem system = EventSystem.of(host, event, numbers.next(event.channel()));
                UUID provider = providers.computeIfAbsent(event.channel(), channel -> UUID.fromString(channel.providerGuid()));
                List<EvtxValue> values = values(system, provider, event);
                EvtxTemplate template = templates.computeIfAbsent(shape(event, values), EventEvtxWriter::template);
                out.write(system.recordId(), EvtxValue.fileTimeOfMicros(system.systemMicros()), template, values);
            }
        }
        return events.size();
    }

    private static List<EvtxValue> values(EventSystem system, UUID provider, WindowsEvent event)
    {
        List<EvtxValue> values = new ArrayList<>(FIRST_DATA + event.data().size());
        values.add(EvtxValue.string(system.channel().provider()));
        values.add(EvtxValue.guid(provider));
        values.add(EvtxValue.uint16(system.eventId()));
        values.add(EvtxValue.uint8(system.version()));
        values.add(EvtxValue.uint8(system.level()));
        values.add(EvtxValue.uint16(system.task()));
        values.add(EvtxValue.uint8(system.opcode()));
        values.add(EvtxValue.hexInt64(system.keywords()));
        values.add(EvtxValue.fileTime(EvtxValue.fileTimeOfMicros(system.systemMicros())));
        values.add(EvtxValue.uint64(system.recordId()));
        values.add(EvtxValue.nul());
        values.add(EvtxValue.nul());
        values.add(EvtxValue.uint32(system.processId()));
        values.add(EvtxValue.uint32(system.threadId()));
        values.add(EvtxValue.string(system.channel().channelName()));
        values.add(EvtxValue.string(system.computer()));
        values.add(system.userId().map(EvtxValue::sid).orElse(EvtxValue.nul()));
        for (WindowsEvent.Datum datum : event.data()) {
            values.add(dataValue(datum.value()));
        }
        return values;
    }

    private static EvtxValue dataValue(Object value)
    {
        if (value instanceof Integer number) {
            return number >= 0 ? EvtxValue.uint32(number) : EvtxValue.int32(number);
        }
        if (value instanceof Long number) {
            return number >= 0 ? EvtxValue.uint64(number) : EvtxValue.int64(number);
        }
        if (value instanceof Boolean flag) {
            return EvtxValue.bool(flag);
        }
        return EvtxValue.string(value.toString());
    }

    private static Shape shape(WindowsEvent event, List<EvtxValue> values)
    {
        List<Field> data = new ArrayList<>(event.data().size());
        for (int i = 0; i < event.data().size(); i++) {
            data.add(new Field(event.data().get(i).name(), values.get(FIRST_DATA + i).type()));
        }
        return new Shape(event.channel(), event.eventId(), event.version(), data);
    }

    private static EvtxTemplate template(Shape shape)
    {
        Element system = element("System", List.of(),
                element("Provider", List.of(
                        attribute("Name", PROVIDER_NAME, EvtxValue.Type.STRING),
                        attribute("Guid", PROVIDER_GUID, EvtxValue.Type.GUID))),
                element("EventID", List.of(), substitution(EVENT_ID, EvtxValue.Type.UINT16)),
                element("Version", List.of(), substitution(VERSION, EvtxValue.Type.UINT8)),
                element("Level", List.of(), substitution(LEVEL, EvtxValue.Type.UINT8)),
                element("Task", List.of(), substitution(TASK, EvtxValue.Type.UINT16)),
                element("Opcode", List.of(), substitution(OPCODE, EvtxValue.Type.UINT8)),
                element("Keywords", List.of(), substitution(KEYWORDS, EvtxValue.Type.HEX_INT64)),
                element("TimeCreated", List.of(attribute("SystemTime", TIME_CREATED, EvtxValue.Type.FILETIME))),
                element("EventRecordID", List.of(), substitution(RECORD_ID, EvtxValue.Type.UINT64)),
                // Optional: with null values the attributes go and Correlation renders empty.
                element("Correlation", List.of(
                        new Attribute("ActivityID", new Substitution(ACTIVITY_ID, EvtxValue.Type.GUID, true)),
                        new Attribute("RelatedActivityID", new Substitution(RELATED_ACTIVITY_ID, EvtxValue.Type.GUID, true)))),
                element("Execution", List.of(
                        attribute("ProcessID", PROCESS_ID, EvtxValue.Type.UINT32),
                        attribute("ThreadID", THREAD_ID, EvtxValue.Type.UINT32))),
                element("Channel", List.of(), substitution(CHANNEL, EvtxValue.Type.STRING)),
                element("Computer", List.of(), substitution(COMPUTER, EvtxValue.Type.STRING)),
                element("Security", List.of(new Attribute("UserID", new Substitution(USER_ID, EvtxValue.Type.SID, true)))));
        List<Node> data = new ArrayList<>(shape.data().size());
        for (int i = 0; i < shape.data().size(); i++) {
            Field field = shape.data().get(i);
            data.add(element("Data", List.of(new Attribute("Name", new Text(field.name()))), substitution(FIRST_DATA + i, field.type())));
        }
        Element eventData = new Element("EventData", List.of(), data);
        Element root = element("Event", List.of(new Attribute("xmlns", new Text(WindowsEvent.NAMESPACE))), system, eventData);
        return EvtxTemplate.of(shape.key(), root);
    }

    private static Element element(String name, List<Attribute> attributes, Node... children)
    {
        return new Element(name, attributes, List.of(children));
    }

    private static Attribute attribute(String name, int index, EvtxValue.Type type)
    {
        return new Attribute(name, substitution(index, type));
    }

    private static Substitution substitution(int index, EvtxValue.Type type)
    {
        return new Substitution(index, type, false);
    }
}
