package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.audit.AuditEntry;
import org.corridor.audit.CanonicalJson;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The flood of issue 16: 1,000 requests with a bogus token and a 7,000-character path from one
 * address. Before, each was an ACCESS_REFUSED entry holding the whole path (the trail grew by about
 * 9 MB) and nothing limited the address. Now the address is limited and the trail grows by a few
 * short entries. {@code -Dcorridor.flood.requests=N} sends more.
 */
class RefusalFloodTest {

    static final int REQUESTS = Integer.getInteger("corridor.flood.requests", 1_000);
    static final int PER_MINUTE = 60;

    @Test
    void a_flood_of_bogus_tokens_is_limited_per_address_and_leaves_the_audit_trail_bounded() throws Exception {
        Map<String, String> environment =
                Map.of("CORRIDOR_UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE", Integer.toString(PER_MINUTE));
        try (TestServer server = new TestServer(TestCorridor.create(java.time.Clock.systemUTC(), environment))) {
            long entriesBefore = server.corridor().audit().size();
            String path = "/api/v1/accounts/" + "x".repeat(7_000);
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            long started = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                sent.add(pool.submit(() -> {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                    .header("Authorization", "Bearer cor_bogus" + n)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                            .incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            server.server().writeRefusalCounts();

            List<AuditEntry> added = server.corridor()
                    .audit()
                    .list(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(60), entriesBefore, 1_000);
            long bytes = added.stream().mapToLong(RefusalFloodTest::size).sum();
            long refusedTotal = added.stream()
                    .filter(entry -> entry.action().equals("ACCESS_REFUSED_COUNTED"))
                    .mapToLong(entry ->
                            CanonicalJson.read(entry.outcome()).path("refused").asLong())
                    .sum();
            long oneByOne = added.stream()
                    .filter(e -> e.action().equals("ACCESS_REFUSED"))
                    .count();

            assertThat(statuses.keySet()).as("only refusals").containsOnly(401, 429);
            assertThat(statuses.get(429).get()).as("the address was limited").isPositive();
            assertThat(statuses.get(401).get())
                    .as("sign-ins looked up, at most the minute's allowance and its refill")
                    .isLessThanOrEqualTo(PER_MINUTE + 10);
            assertThat(added.size()).as("entries added").isLessThanOrEqualTo(12);
            assertThat(bytes).as("bytes added to the trail").isLessThan(16_000);
            assertThat(added)
                    .allSatisfy(entry -> assertThat(entry.command().length()).isLessThan(600));
            assertThat(oneByOne + refusedTotal - countedOneByOne(added))
                    .as("every refusal is recorded or counted")
                    .isEqualTo(REQUESTS);

            String figures = String.format(
                    "flood: %,d requests with a bogus token and a 7,000-character path from one address in %.1f s"
                            + " (%.0f req/s): %s; the audit trail grew by %d entries, %,d bytes (%,.0f bytes per"
                            + " 1,000 refused requests)%n",
                    REQUESTS, seconds, REQUESTS / seconds, statuses, added.size(), bytes, bytes * 1000.0 / REQUESTS);
            System.out.print(figures);
            Path report = Path.of("target", "reliability", "flood.txt");
            Files.createDirectories(report.getParent());
            Files.writeString(report, figures);
        }
    }

    /** The refusals the counted entries say were recorded one by one (already counted as entries). */
    private static long countedOneByOne(List<AuditEntry> added) {
        return added.stream()
                .filter(entry -> entry.action().equals("ACCESS_REFUSED_COUNTED"))
                .map(entry -> CanonicalJson.read(entry.outcome()))
                .mapToLong(outcome -> outcome.path("recorded_one_by_one").asLong())
                .sum();
    }

    /** What the entry takes in the table, roughly: its text columns and hashes. */
    private static long size(AuditEntry entry) {
        return (long) entry.actor().length()
                + entry.actorRole().length()
                + entry.action().length()
                + entry.subject().length()
                + entry.command().length()
                + entry.outcome().length()
                + entry.versions().length()
                + 64
                + 64
                + 16;
    }
}
