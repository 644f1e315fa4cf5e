package org.corridor.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.ledger.TransferResult.ACCOUNTS_MUST_BE_DIFFERENT;
import static org.corridor.ledger.TransferResult.EXCEEDS_CREDITS;
import static org.corridor.ledger.TransferResult.EXISTS;
import static org.corridor.ledger.TransferResult.LINKED_EVENT_CHAIN_OPEN;
import static org.corridor.ledger.TransferResult.LINKED_EVENT_FAILED;
import static org.corridor.ledger.TransferResult.OK;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.money.Currency;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scenario's flows on a real database: deposits into restricted accounts, holds posted in part,
 * voided or expired, a currency conversion as a linked pair, balances at past instants and paged
 * statements.
 */
class LedgerTest {

    static final Actor OPERATOR = new Actor("olga", "OPERATOR");
    static final Currency IQD = Currency.IQD;
    static final Currency EUR = Currency.EUR;

    private static MutableClock clock;
    private static Corridor corridor;
    private static Ledger ledger;

    @BeforeAll
    static void start() {
        clock = MutableClock.at("2024-07-01T06:00:00Z");
        corridor = TestCorridor.create(clock);
        ledger = corridor.ledger();
    }

    @AfterAll
    static void stop() {
        corridor.close();
    }

    /** A payer, a restricted account funded from it, and a vendor, all in one currency. */
    record Book(UUID payer, UUID restricted, UUID vendor) {}

