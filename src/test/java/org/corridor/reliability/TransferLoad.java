package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.corridor.app.Corridor;
import org.corridor.audit.ChainVerification;
import org.corridor.ledger.Balances;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.TransferIds;
import org.corridor.testing.ExternalPostgres;
import org.corridor.testing.FundedAccounts;

/**
 * Single transfers over the API from many clients, each to one server and moving to the next when
 * its server is dead, for the tests that kill servers or databases mid-run (issue 21). Remembers
 * what each transfer's client was told: accepted (200), refused (422), or unknown (anything else:
 * the server or its database was lost while it answered).
 */
final class TransferLoad {

    static final int ACCOUNTS = 24;

    final List<Integer> ports;
    final String token;
    final List<UUID> accounts;
    final Map<UUID, Boolean> acknowledged = new ConcurrentHashMap<>();
    final Map<UUID, Boolean> unknown = new ConcurrentHashMap<>();
    final Set<Integer> dead = ConcurrentHashMap.newKeySet();
    /** Transfers accepted, per server port. */
    final Map<Integer, AtomicLong> acceptedBy = new ConcurrentHashMap<>();

    /** The last answer that was neither acceptance nor refusal, for a failing test's message. */
    volatile String lastFailure = "none";

    private volatile boolean stopped;
    private ExecutorService clients;
    private final List<Future<?>> running = new ArrayList<>();

    TransferLoad(List<Integer> ports, String token, List<UUID> accounts) {
        this.ports = ports;
        this.token = token;
        this.accounts = accounts;
        ports.forEach(port -> acceptedBy.put(port, new AtomicLong()));
    }

    /** Starts {@code count} clients, which send until {@link #stop}. */
    void start(int count) {
        clients = Executors.newFixedThreadPool(count);
        for (int c = 0; c < count; c++) {
            int client = c;
            running.add(clients.submit(() -> run(client)));
        }
    }

    /** Stops the clients and waits for their last answers. */
    void stop() throws Exception {
        stopped = true;
        for (Future<?> each : running) {
            each.get();
        }
        clients.shutdown();
    }

    long accepted() {
        return acceptedBy.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private void run(int client) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        SplittableRandom random = new SplittableRandom(client);
        int server = client % ports.size();
        while (!stopped) {
            while (dead.contains(ports.get(server))) {
                server = (server + 1) % ports.size();
            }
            UUID id = TransferIds.next();
            UUID from = accounts.get(random.nextInt(ACCOUNTS));
            UUID to = accounts.get(random.nextInt(ACCOUNTS));
            if (from.equals(to)) {
                continue;
            }
            // A tenth overdraw their account: refused, and only they.
            long amount = random.nextInt(10) == 0 ? 10_000_000 : 1 + random.nextInt(500);
            int port = ports.get(server);
            try {
                HttpResponse<String> response =
                        http.send(request(port, id, from, to, amount), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    acknowledged.put(id, true);
                    acceptedBy.get(port).incrementAndGet();
                } else if (response.statusCode() == 422) {
                    acknowledged.put(id, false);
                } else {
                    unknown.put(id, true);
                    lastFailure = response.statusCode() + " " + response.body();
                    pause();
                }
            } catch (java.io.IOException e) {
                unknown.put(id, true);
                lastFailure = e.toString();
                server = (server + 1) % ports.size();
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** After a failure, so that clients do not spin while a database is being replaced. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest request(int port, UUID id, UUID from, UUID to, long amount) {
        String body = "{\"transfers\":[{\"id\":\"" + id + "\",\"debit_account_id\":\"" + from
                + "\",\"credit_account_id\":\"" + to + "\",\"amount\":\"" + (amount / 100) + "."
                + String.format(Locale.ROOT, "%02d", amount % 100)
                + "\",\"currency\":\"EUR\",\"code\":\"TRANSFER\"}]}";
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/transfers"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** {@value #ACCOUNTS} funded EUR accounts flagged DEBITS_MUST_NOT_EXCEED_CREDITS. */
    static List<UUID> openAccounts(Ledger ledger) {
        return FundedAccounts.open(ledger, ACCOUNTS, 100_000);
    }

    /** The environment of servers on the database at {@code url}, as the role the tests create, unthrottled. */
    static Map<String, String> database(String url, Map<String, String> more) {
        Map<String, String> environment = new java.util.HashMap<>(more);
        environment.put("CORRIDOR_DB_URL", url);
        environment.put("CORRIDOR_DB_USER", ExternalPostgres.USER);
        environment.put("CORRIDOR_DB_PASSWORD", ExternalPostgres.PASSWORD);
        environment.put("CORRIDOR_RATE_LIMIT_PER_MINUTE", "1000000");
        return Map.copyOf(environment);
    }

    /**
     * The books after the run: the ledger's own check (balanced per currency, balances equal the
     * sums of their transfers, batch digests match their audit entries), the audit chain intact,
     * every acknowledged transfer present and every refused one absent, no flagged account past
     * its credits.
     */
    void assertBooksHold(Corridor corridor) {
        Ledger ledger = corridor.ledger();
        assertThat(ledger.check().findings()).as("the ledger's own check").isEmpty();
        assertThat(corridor.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
        assertThat(acknowledged).as("acknowledged transfers").isNotEmpty();
        acknowledged.forEach((id, accepted) -> assertThat(ledger.transfer(id).isPresent())
                .as("transfer " + id + " acknowledged as " + (accepted ? "accepted" : "refused"))
                .isEqualTo(accepted));
        for (UUID account : accounts) {
            Balances balances = ledger.balances(account);
            assertThat(balances.debitsPosted() + balances.debitsPending())
                    .as("a flagged account within its credits")
                    .isLessThanOrEqualTo(balances.creditsPosted());
        }
    }
}
