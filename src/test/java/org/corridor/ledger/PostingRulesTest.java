package org.corridor.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.corridor.money.Currency;
import org.junit.jupiter.api.Test;

/**
 * The pure rules, one named result at a time: a case for every result of the catalogue that the
 * ledger itself decides, and cases where several rules are broken at once, decided by the first in
 * the catalogue's order.
 */
class PostingRulesTest {

    static final Instant NOW = Instant.parse("2024-07-05T09:00:00Z");
    static final Currency EUR = Currency.EUR;
    static final Currency IQD = Currency.IQD;

    // Accounts of the fixture.
    static final UUID PAYER = id(1);
    static final UUID RESTRICTED = id(2);
    static final UUID VENDOR = id(3);
    static final UUID BLOCKED = id(4);
    static final UUID CLOSED = id(5);
    static final UUID DINARS = id(6);
    static final UUID CAPPED = id(7);
    static final UUID FULL = id(8);
    static final UUID GUARDED = id(9);
    static final UUID MISSING = id(99);

    // Earlier transfers of the fixture.
    static final UUID DONE = id(100);
    static final UUID FAILED = id(101);
    static final UUID HOLD = id(102);
    static final UUID POSTED_HOLD = id(103);
    static final UUID VOIDED_HOLD = id(104);
    static final UUID EXPIRED_HOLD = id(105);
    static final UUID LAPSED_HOLD = id(106);
    static final UUID POSTING = id(107);
    static final UUID OPEN_HOLD = id(108);

    static UUID id(int n) {
        return new UUID(0x1000, n);
    }

    static UUID fresh() {
        return UUID.randomUUID();
    }

    /** A fresh fixture: each case evaluates against its own mutable accounts. */
    static PostingRules.State state() {
        Map<UUID, AccountState> accounts = new HashMap<>();
        add(accounts, PAYER, "EUR", 0, 0, 0, 0, 0);
        add(accounts, RESTRICTED, "EUR", AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS.bit(), 0, 0, 0, 1_000);
        add(accounts, VENDOR, "EUR", 0, 0, 0, 0, 0);
        add(
                accounts,
                BLOCKED,
                "EUR",
                AccountFlag.BLOCKED.bit() | AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS.bit(),
                0,
                0,
                0,
                1_000);
        add(accounts, CLOSED, "EUR", AccountFlag.CLOSED.bit() | AccountFlag.BLOCKED.bit(), 0, 0, 0, 0);
        add(accounts, DINARS, "IQD", 0, 0, 0, 0, 0);
        add(accounts, CAPPED, "EUR", AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS.bit(), 0, 100, 0, 0);
        add(
                accounts,
                GUARDED,
                "EUR",
                AccountFlag.RESTRICTED.bit() | AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS.bit(),
                0,
                0,
                0,
                1_000);
        add(
                accounts,
                FULL,
                "EUR",
                0,
                Long.MAX_VALUE - 10,
                Long.MAX_VALUE - 10,
                Long.MAX_VALUE - 10,
                Long.MAX_VALUE - 10);
        Map<UUID, TransferRow> existing = new HashMap<>();
        existing.put(DONE, row(DONE, TransferKind.POSTED, PAYER, RESTRICTED, 500, Optional.empty(), Optional.empty()));
        existing.put(
                FAILED,
                new TransferRow(
                        FAILED,
                        NOW.minusSeconds(60),
                        TransferKind.POSTED,
                        RESTRICTED,
                        VENDOR,
                        5_000,
                        "EUR",
                        "RELEASE",
                        Optional.empty(),
                        OptionalLong.empty(),
                        Optional.empty(),
                        Map.of(),
                        "{}",
                        Optional.of(TransferResult.EXCEEDS_CREDITS),
                        Optional.empty(),
                        Optional.empty()));
        existing.put(
                POSTING,
                row(
                        POSTING,
                        TransferKind.POST_PENDING,
                        RESTRICTED,
                        VENDOR,
                        300,
                        Optional.empty(),
                        Optional.of(POSTED_HOLD)));
        existing.put(
                OPEN_HOLD,
                row(
                        OPEN_HOLD,
                        TransferKind.PENDING,
                        RESTRICTED,
                        VENDOR,
                        300,
                        Optional.of(NOW.plusSeconds(3600)),
                        Optional.empty()));
        Map<UUID, TransferRow> holds = new HashMap<>();
        for (UUID hold : List.of(HOLD, POSTED_HOLD, VOIDED_HOLD, EXPIRED_HOLD)) {
            holds.put(
                    hold,
                    row(
                            hold,
                            TransferKind.PENDING,
                            RESTRICTED,
                            VENDOR,
                            300,
                            Optional.of(NOW.plusSeconds(3600)),
                            Optional.empty()));
        }
        holds.put(
                LAPSED_HOLD,
                row(
                        LAPSED_HOLD,
                        TransferKind.PENDING,
                        RESTRICTED,
                        VENDOR,
                        300,
                        Optional.of(NOW.minusSeconds(1)),
                        Optional.empty()));
        holds.put(DONE, existing.get(DONE));
        Map<UUID, TransferKind> resolutions = new HashMap<>();
        resolutions.put(POSTED_HOLD, TransferKind.POST_PENDING);
        resolutions.put(VOIDED_HOLD, TransferKind.VOID_PENDING);
        resolutions.put(EXPIRED_HOLD, TransferKind.EXPIRE_PENDING);
        return new PostingRules.State(accounts, existing, holds, resolutions);
    }