    static Book book(Currency currency, long deposit) {
        Book book = new Book(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<AccountOutcome> created = ledger.createAccounts(
                OPERATOR,
                List.of(
                        NewAccount.of(book.payer(), currency, AccountCode.PAYER, "MoE"),
                        NewAccount.restricted(book.restricted(), currency, "NIGC"),
                        NewAccount.of(book.vendor(), currency, AccountCode.VENDOR, "Alpenmed Pharma AG")));
        assertThat(created).allMatch(outcome -> outcome.result() == AccountResult.OK);
        if (deposit > 0) {
            assertThat(ledger.post(
                                    OPERATOR,
                                    NewTransfer.posted(
                                            UUID.randomUUID(),
                                            book.payer(),
                                            book.restricted(),
                                            deposit,
                                            currency,
                                            "DEPOSIT"))
                            .result())
                    .isEqualTo(OK);
        }
        return book;
    }

    @Test
    void a_deposit_moves_posted_balances_and_is_in_the_audit_trail() {
        Book book = book(IQD, 0);
        UUID id = UUID.randomUUID();
        NewTransfer deposit = NewTransfer.posted(
                        id, book.payer(), book.restricted(), 332_547_930_000_000L, IQD, "DEPOSIT")
                .withReferences(Map.of("invoice", "INV-2024-06-NIGC"))
                .withMetadata(Map.of("rate", "1404", "note", "June gas"));
        TransferOutcome outcome = ledger.post(OPERATOR, deposit);
        assertThat(outcome.result()).isEqualTo(OK);
        assertThat(outcome.timestamp()).isPresent();

        Account restricted = ledger.requireAccount(book.restricted());
        assertThat(restricted.balances()).isEqualTo(new Balances(0, 0, 0, 332_547_930_000_000L));
        assertThat(restricted.postedCreditBalance().toString()).isEqualTo("IQD 332547930000.000");
        assertThat(ledger.requireAccount(book.payer()).balances().debitsPosted())
                .isEqualTo(332_547_930_000_000L);

        Transfer stored = ledger.transfer(id).orElseThrow();
        assertThat(stored.references()).containsEntry("invoice", "INV-2024-06-NIGC");
        assertThat(stored.metadata()).containsEntry("note", "June gas");
        assertThat(stored.creditAccountBalances().creditsPosted()).isEqualTo(332_547_930_000_000L);
        assertThat(ledger.transfersByReference("invoice", "INV-2024-06-NIGC", 10))
                .extracting(Transfer::id)
                .containsExactly(id);

        List<AuditEntry> entries =
                corridor.audit().list(Instant.EPOCH, Instant.now().plusSeconds(3600 * 24 * 365 * 10L), 0, 1000);
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("LEDGER_TRANSFERS_POSTED");
            assertThat(entry.subject()).isEqualTo("transfer:" + id);
            assertThat(entry.outcome()).contains("\"accepted\":1");
        });
    }

    @Test
    void a_hold_reserves_funds_and_a_partial_post_releases_the_rest() {
        Book book = book(EUR, 5_000_000_00L);
        UUID hold = UUID.randomUUID();
        assertThat(ledger.post(
                                OPERATOR,
                                NewTransfer.pending(
                                        hold,
                                        book.restricted(),
                                        book.vendor(),
                                        4_704_000_00L,
                                        EUR,
                                        "RELEASE",
                                        Optional.of(clock.instant().plus(Duration.ofDays(7)))))
                        .result())
                .isEqualTo(OK);
        assertThat(ledger.holdState(hold)).contains(HoldState.PENDING);
        Balances held = ledger.balances(book.restricted());
        assertThat(held.debitsPending()).isEqualTo(4_704_000_00L);
        assertThat(held.availableCreditBalance()).isEqualTo(296_000_00L);

        // The hold keeps the reserved funds from being spent twice.
        assertThat(ledger.post(
                                OPERATOR,
                                NewTransfer.posted(
                                        UUID.randomUUID(),
                                        book.restricted(),
                                        book.vendor(),
                                        300_000_00L,
                                        EUR,
                                        "RELEASE"))
                        .result())
                .isEqualTo(EXCEEDS_CREDITS);

        TransferOutcome posted =
                ledger.post(OPERATOR, NewTransfer.postPending(UUID.randomUUID(), hold, 4_500_000_00L, EUR));
        assertThat(posted.result()).isEqualTo(OK);
        assertThat(ledger.holdState(hold)).contains(HoldState.POSTED);
        assertThat(ledger.balances(book.restricted())).isEqualTo(new Balances(0, 4_500_000_00L, 0, 5_000_000_00L));
        assertThat(ledger.balances(book.vendor())).isEqualTo(new Balances(0, 0, 0, 4_500_000_00L));

        assertThat(ledger.post(OPERATOR, NewTransfer.postPending(UUID.randomUUID(), hold, 0, EUR))
                        .result())
                .isEqualTo(TransferResult.PENDING_TRANSFER_ALREADY_POSTED);
        assertThat(ledger.post(OPERATOR, NewTransfer.voidPending(UUID.randomUUID(), hold, EUR))
                        .result())
                .isEqualTo(TransferResult.PENDING_TRANSFER_ALREADY_POSTED);
    }

    @Test
    void a_post_of_zero_posts_the_whole_hold_and_a_void_releases_it() {
        Book book = book(EUR, 1_000_00L);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<TransferOutcome> holds = ledger.post(
                OPERATOR,
                List.of(
                        NewTransfer.pending(
                                first, book.restricted(), book.vendor(), 400_00L, EUR, "RELEASE", Optional.empty()),
                        NewTransfer.pending(
                                second, book.restricted(), book.vendor(), 600_00L, EUR, "RELEASE", Optional.empty())));
        assertThat(holds).extracting(TransferOutcome::result).containsExactly(OK, OK);
        List<TransferOutcome> resolved = ledger.post(
                OPERATOR,
                List.of(
                        NewTransfer.postPending(UUID.randomUUID(), first, 0, EUR),
                        NewTransfer.voidPending(UUID.randomUUID(), second, EUR)));
        assertThat(resolved).extracting(TransferOutcome::result).containsExactly(OK, OK);
        assertThat(ledger.transfer(resolved.get(0).id()).orElseThrow().amountMinor())
                .isEqualTo(400_00L);
        assertThat(ledger.holdState(second)).contains(HoldState.VOIDED);
        assertThat(ledger.balances(book.restricted())).isEqualTo(new Balances(0, 400_00L, 0, 1_000_00L));
        assertThat(ledger.post(OPERATOR, NewTransfer.postPending(UUID.randomUUID(), second, 0, EUR))
                        .result())
                .isEqualTo(TransferResult.PENDING_TRANSFER_ALREADY_VOIDED);
    }

    @Test
    void an_expired_hold_is_voided_by_the_ledger_lazily_or_by_the_expiry_job() {
        Book book = book(EUR, 1_000_00L);
        UUID lazy = UUID.randomUUID();
        UUID scheduled = UUID.randomUUID();
        Instant expiry = clock.instant().plus(Duration.ofHours(1));
        ledger.post(
                OPERATOR,
                List.of(
                        NewTransfer.pending(
                                lazy, book.restricted(), book.vendor(), 300_00L, EUR, "RELEASE", Optional.of(expiry)),
                        NewTransfer.pending(
                                scheduled,
                                book.restricted(),
                                book.vendor(),
                                200_00L,
                                EUR,
                                "RELEASE",
                                Optional.of(expiry))));
        assertThat(ledger.balances(book.restricted()).debitsPending()).isEqualTo(500_00L);

        clock.advance(Duration.ofHours(2));
        UUID late = UUID.randomUUID();
        assertThat(ledger.post(OPERATOR, NewTransfer.postPending(late, lazy, 0, EUR))
                        .result())
                .isEqualTo(TransferResult.PENDING_TRANSFER_EXPIRED);
        assertThat(ledger.holdState(lazy)).contains(HoldState.EXPIRED);
        Transfer expiryOfLazy = ledger.transfer(CarefulPosting.expiryIdOf(lazy)).orElseThrow();
        assertThat(expiryOfLazy.kind()).isEqualTo(TransferKind.EXPIRE_PENDING);
        assertThat(expiryOfLazy.pendingAmountMinor()).hasValue(300_00L);
        assertThat(ledger.balances(book.restricted()).debitsPending()).isEqualTo(200_00L);

        assertThat(ledger.expireHolds()).isGreaterThanOrEqualTo(1);
        assertThat(ledger.holdState(scheduled)).contains(HoldState.EXPIRED);
        assertThat(ledger.balances(book.restricted())).isEqualTo(new Balances(0, 0, 0, 1_000_00L));
        assertThat(ledger.expireHolds()).isZero();
        // The failed post stays failed.
        assertThat(ledger.post(OPERATOR, NewTransfer.postPending(late, lazy, 0, EUR))
                        .result())
                .isEqualTo(TransferResult.PENDING_TRANSFER_EXPIRED);
    }

    @Test
    void a_conversion_is_a_linked_pair_that_succeeds_or_fails_whole() {
        Book iqd = book(IQD, 140_400_000_000_000L);
        UUID fxIqd = UUID.randomUUID();
        UUID fxEur = UUID.randomUUID();
        UUID nigcEur = UUID.randomUUID();
        ledger.createAccounts(
                OPERATOR,
                List.of(
                        NewAccount.of(fxIqd, IQD, AccountCode.FX, "TBI"),
                        NewAccount.of(fxEur, EUR, AccountCode.FX, "TBI"),
                        NewAccount.restricted(nigcEur, EUR, "NIGC")));
        // The FX EUR position may go negative (the bank sells euros); the IQD leg is limited.
        List<TransferOutcome> conversion = ledger.post(
                OPERATOR,
                List.of(
                        NewTransfer.posted(
                                        UUID.randomUUID(),
                                        iqd.restricted(),
                                        fxIqd,
                                        140_400_000_000_000L,
                                        IQD,
                                        "CONVERSION")
                                .linkedToNext(),
                        NewTransfer.posted(UUID.randomUUID(), fxEur, nigcEur, 99_850_000_00L, EUR, "CONVERSION")));
        assertThat(conversion).extracting(TransferOutcome::result).containsExactly(OK, OK);
        assertThat(ledger.balances(nigcEur).creditsPosted()).isEqualTo(99_850_000_00L);

        // A second conversion of more than is left: the IQD leg fails, the EUR leg is not applied.
        List<TransferOutcome> refused = ledger.post(
                OPERATOR,
                List.of(
                        NewTransfer.posted(UUID.randomUUID(), fxEur, nigcEur, 1_000_00L, EUR, "CONVERSION")
                                .linkedToNext(),
                        NewTransfer.posted(UUID.randomUUID(), iqd.restricted(), fxIqd, 1_404_000L, IQD, "CONVERSION")));
        assertThat(refused).extracting(TransferOutcome::result).containsExactly(LINKED_EVENT_FAILED, EXCEEDS_CREDITS);
        assertThat(ledger.balances(nigcEur).creditsPosted()).isEqualTo(99_850_000_00L);
        assertThat(ledger.transfer(refused.get(0).id())).isEmpty();
    }

    @Test
    void a_chain_left_open_at_the_end_of_the_batch_fails_whole_and_others_still_apply() {
        Book book = book(EUR, 1_000_00L);
        List<TransferOutcome> outcomes = ledger.post(
                OPERATOR,
                List.of(
                        NewTransfer.posted(UUID.randomUUID(), book.restricted(), book.vendor(), 10_00L, EUR, "RELEASE"),
                        NewTransfer.posted(UUID.randomUUID(), book.restricted(), book.vendor(), 20_00L, EUR, "RELEASE")
                                .linkedToNext(),
                        NewTransfer.posted(UUID.randomUUID(), book.restricted(), book.vendor(), 30_00L, EUR, "RELEASE")
                                .linkedToNext()));
        assertThat(outcomes)
                .extracting(TransferOutcome::result)
                .containsExactly(OK, LINKED_EVENT_FAILED, LINKED_EVENT_CHAIN_OPEN);
        assertThat(ledger.balances(book.vendor()).creditsPosted()).isEqualTo(10_00L);
    }

    @Test
    void the_same_id_with_the_same_content_exists_with_other_content_names_the_difference_and_a_failure_stays() {
        Book book = book(EUR, 100_00L);
        UUID id = UUID.randomUUID();
        NewTransfer transfer = NewTransfer.posted(id, book.restricted(), book.vendor(), 40_00L, EUR, "RELEASE");
        TransferOutcome first = ledger.post(OPERATOR, transfer);
        assertThat(first.result()).isEqualTo(OK);
        TransferOutcome again = ledger.post(OPERATOR, transfer);
        assertThat(again.result()).isEqualTo(EXISTS);
        assertThat(again.timestamp()).isEqualTo(first.timestamp());
        assertThat(ledger.post(
                                OPERATOR,
                                NewTransfer.posted(id, book.restricted(), book.vendor(), 41_00L, EUR, "RELEASE"))
                        .result())
                .isEqualTo(TransferResult.EXISTS_WITH_DIFFERENT_AMOUNT);
        assertThat(ledger.post(
                                OPERATOR,
                                NewTransfer.posted(id, book.restricted(), book.payer(), 40_00L, EUR, "RELEASE"))
                        .result())
                .isEqualTo(TransferResult.EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID);
        assertThat(ledger.post(OPERATOR, transfer.withReferences(Map.of("request", "DR-1")))
                        .result())
                .isEqualTo(TransferResult.EXISTS_WITH_DIFFERENT_REFERENCES);
        assertThat(ledger.balances(book.vendor()).creditsPosted()).isEqualTo(40_00L);

        UUID failing = UUID.randomUUID();
        NewTransfer tooMuch = NewTransfer.posted(failing, book.restricted(), book.vendor(), 100_00L, EUR, "RELEASE");
        assertThat(ledger.post(OPERATOR, tooMuch).result()).isEqualTo(EXCEEDS_CREDITS);
        ledger.post(
                OPERATOR,
                NewTransfer.posted(UUID.randomUUID(), book.payer(), book.restricted(), 1_000_00L, EUR, "DEPOSIT"));
        // Funds are there now, but the id failed and stays failed.
        assertThat(ledger.post(OPERATOR, tooMuch).result()).isEqualTo(EXCEEDS_CREDITS);
        assertThat(ledger.transfer(failing)).isEmpty();

        // A failure of the transfer alone is not recorded: the id may be sent again, corrected.
        UUID corrected = UUID.randomUUID();
        assertThat(ledger.post(OPERATOR, NewTransfer.posted(corrected, book.vendor(), book.vendor(), 1, EUR, "X"))
                        .result())
                .isEqualTo(ACCOUNTS_MUST_BE_DIFFERENT);
        assertThat(ledger.post(
                                OPERATOR,
                                NewTransfer.posted(corrected, book.restricted(), book.vendor(), 1, EUR, "RELEASE"))
                        .result())
                .isEqualTo(OK);
    }

    @Test
    void a_repeated_id_within_one_batch_is_answered_exists() {
        Book book = book(EUR, 100_00L);
        NewTransfer transfer =
                NewTransfer.posted(UUID.randomUUID(), book.restricted(), book.vendor(), 10_00L, EUR, "RELEASE");
        assertThat(ledger.post(OPERATOR, List.of(transfer, transfer)))
                .extracting(TransferOutcome::result)
                .containsExactly(OK, EXISTS);
        assertThat(ledger.balances(book.vendor()).creditsPosted()).isEqualTo(10_00L);
    }

    @Test
    void blocked_and_closed_accounts_refuse_transfers_and_closing_needs_an_empty_account() {
        Book book = book(EUR, 100_00L);
        ledger.block(OPERATOR, book.restricted());
        assertThat(ledger.post(
                                OPERATOR,
                                NewTransfer.posted(
                                        UUID.randomUUID(), book.restricted(), book.vendor(), 1_00L, EUR, "RELEASE"))
                        .result())
                .isEqualTo(TransferResult.ACCOUNT_BLOCKED);
        ledger.unblock(OPERATOR, book.restricted());
        assertThatThrownBy(() -> ledger.close(OPERATOR, book.restricted()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("balance");
        ledger.post(
                OPERATOR,
                NewTransfer.posted(UUID.randomUUID(), book.restricted(), book.vendor(), 100_00L, EUR, "RELEASE"));
        assertThat(ledger.close(OPERATOR, book.restricted()).has(AccountFlag.CLOSED))
                .isTrue();
        assertThat(ledger.post(
                                OPERATOR,
                                NewTransfer.posted(
                                        UUID.randomUUID(), book.payer(), book.restricted(), 1_00L, EUR, "DEPOSIT"))
                        .result())
                .isEqualTo(TransferResult.ACCOUNT_CLOSED);
        assertThatThrownBy(() -> ledger.unblock(OPERATOR, book.restricted())).isInstanceOf(ConflictException.class);
    }

    @Test
    void creating_an_account_twice_exists_and_with_other_content_names_the_difference() {
        UUID id = UUID.randomUUID();
        NewAccount account = NewAccount.restricted(id, IQD, "TAVANIR");
        assertThat(ledger.createAccounts(OPERATOR, List.of(account)))
                .extracting(AccountOutcome::result)
                .containsExactly(AccountResult.OK);
        assertThat(ledger.createAccounts(
                        OPERATOR,
                        List.of(
                                account,
                                NewAccount.restricted(id, EUR, "TAVANIR"),
                                NewAccount.restricted(id, IQD, "NIGC"),
                                NewAccount.of(id, IQD, AccountCode.RESTRICTED, "TAVANIR"),
                                NewAccount.of(
                                        UUID.randomUUID(),
                                        IQD,
                                        AccountCode.FX,
                                        "TBI",
                                        AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS,
                                        AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS),
                                NewAccount.of(UUID.randomUUID(), IQD, AccountCode.FX, " "),
                                NewAccount.of(NewTransfer.NONE, IQD, AccountCode.FX, "TBI"))))
                .extracting(AccountOutcome::result)
                .containsExactly(
                        AccountResult.EXISTS,
                        AccountResult.EXISTS_WITH_DIFFERENT_LEDGER,
                        AccountResult.EXISTS_WITH_DIFFERENT_HOLDER,
                        AccountResult.EXISTS_WITH_DIFFERENT_FLAGS,
                        AccountResult.FLAGS_ARE_MUTUALLY_EXCLUSIVE,
                        AccountResult.HOLDER_INVALID,
                        AccountResult.ID_MUST_NOT_BE_ZERO);
        assertThat(ledger.accountsOf("TAVANIR")).extracting(Account::id).contains(id);
    }

    @Test
    void balance_at_a_past_instant_counts_only_earlier_transfers() {
        Book book = book(EUR, 0);
        Instant before = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        ledger.post(
                OPERATOR,
                NewTransfer.posted(UUID.randomUUID(), book.payer(), book.restricted(), 100_00L, EUR, "DEPOSIT"));
        clock.advance(Duration.ofMinutes(1));
        Instant between = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        ledger.post(
                OPERATOR,
                NewTransfer.posted(UUID.randomUUID(), book.restricted(), book.vendor(), 30_00L, EUR, "RELEASE"));
        clock.advance(Duration.ofMinutes(1));

        assertThat(ledger.balanceAt(book.restricted(), before)).isEqualTo(Balances.ZERO);
        assertThat(ledger.balanceAt(book.restricted(), between)).isEqualTo(new Balances(0, 0, 0, 100_00L));
        assertThat(ledger.balanceAt(book.restricted(), clock.instant())).isEqualTo(new Balances(0, 30_00L, 0, 100_00L));
        assertThat(ledger.balanceAt(book.restricted(), clock.instant())).isEqualTo(ledger.balances(book.restricted()));
    }

    @Test
    void a_statement_pages_through_a_range_with_running_balances() {
        Book book = book(EUR, 0);
        Instant from = clock.instant();
        List<NewTransfer> deposits = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            deposits.add(
                    NewTransfer.posted(UUID.randomUUID(), book.payer(), book.restricted(), i * 100L, EUR, "DEPOSIT"));
        }
        ledger.post(OPERATOR, deposits.subList(0, 4));
        clock.advance(Duration.ofSeconds(1));
        ledger.post(OPERATOR, deposits.subList(4, 7));
        ledger.post(
                OPERATOR, NewTransfer.posted(UUID.randomUUID(), book.restricted(), book.vendor(), 50L, EUR, "RELEASE"));
        clock.advance(Duration.ofSeconds(1));
        Instant to = clock.instant();

        List<StatementLine> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        long expectedOpening = 0;
        int pages = 0;
        do {
            Statement page = ledger.statement(book.restricted(), from, to, cursor, 3);
            assertThat(page.opening().postedCreditBalance()).isEqualTo(expectedOpening);
            for (StatementLine line : page.lines()) {
                long effect = line.side() == StatementLine.Side.CREDIT
                        ? line.transfer().amountMinor()
                        : -line.transfer().amountMinor();
                expectedOpening += effect;
                assertThat(line.balancesAfter().postedCreditBalance()).isEqualTo(expectedOpening);
            }
            all.addAll(page.lines());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());
        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(8);
        assertThat(all.get(7).side()).isEqualTo(StatementLine.Side.DEBIT);
        assertThat(expectedOpening).isEqualTo(2800L - 50L);
    }

    @Test
    void a_restricted_account_is_debited_only_by_channel_movements_and_never_by_hand() {
        Book book = book(EUR, 1_000_00L);
        TransferOutcome free = ledger.post(
                OPERATOR,
                NewTransfer.posted(UUID.randomUUID(), book.restricted(), book.vendor(), 10_00L, EUR, "TRANSFER"));
        assertThat(free.result()).isEqualTo(TransferResult.ACCOUNT_RESTRICTED);
        // An id that failed stays failed.
        assertThat(ledger.post(
                                OPERATOR,
                                NewTransfer.posted(
                                        free.id(), book.restricted(), book.vendor(), 10_00L, EUR, "TRANSFER"))
                        .result())
                .isEqualTo(TransferResult.ACCOUNT_RESTRICTED);
        TransferOutcome byHand = ledger.postManually(
                OPERATOR,
                NewTransfer.posted(
                        UUID.randomUUID(), book.restricted(), book.vendor(), 10_00L, EUR, ChannelCodes.DISBURSEMENT));
        assertThat(byHand.result()).isEqualTo(TransferResult.ACCOUNT_RESTRICTED);
        assertThat(ledger.balances(book.restricted()).postedCreditBalance()).isEqualTo(1_000_00L);

        TransferOutcome disbursement = ledger.post(
                OPERATOR,
                NewTransfer.posted(
                        UUID.randomUUID(), book.restricted(), book.vendor(), 10_00L, EUR, ChannelCodes.DISBURSEMENT));
        assertThat(disbursement.result()).isEqualTo(OK);
        assertThat(ledger.balances(book.restricted()).postedCreditBalance()).isEqualTo(990_00L);

        // A blocked account refuses everything, channel movements included.
        ledger.block(OPERATOR, book.restricted());
        assertThat(ledger.post(
                                OPERATOR,
                                NewTransfer.posted(
                                        UUID.randomUUID(),
                                        book.restricted(),
                                        book.vendor(),
                                        10_00L,
                                        EUR,
                                        ChannelCodes.CONVERSION))
                        .result())
                .isEqualTo(TransferResult.ACCOUNT_BLOCKED);
        assertThat(ledger.post(
                                OPERATOR,
                                NewTransfer.posted(
                                        UUID.randomUUID(), book.payer(), book.restricted(), 10_00L, EUR, "DEPOSIT"))
                        .result())
                .isEqualTo(TransferResult.ACCOUNT_BLOCKED);
    }

    @Test
    void a_batch_posted_in_the_callers_unit_of_work_commits_and_rolls_back_with_it() {
        Book book = book(EUR, 1_000_00L);
        long entries = corridor.audit().size();
        NewTransfer release = NewTransfer.posted(
                UUID.randomUUID(), book.restricted(), book.vendor(), 10_00L, EUR, ChannelCodes.RELEASE);

        assertThatThrownBy(() -> corridor.database().transactions().useTransaction(transaction -> {
                    assertThat(ledger.post(transaction, OPERATOR, List.of(release))
                                    .get(0)
                                    .result())
                            .isEqualTo(OK);
                    throw new IllegalStateException("the caller's own change failed");
                }))
                .hasMessageContaining("own change failed");
        assertThat(ledger.transfer(release.id())).isEmpty();
        assertThat(ledger.balances(book.restricted()).postedCreditBalance()).isEqualTo(1_000_00L);
        assertThat(corridor.audit().size()).isEqualTo(entries);

        List<TransferOutcome> posted = corridor.database()
                .transactions()
                .inTransaction(transaction -> ledger.post(transaction, OPERATOR, List.of(release)));
        assertThat(posted).extracting(TransferOutcome::result).containsExactly(OK);
        assertThat(ledger.balances(book.restricted()).postedCreditBalance()).isEqualTo(990_00L);
        assertThat(corridor.audit().size()).isEqualTo(entries + 1);
    }
}
