package org.corridor.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.CanonicalJson;
import org.corridor.ledger.NewTransfer;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * Credits the payer's bank announces (camt.054): each becomes a deposit on the restricted account
 * its remittance reference points to (an invoice number, or a contract reference), through the
 * deposit flow itself and so under the same authorisation check as a deposit recorded by hand
 * (FR-2, FR-11). A credit that cannot be one (unknown reference, account or rate, a currency the
 * account does not hold, or a deposit the register refuses) is posted to the channel's SUSPENSE
 * account instead, where it stands as an alert until resolved. A credit is taken once per bank
 * reference. Thread-safe.
 */
public final class BankCredits {

    /** The ledger code of a credit parked in SUSPENSE. */
    static final String SUSPENSE_CODE = "BANK_CREDIT_SUSPENSE";

    /**
     * A credit as the bank announced it.
     *
     * @param key the bank's own reference of the credit, unique per bank
     * @param account the account as the bank named it
     * @param accountId the restricted account the bank's account identification is registered for, if any
     * @param references remittance references, structured ones first
     * @param statedRate the rate of exchange the bank stated for the credit, if it did
     */
    public record NewBankCredit(
            String key,
            String messageId,
            String account,
            Optional<UUID> accountId,
            Money amount,
            LocalDate valueDate,
            List<String> references,
            String payer,
            Optional<StatedRate> statedRate) {

        public NewBankCredit {
            references = List.copyOf(references);
        }
    }

    /** A rate as a bank states it: one {@code unit} is worth {@code value} of {@code other}. */
    public record StatedRate(Currency unit, Currency other, BigDecimal value) {}

    /** What a credit points to, or why it points nowhere. */
    private record Match(Optional<Contract> contract, Optional<Invoice> invoice, String reason, String detail) {
        static Match none(String reason, String detail) {
            return new Match(Optional.empty(), Optional.empty(), reason, detail);
        }
    }

    private final BankCreditStore store = new BankCreditStore();
    private final DepositStore depositStore = new DepositStore();
    private final SettlementSupport support;
    private final Contracts contracts;
    private final RestrictedAccounts accounts;
    private final Deposits deposits;

    BankCredits(SettlementSupport support, Contracts contracts, RestrictedAccounts accounts, Deposits deposits) {
        this.support = support;
        this.contracts = contracts;
        this.accounts = accounts;
        this.deposits = deposits;
    }

    /**
     * Takes one announced credit: a deposit when it points to an invoice or contract of the credited
     * restricted account and the register covers it, otherwise SUSPENSE with the reason. The same
     * key again returns what was recorded the first time.
     */
    public BankCredit record(Actor by, NewBankCredit credit) {
        Optional<BankCredit> earlier = support.read(tx -> store.byKey(tx, credit.key()));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Match match = match(credit);
        if (match.contract().isEmpty()) {
            return suspend(by, credit, match.reason(), match.detail());
        }
        Optional<ExchangeRate> rate = rate(credit, match.contract().get());
        if (rate.isEmpty()) {
            return suspend(
                    by,
                    credit,
                    "RATE_UNKNOWN",
                    "the bank states no rate and " + match.contract().get().reference() + " has no deposit yet");
        }
        NewDeposit deposit = new NewDeposit(
                depositId(credit),
                match.contract().get().reference(),
                credit.amount(),
                credit.valueDate(),
                rate.get().value(),
                rate.get().source(),
                rate.get().date(),
                match.invoice().map(Invoice::number),
                Optional.of(abbreviate("camt.054 " + credit.messageId() + " " + credit.key(), 200)));
        Deposits.Prepared prepared = deposits.prepare(by, deposit);
        SettlementSupport.Refusing refusing =
                new SettlementSupport.Refusing("DEPOSIT_REFUSED", "deposit:" + deposit.id(), prepared.request(), true);
        SettlementOutcome<Deposit> outcome = support.inTransaction(by, refusing, tx -> {
            if (!store.insert(
                    tx,
                    row(by, credit, "DEPOSITED", Optional.of(deposit.id()), Optional.empty(), "", Optional.empty()))) {
                throw new ConcurrentChangeException("bank credit " + credit.key() + " taken concurrently");
            }
            return deposits.record(tx, by, prepared);
        });
        if (outcome instanceof SettlementOutcome.Refused<Deposit> refused) {
            return suspend(by, credit, refused.reason().name(), refused.detail());
        }
        return support.read(tx -> store.byKey(tx, credit.key())).orElseThrow();
    }

    /** The announced credits, oldest first. */
    public List<BankCredit> list() {
        return support.read(tx -> store.credits(tx, Optional.empty()));
    }

    /** The credits in SUSPENSE with a value date up to {@code asOf}: each is an alert until resolved. */
    public List<BankCredit> suspended(LocalDate asOf) {
        return support.read(tx -> store.credits(tx, Optional.of(asOf)));
    }

    /** The deposit's id of a credit: derived from its bank reference, so a repeat finds the deposit. */
    static UUID depositId(NewBankCredit credit) {
        return Ids.derived("bank-credit:" + credit.key());
    }