    static void add(
            Map<UUID, AccountState> accounts,
            UUID id,
            String currency,
            int flags,
            long debitsPending,
            long debitsPosted,
            long creditsPending,
            long creditsPosted) {
        accounts.put(
                id, new AccountState(id, currency, flags, debitsPending, debitsPosted, creditsPending, creditsPosted));
    }

    static TransferRow row(
            UUID id,
            TransferKind kind,
            UUID debit,
            UUID credit,
            long amount,
            Optional<Instant> expiresAt,
            Optional<UUID> pendingId) {
        return new TransferRow(
                id,
                NOW.minusSeconds(120),
                kind,
                debit,
                credit,
                amount,
                "EUR",
                kind == TransferKind.POSTED ? "DEPOSIT" : "RELEASE",
                pendingId,
                OptionalLong.empty(),
                expiresAt,
                Map.of(),
                "{}",
                Optional.empty(),
                Optional.of(Balances.ZERO),
                Optional.of(Balances.ZERO));
    }

    static TransferResult judge(NewTransfer transfer) {
        return PostingRules.evaluate(List.of(transfer), state(), NOW).results()[0];
    }

    static NewTransfer posted(UUID debit, UUID credit, long amount) {
        return NewTransfer.posted(fresh(), debit, credit, amount, EUR, "RELEASE");
    }

    static NewTransfer pending(UUID debit, UUID credit, long amount, Optional<Instant> expiresAt) {
        return NewTransfer.pending(fresh(), debit, credit, amount, EUR, "RELEASE", expiresAt);
    }

    static NewTransfer withKind(NewTransfer transfer, TransferKind kind) {
        return new NewTransfer(
                transfer.id(),
                kind,
                transfer.debitAccountId(),
                transfer.creditAccountId(),
                transfer.amountMinor(),
                transfer.currency(),
                transfer.code(),
                transfer.pendingId(),
                transfer.expiresAt(),
                transfer.linked(),
                transfer.references(),
                transfer.metadata());
    }

    static NewTransfer with(NewTransfer t, Function<NewTransfer, NewTransfer> change) {
        return change.apply(t);
    }

