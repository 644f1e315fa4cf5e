package org.corridor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.corridor.app.Corridor;
import org.corridor.identity.Role;
import org.corridor.ledger.AccountCode;
import org.corridor.ledger.NewAccount;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferResult;
import org.corridor.money.Currency;
import org.corridor.testing.TempFolders;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestDatabase;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's table of tamperings, each done by direct SQL as a superuser who can change any row
 * (the append-only triggers bypassed with {@code session_replication_role = replica}) but cannot
 * read the audit key: the chain alone (what {@code audit verify} checked before) calls the first
 * three intact; the signed checkpoints and the ledger's batch digests name each one.
 */
class TamperEvidenceTest {

    private static final Actor OPERATOR = new Actor("olga", "OPERATOR");
    private static final Currency EUR = Currency.EUR;

    private Corridor corridor;
    private UUID payer;
    private UUID restricted;
    private final List<UUID> transfers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        corridor = TestCorridor.create();
        payer = UUID.randomUUID();
        restricted = UUID.randomUUID();
        corridor.ledger()
                .createAccounts(
                        OPERATOR,
                        List.of(
                                NewAccount.of(payer, EUR, AccountCode.PAYER, "MoE"),
                                NewAccount.restricted(restricted, EUR, "NIGC")));
        for (int i = 1; i <= 12; i++) {
            UUID id = UUID.randomUUID();
            assertThat(corridor.ledger()
                            .post(OPERATOR, NewTransfer.posted(id, payer, restricted, i * 1_000_00L, EUR, "DEPOSIT"))
                            .result())
                    .isEqualTo(TransferResult.OK);
            transfers.add(id);
        }
        assertThat(corridor.audit().checkpoints().checkpoint()).isPresent();
    }

    @AfterEach
    void tearDown() {
        corridor.close();
    }

    @Test
    void an_untouched_trail_and_ledger_have_nothing_found_wrong() {
        TrailVerification trail = corridor.audit().checkpoints().verify();
        assertThat(trail.findings()).isEmpty();
        assertThat(trail.checkpointsChecked()).isEqualTo(1);
        assertThat(trail.latest().orElseThrow().seq())
                .isEqualTo(corridor.audit().size());
        assertThat(corridor.settlement().checkBooks().findings()).isEmpty();
        assertThat(corridor.settlement().checkBooks().ledger().transfers()).isEqualTo(12);
    }

    @Test
    void an_empty_chain_signs_nothing_and_makes_no_key_so_a_fresh_server_is_not_called_tampered() {
        try (Corridor empty = TestCorridor.create()) {
            assertThat(empty.audit().checkpoints().checkpoint()).isEmpty();
            assertThat(empty.config().safeguards().auditKeyIn(empty.config().dataDir()))
                    .doesNotExist();
            assertThat(empty.audit().checkpoints().verify().findings()).isEmpty();
        }
    }

    @Test
    void a_transfer_amount_changed_with_both_balances_adjusted_is_a_digest_mismatch() throws Exception {
        UUID last = transfers.get(transfers.size() - 1);
        // The thorough attacker: the row, the balances it recorded and both accounts agree.
        tamper(
                "update ledger_transfer set amount = amount + 500000, debit_debits_posted = debit_debits_posted"
                        + " + 500000, credit_credits_posted = credit_credits_posted + 500000 where id = '" + last + "'",
                "update ledger_account set debits_posted = debits_posted + 500000 where id = '" + payer + "'",
                "update ledger_account set credits_posted = credits_posted + 500000 where id = '" + restricted + "'");

        assertThat(corridor.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
        assertThat(corridor.ledger().transfer(last).orElseThrow().amountMinor()).isEqualTo(12_000_00L + 500000);
        assertThat(codes(corridor.settlement().checkBooks().findings())).containsExactly("TRANSFER_DIGEST_MISMATCH");
        assertThat(corridor.settlement().checkBooks().findings().get(0).detail())
                .contains(last.toString());
    }

    @Test
    void a_transfer_amount_changed_without_the_balances_is_named_twice_more() throws Exception {
        tamper("update ledger_transfer set amount = amount + 1 where id = '" + transfers.get(3) + "'");

        assertThat(codes(corridor.settlement().checkBooks().findings()))
                .contains("TRANSFER_DIGEST_MISMATCH", "TRANSFER_INCONSISTENT", "BALANCE_MISMATCH");
    }

    @Test
    void a_transfer_deleted_or_slipped_in_behind_the_ledger_is_named() throws Exception {
        UUID gone = transfers.get(5);
        tamper(
                "update ledger_account set debits_posted = debits_posted - 600000 where id = '" + payer + "'",
                "update ledger_account set credits_posted = credits_posted - 600000 where id = '" + restricted + "'",
                "delete from ledger_transfer where id = '" + gone + "'",
                "insert into ledger_transfer select (md5(id::text))::uuid, ts, kind, debit_account_id, credit_account_id,"
                        + " amount, currency, code, pending_id, pending_amount, expires_at, refs, metadata, failure,"
                        + " debit_debits_pending, debit_debits_posted, debit_credits_pending, debit_credits_posted,"
                        + " credit_debits_pending, credit_debits_posted, credit_credits_pending, credit_credits_posted,"
                        + " gen_random_uuid() from ledger_transfer where id = '" + transfers.get(0) + "'");

        assertThat(codes(corridor.settlement().checkBooks().findings()))
                .contains("TRANSFERS_MISSING", "TRANSFER_NOT_AUDITED");
    }

    @Test
    void entries_rewritten_to_another_actor_and_rehashed_contradict_the_signed_checkpoint() throws Exception {
        long head = corridor.audit().size();
        rewriteFrom(head - 8, entries -> {
            List<AuditEntry> forged = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                AuditEntry e = entries.get(i);
                forged.add(i < 6 ? withActor(e, "mallory") : e);
            }
            return forged;
        });

        assertThat(corridor.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
        assertThat(corridor.audit().entry(head - 8).orElseThrow().actor()).isEqualTo("mallory");
        TrailVerification trail = corridor.audit().checkpoints().verify();
        assertThat(codes(trail.findings())).containsExactly("CHAIN_REWRITTEN");
        assertThat(trail.findings().get(0).detail()).contains("entry " + head);
    }

    @Test
    void a_changed_amount_whose_digest_is_rewritten_and_rehashed_too_is_still_found() throws Exception {
        UUID last = transfers.get(transfers.size() - 1);
        tamper("update ledger_transfer set amount = 1 where id = '" + last + "'");
        long head = corridor.audit().size();
        rewriteFrom(
                head,
                entries -> List.of(withOutcome(
                        entries.get(0),
                        entries.get(0)
                                .outcome()
                                .replaceAll(
                                        "\"transfers_sha256\":\"[0-9a-f]{64}\"",
                                        "\"transfers_sha256\":\"" + "0".repeat(64) + "\""))));

        assertThat(corridor.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
        assertThat(codes(corridor.audit().checkpoints().verify().findings())).containsExactly("CHAIN_REWRITTEN");
    }

    @Test
    void the_last_entries_deleted_are_a_truncated_chain() throws Exception {
        long head = corridor.audit().size();
        tamper("delete from audit_entry where seq > " + (head - 5));

        assertThat(corridor.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
        TrailVerification trail = corridor.audit().checkpoints().verify();
        assertThat(codes(trail.findings())).containsExactly("CHAIN_TRUNCATED");
        assertThat(trail.findings().get(0).detail()).contains("ends at entry " + (head - 5), "signed entry " + head);
    }

    @Test
    void the_last_entries_replaced_by_forged_ones_are_a_rewritten_chain() throws Exception {
        long head = corridor.audit().size();
        rewriteFrom(
                head - 2,
                entries -> entries.stream().map(e -> withActor(e, "mallory")).toList());

        assertThat(codes(corridor.audit().checkpoints().verify().findings())).containsExactly("CHAIN_REWRITTEN");
    }

    @Test
    void two_entries_swapped_and_rehashed_are_a_reordered_chain() throws Exception {
        long head = corridor.audit().size();
        rewriteFrom(head - 4, entries -> {
            List<AuditEntry> swapped = new ArrayList<>(entries);
            swapped.set(1, entries.get(2));
            swapped.set(2, entries.get(1));
            return swapped;
        });

        assertThat(corridor.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
        assertThat(codes(corridor.audit().checkpoints().verify().findings()))
                .contains("CHAIN_REORDERED", "CHAIN_REWRITTEN");
    }

    @Test
    void one_row_edited_or_one_middle_entry_deleted_breaks_the_chain_itself() throws Exception {
        tamper("update audit_entry set actor = 'mallory' where seq = 3");
        assertThat(codes(corridor.audit().checkpoints().verify().findings())).containsExactly("HASH_MISMATCH");

        tamper("update audit_entry set actor = 'olga' where seq = 3", "delete from audit_entry where seq = 5");
        assertThat(codes(corridor.audit().checkpoints().verify().findings())).containsExactly("SEQUENCE_GAP");
    }

    @Test
    void a_checkpoint_file_edited_forged_or_removed_is_named() throws Exception {
        Path file = corridor.config()
                .safeguards()
                .auditCheckpointsIn(corridor.config().dataDir());
        String line = Files.readString(file);

        // The signed hash edited to fit a rehashed chain: the signature no longer holds.
        Files.writeString(file, line.replaceFirst("\"hash\":\"[0-9a-f]", "\"hash\":\"x"));
        assertThat(codes(corridor.audit().checkpoints().verify().findings())).contains("CHECKPOINT_SIGNATURE_INVALID");

        // Signed with a key of the attacker's own: not the key Corridor holds.
        Path forgedKey = TempFolders.create("forged").resolve("forged.key");
        Checkpoint forged = Checkpoint.sign(
                corridor.audit().head().orElseThrow(),
                corridor.clock().instant(),
                SigningKey.loadOrCreate(forgedKey),
                Checkpoint.FIRST);
        Files.writeString(file, forged.toJson() + "\n");
        assertThat(codes(corridor.audit().checkpoints().verify().findings())).containsExactly("CHECKPOINT_KEY_UNKNOWN");

        // Removed: the key exists, so checkpoints were made.
        Files.delete(file);
        assertThat(codes(corridor.audit().checkpoints().verify().findings())).containsExactly("CHECKPOINTS_MISSING");
    }

    @Test
    void a_checkpoint_kept_elsewhere_finds_a_truncation_after_the_checkpoint_file_is_gone() throws Exception {
        Path file = corridor.config()
                .safeguards()
                .auditCheckpointsIn(corridor.config().dataDir());
        Path kept = TempFolders.create("examiner").resolve("checkpoint.json");
        Files.copy(file, kept);
        Files.delete(file);
        long head = corridor.audit().size();
        tamper("delete from audit_entry where seq > " + (head - 3));

        assertThat(codes(corridor.audit()
                        .checkpoints()
                        .verify(java.util.Optional.of(kept))
                        .findings()))
                .containsExactly("CHAIN_TRUNCATED");
    }

    @Test
    void the_api_that_feeds_the_dashboard_names_a_chain_cut_short() throws Exception {
        try (TestServer server = new TestServer(corridor)) {
            assertThat(server.as(Role.AUDITOR)
                            .get("/api/v1/audit/verify")
                            .json()
                            .get("intact")
                            .asBoolean())
                    .isTrue();
            corridor.audit().checkpoints().checkpoint();
            long head = corridor.audit().size();
            tamper("delete from audit_entry where seq > " + (head - 5));

            JsonNode verification =
                    server.as(Role.AUDITOR).get("/api/v1/audit/verify").json();
            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertThat(verification.get("reason").asText()).isEqualTo("CHAIN_TRUNCATED");
            assertThat(verification.get("findings").get(0).get("code").asText()).isEqualTo("CHAIN_TRUNCATED");
        }
    }

    // ---------------------------------------------------------------- tampering

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    private static AuditEntry withActor(AuditEntry e, String actor) {
        return new AuditEntry(
                e.seq(),
                e.recordedAt(),
                actor,
                e.actorRole(),
                e.action(),
                e.subject(),
                e.command(),
                e.outcome(),
                e.versions(),
                e.previousHash(),
                e.hash());
    }

    private static AuditEntry withOutcome(AuditEntry e, String outcome) {
        return new AuditEntry(
                e.seq(),
                e.recordedAt(),
                e.actor(),
                e.actorRole(),
                e.action(),
                e.subject(),
                e.command(),
                outcome,
                e.versions(),
                e.previousHash(),
                e.hash());
    }

    /** Runs statements as a superuser with every trigger off, as the attacker did. */
    private void tamper(String... statements) throws SQLException {
        try (Connection connection = superuser();
                Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Replaces the entries from {@code fromSeq} on with what {@code forge} makes of them, numbered in
     * order and rehashed with plain SHA-256 from the entry before: a chain that proves only itself.
     */
    private void rewriteFrom(long fromSeq, UnaryOperator<List<AuditEntry>> forge) throws SQLException {
        List<AuditEntry> tail = new ArrayList<>();
        corridor.audit().export(fromSeq, Long.MAX_VALUE, tail::add);
        String previous =
                corridor.audit().entry(fromSeq - 1).map(AuditEntry::hash).orElse(AuditEntry.GENESIS_HASH);
        List<AuditEntry> forged = forge.apply(tail);
        try (Connection connection = superuser();
                Statement statement = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement("insert into audit_entry (seq, recorded_at,"
                        + " actor, actor_role, action, subject, command, outcome, versions, previous_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.execute("set session_replication_role = replica");
            statement.execute("delete from audit_entry where seq >= " + fromSeq);
            long seq = fromSeq;
            for (AuditEntry e : forged) {
                AuditEntry unhashed = new AuditEntry(
                        seq,
                        e.recordedAt(),
                        e.actor(),
                        e.actorRole(),
                        e.action(),
                        e.subject(),
                        e.command(),
                        e.outcome(),
                        e.versions(),
                        previous,
                        "");
                String hash = unhashed.computeHash();
                insert.setLong(1, seq);
                insert.setObject(2, OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
                insert.setString(3, e.actor());
                insert.setString(4, e.actorRole());
                insert.setString(5, e.action());
                insert.setString(6, e.subject());
                insert.setString(7, e.command());
                insert.setString(8, e.outcome());
                insert.setString(9, e.versions());
                insert.setString(10, previous);
                insert.setString(11, hash);
                insert.executeUpdate();
                previous = hash;
                seq++;
            }
        }
    }

    private Connection superuser() throws SQLException {
        return TestDatabase.superuser(corridor.database().pool().getJdbcUrl());
    }
}