    /** The invoice or contract that a remittance reference names, checked against the credited account. */
    private Match match(NewBankCredit credit) {
        if (credit.accountId().isEmpty()) {
            return Match.none("ACCOUNT_UNKNOWN", credit.account() + " is not a restricted account Corridor knows");
        }
        RestrictedAccount account = accounts.get(credit.accountId().get());
        if (!account.currency().equals(credit.amount().currency())) {
            return Match.none(
                    "CURRENCY_MISMATCH", account.name() + " holds " + account.currency() + ", not " + credit.amount());
        }
        for (String token : tokens(credit.references())) {
            Optional<Invoice> invoice = invoice(token);
            Optional<Contract> contract =
                    invoice.map(i -> contracts.get(i.contractId())).or(() -> contract(token));
            if (contract.isEmpty()) {
                continue;
            }
            if (!contract.get().accountId().equals(account.id())) {
                return Match.none(
                        "ACCOUNT_MISMATCH", token + " is paid into another restricted account than " + account.name());
            }
            return new Match(contract, invoice, "", "");
        }
        return Match.none(
                "REFERENCE_UNKNOWN",
                "no invoice or contract is named by the remittance reference "
                        + (credit.references().isEmpty() ? "(none given)" : String.join(" / ", credit.references())));
    }

    /** Each reference whole, then its words: a payer may write "Invoice INV-... June gas". */
    private static List<String> tokens(List<String> references) {
        List<String> tokens = new ArrayList<>();
        for (String reference : references) {
            tokens.add(reference.strip());
        }
        for (String reference : references) {
            for (String word : reference.split("[\\s,;:/()]+")) {
                if (!word.isBlank() && !tokens.contains(word)) {
                    tokens.add(word);
                }
            }
        }
        return tokens;
    }

    private Optional<Invoice> invoice(String token) {
        try {
            return Optional.of(contracts.invoice(token));
        } catch (org.corridor.NotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<Contract> contract(String token) {
        try {
            return Optional.of(contracts.find(token));
        } catch (org.corridor.NotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The rate of the price currency in the deposit currency: as the bank states it, or else the one
     * the contract's latest deposit used (the invoicing rate in force).
     */
    private Optional<ExchangeRate> rate(NewBankCredit credit, Contract contract) {
        Currency price = contract.priceCurrency();
        Currency deposited = credit.amount().currency();
        if (credit.statedRate().isPresent()) {
            StatedRate stated = credit.statedRate().get();
            String source = "stated by the bank in camt.054 " + credit.messageId();
            if (stated.unit().equals(price) && stated.other().equals(deposited)) {
                return Optional.of(new ExchangeRate(price, deposited, stated.value(), source, credit.valueDate()));
            }
            if (stated.unit().equals(deposited)
                    && stated.other().equals(price)
                    && stated.value().signum() > 0) {
                BigDecimal inverse = BigDecimal.ONE.divide(stated.value(), 12, RoundingMode.HALF_EVEN);
                return Optional.of(new ExchangeRate(price, deposited, inverse, source, credit.valueDate()));
            }
        }
        return support.read(tx -> depositStore.deposits(tx, Optional.of(contract.id()))).stream()
                .max(Comparator.comparing(Deposit::valueDate).thenComparing(Deposit::recordedAt))
                .map(Deposit::rate)
                .filter(rate -> rate.base().equals(price) && rate.quote().equals(deposited));
    }

    /** Posts the credit to SUSPENSE and records why, with its audit entry, in one unit of work. */
    private BankCredit suspend(Actor by, NewBankCredit credit, String reason, String detail) {
        Currency currency = credit.amount().currency();
        UUID incoming = support.channel().incoming(by, currency);
        UUID suspense = support.channel().unmatched(by, currency);
        UUID transferId = Ids.derived("bank-credit-suspense:" + credit.key());
        return support.inTransaction(tx -> {
            Optional<BankCredit> earlier = store.byKey(tx, credit.key());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            support.post(tx, by, List.of(suspensePosting(credit, incoming, suspense, transferId, reason)));
            BankCredit row = row(
                    by, credit, "SUSPENDED", Optional.empty(), Optional.of(reason), detail, Optional.of(transferId));
            if (!store.insert(tx, row)) {
                throw new ConcurrentChangeException("bank credit " + credit.key() + " taken concurrently");
            }
            support.audit(tx, suspendedEvent(by, credit, reason, detail, transferId));
            return store.byKey(tx, credit.key()).orElseThrow();
        });
    }

    private static NewTransfer suspensePosting(
            NewBankCredit credit, UUID incoming, UUID suspense, UUID transferId, String reason) {
        return NewTransfer.posted(
                        transferId,
                        incoming,
                        suspense,
                        credit.amount().amountMinor(),
                        credit.amount().currency(),
                        SUSPENSE_CODE)
                .withReferences(Map.of("bank_credit", credit.key(), "message", credit.messageId()))
                .withMetadata(Map.of(
                        "value_date", credit.valueDate().toString(),
                        "reason", reason,
                        "payer", credit.payer()));
    }

    private BankCredit row(
            Actor by,
            NewBankCredit credit,
            String status,
            Optional<UUID> depositId,
            Optional<String> reason,
            String detail,
            Optional<UUID> suspenseTransfer) {
        return new BankCredit(
                Ids.derived("bank-credit-row:" + credit.key()),
                credit.key(),
                credit.messageId(),
                credit.account(),
                credit.accountId(),
                credit.amount(),
                credit.valueDate(),
                credit.references(),
                credit.payer(),
                status,
                depositId,
                reason,
                detail,
                suspenseTransfer,
                support.now(),
                by.name(),
                Optional.empty(),
                Optional.empty());
    }

    private static AuditEvent suspendedEvent(
            Actor by, NewBankCredit credit, String reason, String detail, UUID transferId) {
        return AuditEvent.of(
                by,
                "BANK_CREDIT_SUSPENDED",
                "bank-credit:" + credit.key(),
                CanonicalJson.fields(
                        "message_id", credit.messageId(),
                        "account", credit.account(),
                        "amount", credit.amount().toString(),
                        "value_date", credit.valueDate().toString(),
                        "references", credit.references(),
                        "payer", credit.payer()),
                CanonicalJson.fields("reason", reason, "detail", detail, "ledger_transfer_id", transferId.toString()));
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