    /** One case per result the ledger decides (the edges decide the malformed-input ones). */
    static Map<TransferResult, NewTransfer> cases() {
        Map<TransferResult, NewTransfer> cases = new LinkedHashMap<>();
        NewTransfer good = posted(RESTRICTED, VENDOR, 10);
        cases.put(TransferResult.OK, good);
        cases.put(
                TransferResult.ID_MUST_NOT_BE_ZERO,
                NewTransfer.posted(NewTransfer.NONE, RESTRICTED, VENDOR, 10, EUR, "X"));
        cases.put(
                TransferResult.KIND_RESERVED_FOR_LEDGER,
                withKind(NewTransfer.voidPending(fresh(), HOLD, EUR), TransferKind.EXPIRE_PENDING));
        cases.put(TransferResult.DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO, posted(NewTransfer.NONE, VENDOR, 10));
        cases.put(TransferResult.CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO, posted(RESTRICTED, NewTransfer.NONE, 10));
        cases.put(TransferResult.ACCOUNTS_MUST_BE_DIFFERENT, posted(VENDOR, VENDOR, 10));
        cases.put(
                TransferResult.PENDING_ID_MUST_BE_ZERO,
                new NewTransfer(
                        fresh(),
                        TransferKind.POSTED,
                        RESTRICTED,
                        VENDOR,
                        10,
                        EUR,
                        "RELEASE",
                        Optional.of(HOLD),
                        Optional.empty(),
                        false,
                        Map.of(),
                        Map.of()));
        cases.put(
                TransferResult.PENDING_ID_MUST_NOT_BE_ZERO, NewTransfer.postPending(fresh(), NewTransfer.NONE, 0, EUR));
        UUID self = fresh();
        cases.put(TransferResult.PENDING_ID_MUST_BE_DIFFERENT, NewTransfer.postPending(self, self, 0, EUR));
        cases.put(
                TransferResult.EXPIRY_RESERVED_FOR_PENDING_TRANSFER,
                withKind(pending(RESTRICTED, VENDOR, 10, Optional.of(NOW.plusSeconds(60))), TransferKind.POSTED));
        cases.put(TransferResult.AMOUNT_MUST_BE_POSITIVE, posted(RESTRICTED, VENDOR, 0));
        cases.put(TransferResult.CODE_INVALID, NewTransfer.posted(fresh(), RESTRICTED, VENDOR, 10, EUR, "release"));
        cases.put(TransferResult.REFERENCES_INVALID, good.withReferences(Map.of("invoice", " ")));
        cases.put(TransferResult.METADATA_INVALID, good.withMetadata(Map.of("text", "x".repeat(9_000))));
        NewTransfer done = NewTransfer.posted(DONE, PAYER, RESTRICTED, 500, EUR, "DEPOSIT");
        cases.put(TransferResult.EXISTS, done);
        cases.put(
                TransferResult.EXISTS_WITH_DIFFERENT_KIND,
                NewTransfer.pending(DONE, PAYER, RESTRICTED, 500, EUR, "DEPOSIT", Optional.empty()));
        cases.put(
                TransferResult.EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID,
                NewTransfer.posted(DONE, VENDOR, RESTRICTED, 500, EUR, "DEPOSIT"));
        cases.put(
                TransferResult.EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID,
                NewTransfer.posted(DONE, PAYER, VENDOR, 500, EUR, "DEPOSIT"));
        cases.put(
                TransferResult.EXISTS_WITH_DIFFERENT_AMOUNT,
                NewTransfer.posted(DONE, PAYER, RESTRICTED, 501, EUR, "DEPOSIT"));
        cases.put(
                TransferResult.EXISTS_WITH_DIFFERENT_LEDGER,
                NewTransfer.posted(DONE, PAYER, RESTRICTED, 500, IQD, "DEPOSIT"));
        cases.put(
                TransferResult.EXISTS_WITH_DIFFERENT_CODE,
                NewTransfer.posted(DONE, PAYER, RESTRICTED, 500, EUR, "FEE"));
        cases.put(TransferResult.EXISTS_WITH_DIFFERENT_PENDING_ID, NewTransfer.postPending(POSTING, HOLD, 0, EUR));
        cases.put(
                TransferResult.EXISTS_WITH_DIFFERENT_EXPIRY,
                NewTransfer.pending(
                        OPEN_HOLD, RESTRICTED, VENDOR, 300, EUR, "RELEASE", Optional.of(NOW.plusSeconds(5))));
        cases.put(TransferResult.EXISTS_WITH_DIFFERENT_REFERENCES, done.withReferences(Map.of("invoice", "I-1")));
        cases.put(TransferResult.EXISTS_WITH_DIFFERENT_METADATA, done.withMetadata(Map.of("note", "x")));
        // An id that failed stays failed, whatever is sent under it.
        cases.put(TransferResult.EXCEEDS_CREDITS, NewTransfer.posted(FAILED, PAYER, VENDOR, 1, EUR, "RELEASE"));
        cases.put(TransferResult.PENDING_TRANSFER_NOT_FOUND, NewTransfer.postPending(fresh(), MISSING, 0, EUR));
        cases.put(TransferResult.PENDING_TRANSFER_NOT_PENDING, NewTransfer.postPending(fresh(), DONE, 0, EUR));
        cases.put(
                TransferResult.PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID,
                with(
                        NewTransfer.postPending(fresh(), HOLD, 0, EUR),
                        t -> new NewTransfer(
                                t.id(),
                                t.kind(),
                                PAYER,
                                NewTransfer.NONE,
                                0,
                                EUR,
                                "",
                                t.pendingId(),
                                t.expiresAt(),
                                false,
                                Map.of(),
                                Map.of())));
        cases.put(
                TransferResult.PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID,
                with(
                        NewTransfer.postPending(fresh(), HOLD, 0, EUR),
                        t -> new NewTransfer(
                                t.id(),
                                t.kind(),
                                RESTRICTED,
                                PAYER,
                                0,
                                EUR,
                                "",
                                t.pendingId(),
                                t.expiresAt(),
                                false,
                                Map.of(),
                                Map.of())));
        cases.put(TransferResult.PENDING_TRANSFER_HAS_DIFFERENT_LEDGER, NewTransfer.postPending(fresh(), HOLD, 0, IQD));
        cases.put(
                TransferResult.PENDING_TRANSFER_HAS_DIFFERENT_CODE,
                with(
                        NewTransfer.postPending(fresh(), HOLD, 0, EUR),
                        t -> new NewTransfer(
                                t.id(),
                                t.kind(),
                                NewTransfer.NONE,
                                NewTransfer.NONE,
                                0,
                                EUR,
                                "FEE",
                                t.pendingId(),
                                t.expiresAt(),
                                false,
                                Map.of(),
                                Map.of())));
        cases.put(TransferResult.EXCEEDS_PENDING_TRANSFER_AMOUNT, NewTransfer.postPending(fresh(), HOLD, 301, EUR));
        cases.put(
                TransferResult.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT,
                with(
                        NewTransfer.voidPending(fresh(), HOLD, EUR),
                        t -> new NewTransfer(
                                t.id(),
                                t.kind(),
                                NewTransfer.NONE,
                                NewTransfer.NONE,
                                299,
                                EUR,
                                "",
                                t.pendingId(),
                                t.expiresAt(),
                                false,
                                Map.of(),
                                Map.of())));
        cases.put(TransferResult.PENDING_TRANSFER_ALREADY_POSTED, NewTransfer.voidPending(fresh(), POSTED_HOLD, EUR));
        cases.put(
                TransferResult.PENDING_TRANSFER_ALREADY_VOIDED, NewTransfer.postPending(fresh(), VOIDED_HOLD, 0, EUR));
        cases.put(TransferResult.PENDING_TRANSFER_EXPIRED, NewTransfer.postPending(fresh(), LAPSED_HOLD, 0, EUR));
        cases.put(TransferResult.ACCOUNT_NOT_FOUND, posted(RESTRICTED, MISSING, 10));
        cases.put(TransferResult.LEDGER_MISMATCH, posted(RESTRICTED, DINARS, 10));
        cases.put(TransferResult.ACCOUNT_CLOSED, posted(PAYER, CLOSED, 10));
        cases.put(TransferResult.ACCOUNT_BLOCKED, posted(BLOCKED, VENDOR, 10));
        cases.put(TransferResult.ACCOUNT_RESTRICTED, NewTransfer.posted(fresh(), GUARDED, VENDOR, 10, EUR, "TRANSFER"));
        cases.put(TransferResult.EXPIRY_MUST_BE_IN_THE_FUTURE, pending(RESTRICTED, VENDOR, 10, Optional.of(NOW)));
        cases.put(TransferResult.OVERFLOWS_DEBITS_PENDING, pending(FULL, VENDOR, 11, Optional.empty()));
        cases.put(TransferResult.OVERFLOWS_CREDITS_PENDING, pending(VENDOR, FULL, 11, Optional.empty()));
        cases.put(TransferResult.OVERFLOWS_DEBITS_POSTED, posted(FULL, VENDOR, 11));
        cases.put(TransferResult.OVERFLOWS_CREDITS_POSTED, posted(VENDOR, FULL, 11));
        cases.put(TransferResult.OVERFLOWS_DEBITS, posted(FULL, VENDOR, 1));
        cases.put(TransferResult.OVERFLOWS_CREDITS, posted(VENDOR, FULL, 1));
        cases.put(TransferResult.EXCEEDS_DEBITS, posted(PAYER, CAPPED, 101));
        return cases;
    }

