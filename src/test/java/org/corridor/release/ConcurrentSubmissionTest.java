package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corridor.ConflictException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many submissions of one reference at once, through the service and over HTTP: the same content
 * is stored once and every caller gets the first submission's answer; other content is a 409 that
 * says so. Never a 500, never a second request.
 */
class ConcurrentSubmissionTest {

    private static final int THREADS = 16;
    /** The server's agent of NIGC, in process. */
    private static final Actor AGENT = new Actor("beneficiary-agent", "BENEFICIARY_AGENT");

    private static TestServer server;

    @BeforeAll
    static void start() {
        Corridor corridor = TestCorridor.create(MutableClock.at("2024-07-17T06:00:00Z"));
        server = new TestServer(corridor);
        ReleaseFixtures.nigcUnderW20(corridor, "concurrent");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Releases releases() {
        return server.corridor().releases();
    }

    private static String body(String reference, String quantity) {
        return ReleaseHttpTest.REQUEST
                .replace("DR-2024-0777", reference)
                .replace("\"quantity\": \"1000\"", "\"quantity\": \"" + quantity + "\"");
    }

    private static NewRequest request(String reference, String quantity) {
        try {
            return org.corridor.http.JsonSupport.mapper().readValue(body(reference, quantity), NewRequest.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs every task at once (they wait for one another at a gate) and returns their outcomes. */
    private static <T> List<Outcome<T>> together(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch gate = new CountDownLatch(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    gate.countDown();
                    gate.await();
                    return task.call();
                }));
            }
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(), null));
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Outcome<T>(T value, Throwable failure) {}

    private static long submittedEntries(String reference, Instant from) {
        return server.corridor().audit().list(from.minusSeconds(1), from.plusSeconds(3600), 0, 10_000).stream()
                .filter(entry -> entry.action().equals("RELEASE_SUBMITTED"))
                .map(AuditEntry::subject)
                .filter(("release:" + reference)::equals)
                .count();
    }

    private static long stored(String reference) {
        return releases().list(java.util.Optional.empty(), Releases.MAX_PAGE).stream()
                .filter(release -> release.reference().equals(reference))
                .count();
    }

    @Test
    void sixteen_submissions_of_one_reference_store_it_once_and_all_get_the_first_answer() throws Exception {
        Instant before = server.corridor().clock().instant();
        NewRequest request = request("DR-SAME-SERVICE", "1000");
        List<Callable<Releases.Submission>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(() -> releases().submit(AGENT, request));
        }
        List<Outcome<Releases.Submission>> outcomes = together(tasks);

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        Releases.Submission first = outcomes.get(0).value();
        assertThat(outcomes).extracting(Outcome::value).containsOnly(first);
        assertThat(first.request().reference()).isEqualTo("DR-SAME-SERVICE");
        assertThat(stored("DR-SAME-SERVICE")).isEqualTo(1);
        assertThat(submittedEntries("DR-SAME-SERVICE", before)).isEqualTo(1);
    }

    @Test
    void concurrent_submissions_with_other_content_are_refused_with_a_conflict() throws Exception {
        NewRequest one = request("DR-DIFF-SERVICE", "1000");
        NewRequest other = request("DR-DIFF-SERVICE", "999");
        List<Callable<Releases.Submission>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            NewRequest mine = i % 2 == 0 ? one : other;
            tasks.add(() -> releases().submit(AGENT, mine));
        }
        List<Outcome<Releases.Submission>> outcomes = together(tasks);

        Release stored = releases().byReference("DR-DIFF-SERVICE");
        NewRequest winner = stored.request().lines().get(0).quantity().equals("1000") ? one : other;
        for (int i = 0; i < THREADS; i++) {
            Outcome<Releases.Submission> outcome = outcomes.get(i);
            if ((i % 2 == 0 ? one : other) == winner) {
                assertThat(outcome.failure()).as("thread %d", i).isNull();
                assertThat(outcome.value().request()).isEqualTo(stored);
            } else {
                assertThat(outcome.failure())
                        .as("thread %d", i)
                        .isInstanceOf(ConflictException.class)
                        .hasMessage("DR-DIFF-SERVICE was submitted with other content (lines differ)")
                        .extracting(failure -> ((ConflictException) failure).code())
                        .isEqualTo("RELEASE_EXISTS_WITH_DIFFERENT_CONTENT");
            }
        }
        assertThat(stored("DR-DIFF-SERVICE")).isEqualTo(1);
    }

    @Test
    void sixteen_submissions_over_http_all_answer_201_with_the_same_body() throws Exception {
        String body = body("DR-SAME-HTTP", "1000");
        List<Callable<ApiClient.Response>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(() -> server.as(Role.BENEFICIARY_AGENT).post("/api/v1/releases", body));
        }
        List<Outcome<ApiClient.Response>> outcomes = together(tasks);

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        List<ApiClient.Response> responses =
                outcomes.stream().map(Outcome::value).toList();
        assertThat(responses)
                .allSatisfy(response ->
                        assertThat(response.status()).as(response.body()).isEqualTo(201));
        assertThat(responses)
                .extracting(ApiClient.Response::body)
                .containsOnly(responses.get(0).body());
        assertThat(stored("DR-SAME-HTTP")).isEqualTo(1);
    }

    @Test
    void concurrent_submissions_over_http_with_other_content_answer_409_never_500() throws Exception {
        List<Callable<ApiClient.Response>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String body = body("DR-DIFF-HTTP", i % 2 == 0 ? "1000" : "999");
            tasks.add(() -> server.as(Role.BENEFICIARY_AGENT).post("/api/v1/releases", body));
        }
        List<Outcome<ApiClient.Response>> outcomes = together(tasks);

        List<ApiClient.Response> responses =
                outcomes.stream().map(Outcome::value).toList();
        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201, 409);
        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(THREADS / 2);
        assertThat(responses)
                .filteredOn(response -> response.status() == 409)
                .allSatisfy(response -> assertThat(response.json().get("code").asText())
                        .isEqualTo("RELEASE_EXISTS_WITH_DIFFERENT_CONTENT"));
        assertThat(stored("DR-DIFF-HTTP")).isEqualTo(1);
    }
}
