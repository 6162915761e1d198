package dev.tradecraft.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.tradecraft.core.Hit;
import dev.tradecraft.flink.detect.DetectionSources;
import dev.tradecraft.flink.send.LogTreeSender;
import dev.tradecraft.hunt.LogFile;
import dev.tradecraft.hunt.output.HitJson;

/**
 * Exactly-once across a crash: the job (checkpointed, transactional sink) has committed the hits
 * of the first half of a world and written, but not committed, those of the second half when its
 * task manager is killed. Restored from the checkpoint on a new task manager, it reads the second
 * half again; what a read-committed consumer sees of the hits topic is then every hit of the
 * embedded hunt exactly once, though the topic physically holds the aborted first attempt too.
 *
 * <p>Checkpoints are triggered by the test, not by a timer, so the crash always falls between a
 * checkpoint and the next, whatever the machine's speed.
 */
class TestFlinkJobRestart
{
    private static final Duration WAIT = Duration.ofSeconds(40);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path temp;

    private static KafkaBroker kafka;
    private static HuntedWorld world;

    @BeforeAll
    static void startKafka() throws Exception
    {
        kafka = KafkaBroker.start();
        world = HuntedWorld.create(temp.resolve("world"));
    }

    @AfterAll
    static void stopKafka() throws Exception
    {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void testKilledJobRestoredFromCheckpointNeitherLosesNorDuplicatesHits(@InjectMiniCluster MiniCluster cluster) throws Exception
    {
        kafka.createTopic("logs", 4);
        kafka.createTopic("hits", 2);
        List<LogFile> firstHalf = world.files().subList(0, world.files().size() / 2);
        List<LogFile> secondHalf = world.files().subList(world.files().size() / 2, world.files().size());
        int firstHalfHits = hitsIn(firstHalf).size();
        assertTrue(firstHalfHits > 0 && hitsIn(secondHalf).size() > 0, "both halves of the world give hits");

        send(firstHalf);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        env.configure(restarts);
        env.setParallelism(2);
        // An interval longer than the test: every checkpoint is one the test triggers.
        HuntJob.define(env, new JobSettings(kafka.bootstrapServers(), "logs", "hits", "sightings", "restart", false, DeliveryGuarantee.EXACTLY_ONCE,
                "restart", Duration.ofMinutes(30).toMillis(), DetectionSources.builtIn()));
        JobClient job = env.executeAsync("restart");
        try {
            JobID id = job.getJobID();
            awaitRecords(false, firstHalfHits);
            checkpoint(cluster, id);
            assertEquals(firstHalfHits, awaitRecords(true, firstHalfHits), "the checkpoint committed the first half's hits");

            send(secondHalf);
            awaitRecords(false, world.hits().size());
            assertEquals(firstHalfHits, kafka.readAll("hits", WAIT).size(), "the second half's hits are written but not committed");

            cluster.terminateTaskManager(0).get();
            cluster.startTaskManager();
            while (kafka.readAll("hits", WAIT).size() < world.hits().size()) {
                checkpoint(cluster, id);
            }
            assertEquals(JobStatus.RUNNING, job.getJobStatus().get());
        }
        finally {
            job.cancel().get();
        }

        List<String> committed = values(kafka.readAll("hits", WAIT));
        Set<String> expected = new TreeSet<>(world.hits().stream().map(HitJson::toJson).toList());
        assertEquals(expected, new TreeSet<>(committed));
        assertEquals(expected.size(), committed.size(), "no hit committed twice");
        assertTrue(kafka.readAll("hits", false, WAIT).size() > committed.size(),
                "the attempt before the crash wrote hits that were then aborted, so the crash did fall between checkpoints");
    }

    private List<Hit> hitsIn(List<LogFile> files)
    {
        Set<String> names = new HashSet<>();
        for (LogFile file : files) {
            names.add(file.displayName());
        }
        return world.hits().stream().filter(hit -> names.contains(hit.position().file())).toList();
    }

    private static void send(List<LogFile> files) throws Exception
    {
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            LogTreeSender.Summary sent = new LogTreeSender(producer, "logs").send(files);
            assertEquals(List.of(), sent.skipped());
        }
    }

    /** Triggers a checkpoint, retrying while the restarted job's tasks are still being deployed. */
    private static void checkpoint(MiniCluster cluster, JobID id) throws Exception
    {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                cluster.triggerCheckpoint(id).get();
                return;
            }
            catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Waits until the hits topic holds at least {@code count} records (committed ones, or all); returns how many. */
    private static int awaitRecords(boolean committed, int count) throws InterruptedException
    {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            int found = kafka.readAll("hits", committed, WAIT).size();
            if (found >= count) {
                return found;
            }
            assertFalse(System.nanoTime() > deadline, "hits topic holds " + found + " records, expected " + count + " within " + WAIT);
            Thread.sleep(100);
        }
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records)
    {
        List<String> values = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            values.add(new String(record.value(), StandardCharsets.UTF_8));
        }
        return values;
    }
}
