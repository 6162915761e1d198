package dev.tradecraft.flink.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import dev.tradecraft.flink.detect.DetectionSources;

/**
 * {@code flink run -c dev.tradecraft.flink.job.HuntJobMain tradecraft-flink.jar --bootstrap-servers HOST:9092 …}:
 * parses the options and runs {@link HuntJob}. Options (all {@code --name value}):
 * <pre>
 * --bootstrap-servers  Kafka brokers (required)
 * --input-topic        log records (default tradecraft-logs)
 * --hits-topic         hits (default tradecraft-hits)
 * --sightings-topic    sightings (default tradecraft-sightings)
 * --group-id           consumer group (default tradecraft-hunt)
 * --bounded            true: read what the topic holds at start, then finish (default false)
 * --guarantee          exactly-once | at-least-once | none (default exactly-once)
 * --checkpoint-ms      checkpoint interval (default 10000)
 * --transactional-id-prefix  (default tradecraft-hunt)
 * --rules DIR, --iocs FILE (repeatable), --mappings FILE: as for tradecraft hunt; built-in content without them
 * </pre>
 */
public final class HuntJobMain
{
    private static final Set<String> REPEATABLE = Set.of("rules", "iocs");
    private static final Set<String> KNOWN = Set.of("bootstrap-servers", "input-topic", "hits-topic", "group-id", "bounded", "guarantee",
            "checkpoint-ms", "transactional-id-prefix", "rules", "iocs", "mappings");

    private HuntJobMain() {}

    public static void main(String[] args) throws Exception
    {
        JobSettings settings = parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        HuntJob.define(env, settings);
        env.execute("tradecraft hunt " + settings.inputTopic() + " → " + settings.hitsTopic());
    }

    static JobSettings parse(String[] args)
    {
        Map<String, String> single = new HashMap<>();
        Map<String, List<String>> repeated = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
            }
            String name = args[i].substring(2);
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + String.join(", ", KNOWN.stream().sorted().toList()));
            }
            if (REPEATABLE.contains(name)) {
                repeated.computeIfAbsent(name, key -> new ArrayList<>()).add(args[i + 1]);
            }
            else {
                single.put(name, args[i + 1]);
            }
        }
        String bootstrap = single.get("bootstrap-servers");
        if (bootstrap == null) {
            throw new IllegalArgumentException("--bootstrap-servers is required");
        }
        DetectionSources detection = new DetectionSources(repeated.getOrDefault("rules", List.of()), repeated.getOrDefault("iocs", List.of()),
                single.getOrDefault("mappings", ""));
        return new JobSettings(bootstrap, single.getOrDefault("input-topic", "tradecraft-logs"), single.getOrDefault("hits-topic", "tradecraft-hits"),
                single.getOrDefault("sightings-topic", "tradecraft-sightings"),
                single.getOrDefault("group-id", "tradecraft-hunt"), Boolean.parseBoolean(single.getOrDefault("bounded", "false")),
                guarantee(single.getOrDefault("guarantee", "exactly-once")), single.getOrDefault("transactional-id-prefix", "tradecraft-hunt"),
                Long.parseLong(single.getOrDefault("checkpoint-ms", "10000")), detection);
    }

    private static DeliveryGuarantee guarantee(String name)
    {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
            case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
            case "none" -> DeliveryGuarantee.NONE;
            default -> throw new IllegalArgumentException("--guarantee must be exactly-once, at-least-once or none: " + name);
        };
    }
}