    /** Results only the HTTP and CLI edges give, or only linked batches (tested below). */
    static final Set<TransferResult> DECIDED_ELSEWHERE = EnumSet.of(
            TransferResult.LINKED_EVENT_FAILED,
            TransferResult.LINKED_EVENT_CHAIN_OPEN,
            TransferResult.ID_MALFORMED,
            TransferResult.KIND_UNKNOWN,
            TransferResult.DEBIT_ACCOUNT_ID_MALFORMED,
            TransferResult.CREDIT_ACCOUNT_ID_MALFORMED,
            TransferResult.PENDING_ID_MALFORMED,
            TransferResult.CURRENCY_UNKNOWN,
            TransferResult.AMOUNT_MALFORMED,
            TransferResult.AMOUNT_TOO_PRECISE,
            TransferResult.AMOUNT_OVERFLOW,
            TransferResult.EXPIRES_AT_MALFORMED,
            TransferResult.PENDING_TRANSFER_NOT_EXPIRED);

    @Test
    void every_result_of_the_catalogue_has_a_case_that_gives_it() {
        Map<TransferResult, NewTransfer> cases = cases();
        Set<TransferResult> covered = EnumSet.copyOf(cases.keySet());
        covered.addAll(DECIDED_ELSEWHERE);
        assertThat(covered).containsExactlyInAnyOrder(TransferResult.values());
        List<String> wrong = new ArrayList<>();
        cases.forEach((expected, transfer) -> {
            TransferResult actual = judge(transfer);
            if (actual != expected) {
                wrong.add(expected + " expected, got " + actual);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void when_several_rules_are_broken_the_first_in_the_catalogue_decides() {
        // Same accounts and a zero amount: the accounts come first.
        assertThat(judge(posted(VENDOR, VENDOR, 0))).isEqualTo(TransferResult.ACCOUNTS_MUST_BE_DIFFERENT);
        // A transfer alone is judged before its id is looked up.
        assertThat(judge(NewTransfer.posted(DONE, PAYER, RESTRICTED, 0, EUR, "DEPOSIT")))
                .isEqualTo(TransferResult.AMOUNT_MUST_BE_POSITIVE);
        // Of several differences from the earlier transfer, the amount comes before the code.
        assertThat(judge(NewTransfer.posted(DONE, PAYER, RESTRICTED, 1, EUR, "FEE")))
                .isEqualTo(TransferResult.EXISTS_WITH_DIFFERENT_AMOUNT);
        // An earlier transfer under the id is found before its accounts are looked at.
        assertThat(judge(NewTransfer.posted(DONE, PAYER, MISSING, 500, EUR, "DEPOSIT")))
                .isEqualTo(TransferResult.EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID);
        // A missing account before a currency mismatch, a mismatch before a closed or blocked account.
        assertThat(judge(posted(DINARS, MISSING, 10))).isEqualTo(TransferResult.ACCOUNT_NOT_FOUND);
        assertThat(judge(posted(BLOCKED, DINARS, 10))).isEqualTo(TransferResult.LEDGER_MISMATCH);
        assertThat(judge(posted(BLOCKED, CLOSED, 10))).isEqualTo(TransferResult.ACCOUNT_CLOSED);
        // A blocked account before its limit.
        assertThat(judge(posted(BLOCKED, VENDOR, 5_000))).isEqualTo(TransferResult.ACCOUNT_BLOCKED);
        // The hold is looked at before the accounts it names.
        assertThat(judge(NewTransfer.postPending(fresh(), VOIDED_HOLD, 301, EUR)))
                .isEqualTo(TransferResult.EXCEEDS_PENDING_TRANSFER_AMOUNT);
        // Overflow before the limit.
        assertThat(judge(posted(FULL, CAPPED, 11))).isEqualTo(TransferResult.OVERFLOWS_DEBITS_POSTED);
        // A restriction before the limit: a free transfer is refused whatever the balance.
        assertThat(judge(NewTransfer.posted(fresh(), GUARDED, VENDOR, 5_000, EUR, "TRANSFER")))
                .isEqualTo(TransferResult.ACCOUNT_RESTRICTED);
    }

    @Test
    void a_restricted_account_is_debited_only_by_the_channels_own_movements() {
        for (String code : ChannelCodes.DEBITING_RESTRICTED) {
            assertThat(judge(NewTransfer.posted(fresh(), GUARDED, VENDOR, 10, EUR, code)))
                    .as(code)
                    .isEqualTo(TransferResult.OK);
            assertThat(judge(NewTransfer.pending(fresh(), GUARDED, VENDOR, 10, EUR, code, Optional.empty())))
                    .as(code)
                    .isEqualTo(TransferResult.OK);
        }
        for (String code : List.of("TRANSFER", "WITHDRAWAL", "DEPOSIT", "FEE")) {
            assertThat(judge(NewTransfer.posted(fresh(), GUARDED, VENDOR, 10, EUR, code)))
                    .as(code)
                    .isEqualTo(TransferResult.ACCOUNT_RESTRICTED);
            assertThat(judge(NewTransfer.pending(fresh(), GUARDED, VENDOR, 10, EUR, code, Optional.empty())))
                    .as(code)
                    .isEqualTo(TransferResult.ACCOUNT_RESTRICTED);
        }
        // Crediting a restricted account is free: deposits arrive that way.
        assertThat(judge(NewTransfer.posted(fresh(), PAYER, GUARDED, 10, EUR, "DEPOSIT")))
                .isEqualTo(TransferResult.OK);
        // A blocked account is refused first, whatever the code.
        assertThat(judge(posted(BLOCKED, GUARDED, 10))).isEqualTo(TransferResult.ACCOUNT_BLOCKED);
    }

    /** Places {@code hold} through the channel, then judges {@code next} from {@code origin}. */
    static TransferResult judgeAfter(NewTransfer hold, NewTransfer next, PostingRules.Origin origin) {
        PostingRules.State state = state();
        PostingRules.Plan placed = PostingRules.evaluate(List.of(hold), state, NOW);
        assertThat(placed.results()[0]).isEqualTo(TransferResult.OK);
        Map<UUID, TransferRow> holds = new HashMap<>(state.holds());
        holds.put(hold.id(), placed.accepted().get(0));
        PostingRules.State withHold =
                new PostingRules.State(state.accounts(), state.existing(), holds, state.resolutions());
        return PostingRules.evaluate(List.of(next), origin, withHold, NOW).results()[0];
    }

    @Test
    void a_generic_edge_neither_debits_nor_credits_a_restricted_account_nor_touches_a_hold_on_one() {
        NewTransfer conversion = NewTransfer.posted(fresh(), GUARDED, VENDOR, 10, EUR, ChannelCodes.CONVERSION);
        assertThat(PostingRules.evaluate(List.of(conversion), PostingRules.Origin.EDGE, state(), NOW)
                        .results()[0])
                .isEqualTo(TransferResult.ACCOUNT_RESTRICTED);
        // Issue 15: a raw credit (even coded DEPOSIT) would put money into a restricted account with no
        // authorisation check and leave its lots behind its balance.
        NewTransfer deposit = NewTransfer.posted(fresh(), PAYER, GUARDED, 10, EUR, "DEPOSIT");
        assertThat(PostingRules.evaluate(List.of(deposit), PostingRules.Origin.EDGE, state(), NOW)
                        .results()[0])
                .isEqualTo(TransferResult.ACCOUNT_RESTRICTED);
        assertThat(PostingRules.evaluate(List.of(deposit), PostingRules.Origin.CHANNEL, state(), NOW)
                        .results()[0])
                .isEqualTo(TransferResult.OK);

        // A release's hold placed by the channel: the edge may neither post nor void it.
        NewTransfer hold =
                NewTransfer.pending(fresh(), GUARDED, VENDOR, 300, EUR, ChannelCodes.RELEASE, Optional.empty());
        assertThat(judgeAfter(hold, NewTransfer.postPending(fresh(), hold.id(), 0, EUR), PostingRules.Origin.EDGE))
                .isEqualTo(TransferResult.ACCOUNT_RESTRICTED);
        assertThat(judgeAfter(hold, NewTransfer.voidPending(fresh(), hold.id(), EUR), PostingRules.Origin.EDGE))
                .isEqualTo(TransferResult.ACCOUNT_RESTRICTED);
        assertThat(judgeAfter(hold, NewTransfer.voidPending(fresh(), hold.id(), EUR), PostingRules.Origin.CHANNEL))
                .isEqualTo(TransferResult.OK);
        assertThat(judgeAfter(hold, NewTransfer.postPending(fresh(), hold.id(), 0, EUR), PostingRules.Origin.CHANNEL))
                .isEqualTo(TransferResult.OK);
    }

    @Test
    void a_failed_member_fails_its_whole_chain_and_only_its_chain() {
        PostingRules.State state = state();
        NewTransfer first = posted(PAYER, RESTRICTED, 10).linkedToNext();
        NewTransfer second = posted(RESTRICTED, VENDOR, 5_000).linkedToNext();
        NewTransfer third = posted(PAYER, VENDOR, 10);
        NewTransfer alone = posted(PAYER, VENDOR, 7);
        PostingRules.Plan plan = PostingRules.evaluate(List.of(first, second, third, alone), state, NOW);
        assertThat(plan.results())
                .containsExactly(
                        TransferResult.LINKED_EVENT_FAILED,
                        TransferResult.EXCEEDS_CREDITS,
                        TransferResult.LINKED_EVENT_FAILED,
                        TransferResult.OK);
        assertThat(plan.accepted()).extracting(TransferRow::id).containsExactly(alone.id());
        assertThat(plan.failed()).extracting(TransferRow::id).containsExactly(second.id());
        assertThat(state.accounts().get(RESTRICTED).creditsPosted).isEqualTo(1_000);
        assertThat(state.accounts().get(VENDOR).creditsPosted).isEqualTo(7);
    }

    @Test
    void a_hold_made_and_posted_in_the_same_batch_is_posted() {
        PostingRules.State state = state();
        NewTransfer hold = pending(RESTRICTED, VENDOR, 400, Optional.of(NOW.plusSeconds(60)));
        NewTransfer post = NewTransfer.postPending(fresh(), hold.id(), 250, EUR);
        PostingRules.Plan plan = PostingRules.evaluate(List.of(hold, post), state, NOW);
        assertThat(plan.results()).containsExactly(TransferResult.OK, TransferResult.OK);
        AccountState restricted = state.accounts().get(RESTRICTED);
        assertThat(restricted.balances()).isEqualTo(new Balances(0, 250, 0, 1_000));
        assertThat(plan.accepted().get(1).code()).isEqualTo("RELEASE");
        assertThat(plan.accepted().get(1).pendingAmountMinor()).hasValue(400);
        assertThat(plan.timestamps()[1]).isAfter(plan.timestamps()[0]);
    }
}
