package dev.tradecraft.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tradecraft.core.Event;
import dev.tradecraft.core.Logsource;
import dev.tradecraft.sigma.logsource.MappingAlternative;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dispatch index must accept exactly the alternatives that checking each one accepts: every
 * alternative of the built-in mappings, over events built from the values those mappings name (and
 * others), with field names and values in varying case, fields left out and logsources stated by
 * a reader. Seed printed; rerun with -Dtradecraft.seed=N.
 */
class TestLogsourceDispatch
{
    private static final List<String> CHANNELS = List.of("Microsoft-Windows-Sysmon/Operational", "Security", "System", "Application",
            "Microsoft-Windows-PowerShell/Operational", "Windows PowerShell", "Microsoft-Windows-Windows Defender/Operational",
            "Microsoft-Windows-TaskScheduler/Operational", "Microsoft-Windows-WMI-Activity/Operational", "Other/Channel");
    private static final List<String> PROVIDERS = List.of("Microsoft-Windows-Sysmon", "Microsoft-Windows-Security-Auditing", "PowerShell",
            "Microsoft-Windows-Windows Defender", "Service Control Manager", "Unknown");
    private static final List<Logsource> LOGSOURCES = List.of(Logsource.UNSTATED, new Logsource("windows", "", "security"),
            new Logsource("windows", "", "sysmon"), new Logsource("", "webserver", ""), new Logsource("windows", "", ""));

    @Test
    void testAcceptsExactlyWhatEachAlternativeAccepts()
    {
        MappingAlternative[] slots = builtInAlternatives();
        assertTrue(slots.length > 20, "expected the built-in mappings to have many alternatives: " + slots.length);
        LogsourceDispatch dispatch = LogsourceDispatch.of(slots);
        long seed = Long.getLong("tradecraft.seed", System.nanoTime());
        System.out.println("TestLogsourceDispatch seed=" + seed + ", " + slots.length + " alternatives");
        Random random = new Random(seed);
        boolean[] accepted = new boolean[slots.length];
        int[] acceptedSlots = new int[slots.length];
        int acceptances = 0;
        for (int round = 0; round < 20_000; round++) {
            Event event = randomEvent(random);
            int count = dispatch.accept(event, accepted, acceptedSlots);
            Set<Integer> expected = new LinkedHashSet<>();
            for (int slot = 0; slot < slots.length; slot++) {
                if (slots[slot].accepts(event)) {
                    expected.add(slot);
                }
            }
            Set<Integer> actual = new LinkedHashSet<>();
            for (int i = 0; i < count; i++) {
                actual.add(acceptedSlots[i]);
            }
            assertEquals(new TreeSet<>(expected), new TreeSet<>(actual), "seed " + seed + ", event " + event);
            for (int slot = 0; slot < slots.length; slot++) {
                assertEquals(expected.contains(slot), accepted[slot], "flag of slot " + slot + ", seed " + seed);
                accepted[slot] = false;
            }
            acceptances += count;
        }
        assertTrue(acceptances > 5_000, "too few events belonged to any alternative to say anything: " + acceptances);
    }

    private static MappingAlternative[] builtInAlternatives()
    {
        LogsourceMappings mappings = LogsourceMappings.builtIn();
        Set<MappingAlternative> all = new LinkedHashSet<>();
        for (String category : List.of("process_creation", "file_event", "network_connection", "registry_set", "registry_event", "image_load",
                "ps_script", "ps_module", "ps_classic_start", "dns_query", "pipe_created", "create_remote_thread", "driver_load", "wmi_event")) {
            all.addAll(mappings.alternativesFor(new Logsource("windows", category, "")));
        }
        for (String service : List.of("security", "system", "application", "windefend", "taskscheduler", "wmi", "powershell")) {
            all.addAll(mappings.alternativesFor(new Logsource("windows", "", service)));
        }
        all.addAll(mappings.alternativesFor(new Logsource("", "webserver", "")));
        return all.toArray(new MappingAlternative[0]);
    }

    private static Event randomEvent(Random random)
    {
        List<String> pairs = new ArrayList<>();
        if (random.nextInt(5) > 0) {
            pairs.add(random.nextBoolean() ? "Channel" : "channel");
            pairs.add(caseOf(CHANNELS.get(random.nextInt(CHANNELS.size())), random));
        }
        if (random.nextInt(3) == 0) {
            pairs.add("Provider_Name");
            pairs.add(caseOf(PROVIDERS.get(random.nextInt(PROVIDERS.size())), random));
        }
        if (random.nextInt(6) > 0) {
            pairs.add(random.nextBoolean() ? "EventID" : "EventId");
            int[] ids = {1, 3, 4, 7, 10, 11, 12, 13, 22, 4104, 4688, 4624, 7045, 400, 1116, 5861, 106, 99};
            pairs.add(Integer.toString(ids[random.nextInt(ids.length)]));
        }
        return Events.event(LOGSOURCES.get(random.nextInt(LOGSOURCES.size())), pairs.toArray(new String[0]));
    }

    private static String caseOf(String value, Random random)
    {
        return switch (random.nextInt(4)) {
            case 0 -> value.toUpperCase(Locale.ROOT);
            case 1 -> value.toLowerCase(Locale.ROOT);
            default -> value;
        };
    }
}
