package org.corridor.settlement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.Movement;
import org.corridor.authorisation.MovementKind;
import org.corridor.ledger.ChannelCodes;
import org.corridor.ledger.NewTransfer;
import org.corridor.transaction.Transaction;

/**
 * Transfers between restricted accounts of one holder in one currency, such as in-country to
 * third-country (FR-14): covered by an authorisation that permits transfers to the destination's
 * location on the value date, consuming the source's lots first in, first out, in one unit of work
 * with the ledger posting, the destination's new lot and the audit entry. Thread-safe.
 */
public final class RestrictedTransfers {

    /** A transfer checked, ready to record. */
    private record Prepared(
            NewRestrictedTransfer transfer,
            AccountStore.AccountRow source,
            AccountStore.AccountRow destination,
            String request) {

        String reference() {
            return "transfer:" + transfer.id();
        }

        Movement movement() {
            return SettlementSupport.between(
                    MovementKind.TRANSFER,
                    transfer.valueDate(),
                    transfer.amount(),
                    reference(),
                    source,
                    destination,
                    transfer.approvalReference());
        }
    }

    private final TransferStore store = new TransferStore();
    private final AccountStore accountStore = new AccountStore();
    private final SettlementSupport support;
    private final RestrictedAccounts accounts;
    private final Lots lots;

    RestrictedTransfers(SettlementSupport support, RestrictedAccounts accounts, Lots lots) {
        this.support = support;
        this.accounts = accounts;
        this.lots = lots;
    }

    /**
     * Executes a transfer under its idempotency key: done (or done before, with the same content),
     * or refused with the reason and nothing posted; a refusal is audited on its own.
     *
     * @throws org.corridor.ConflictException TRANSFER_EXISTS_WITH_DIFFERENT_CONTENT
     */
    public SettlementOutcome<RestrictedTransfer> execute(Actor by, NewRestrictedTransfer transfer) {
        Prepared prepared = prepare(transfer);
        SettlementSupport.Refusing refusing = new SettlementSupport.Refusing(
                "RESTRICTED_TRANSFER_REFUSED", prepared.reference(), prepared.request(), false);
        return support.inTransaction(by, refusing, tx -> execute(tx, by, prepared));
    }

    private Prepared prepare(NewRestrictedTransfer transfer) {
        AccountStore.AccountRow source = accounts.row(transfer.source());
        AccountStore.AccountRow destination = accounts.row(transfer.destination());
        if (source.id().equals(destination.id())) {
            throw new InvalidInputException(
                    "ACCOUNTS_MUST_BE_DIFFERENT", "a transfer moves money between two accounts");
        }
        if (!source.holder().equals(destination.holder())) {
            throw new InvalidInputException(
                    "HOLDER_MISMATCH",
                    "restricted money stays with its holder: " + source.name() + " is " + source.holder() + "'s, "
                            + destination.name() + " is " + destination.holder() + "'s");
        }
        if (!source.currency().equals(destination.currency())
                || !transfer.amount().currency().equals(source.currency())) {
            throw new InvalidInputException(
                    "CURRENCY_MISMATCH",
                    "a transfer stays in one currency: " + source.name() + " " + source.currency() + ", "
                            + destination.name() + " " + destination.currency() + ", amount " + transfer.amount());
        }
        if (transfer.valueDate().isAfter(support.today())) {
            throw new InvalidInputException(
                    "VALUE_DATE_IN_FUTURE", "a transfer is recorded when it happens, not for " + transfer.valueDate());
        }
        String request = CanonicalJson.write(CanonicalJson.fields(
                "source", source.name(),
                "destination", destination.name(),
                "amount", transfer.amount().toString(),
                "value_date", transfer.valueDate().toString(),
                "approval", transfer.approvalReference().orElse("")));
        return new Prepared(transfer, source, destination, request);
    }

    private SettlementOutcome<RestrictedTransfer> execute(Transaction tx, Actor by, Prepared prepared) {
        NewRestrictedTransfer transfer = prepared.transfer();
        // One movement out of the source at a time: FIFO is judged on a stable state.
        accountStore.lock(tx, prepared.source().id());
        if (SettlementSupport.repeated(
                store.request(tx, transfer.id()),
                prepared.request(),
                "TRANSFER_EXISTS_WITH_DIFFERENT_CONTENT",
                "transfer " + transfer.id() + " was recorded with other content")) {
            return new SettlementOutcome.Done<>(
                    store.transfer(tx, transfer.id()).orElseThrow(), true);
        }
        lots.requireAvailable(tx, prepared.source(), transfer.amount(), transfer.valueDate());
        Authorisation authorisation = support.authorise(tx, prepared.movement());
        UUID transferId = Ids.derived(transfer.id(), "restricted-transfer");
        support.post(tx, by, List.of(posting(prepared, authorisation, transferId)));
        List<LotConsumption> consumed = lots.consume(
                tx,
                prepared.source().id(),
                transfer.amount(),
                transfer.valueDate(),
                ConsumptionKind.TRANSFER,
                prepared.reference());
        UUID lotId = Ids.derived(transfer.id(), "lot");
        lots.add(
                tx,
                lotId,
                prepared.destination().id(),
                transfer.amount(),
                transfer.valueDate(),
                LotSource.TRANSFER_IN,
                prepared.reference(),
                consumed);
        RestrictedTransfer recorded = new RestrictedTransfer(
                transfer.id(),
                prepared.source().id(),
                prepared.destination().id(),
                transfer.amount(),
                transfer.valueDate(),
                transfer.approvalReference(),
                authorisation.reference(),
                transferId,
                lotId,
                consumed,
                support.now(),
                by.name());
        if (!store.insert(tx, recorded, authorisation.id(), prepared.request())) {
            throw new ConcurrentChangeException("transfer " + transfer.id() + " recorded concurrently");
        }
        support.audit(tx, executedEvent(by, prepared, recorded));
        return new SettlementOutcome.Done<>(recorded, false);
    }

    private static NewTransfer posting(Prepared prepared, Authorisation authorisation, UUID transferId) {
        NewRestrictedTransfer transfer = prepared.transfer();
        Map<String, String> references = new LinkedHashMap<>();
        references.put("transfer", transfer.id().toString());
        references.put("authorisation", authorisation.reference());
        transfer.approvalReference().ifPresent(approval -> references.put("approval", approval));
        return NewTransfer.posted(
                        transferId,
                        prepared.source().id(),
                        prepared.destination().id(),
                        transfer.amount().amountMinor(),
                        transfer.amount().currency(),
                        ChannelCodes.RESTRICTED_TRANSFER)
                .withReferences(references)
                .withMetadata(Map.of(
                        "value_date",
                        transfer.valueDate().toString(),
                        "holder",
                        prepared.source().holder()));
    }

    private static AuditEvent executedEvent(Actor by, Prepared prepared, RestrictedTransfer recorded) {
        return new AuditEvent(
                by,
                "RESTRICTED_TRANSFER_EXECUTED",
                "transfer:" + recorded.id(),
                CanonicalJson.read(prepared.request()),
                CanonicalJson.fields(
                        "from", prepared.source().name(),
                        "to", prepared.destination().name(),
                        "ledger_transfer_id", recorded.ledgerTransferId().toString(),
                        "lots_consumed",
                                recorded.consumed().stream()
                                        .map(c -> c.lotValueDate() + " " + c.amount())
                                        .toList()),
                Map.of("authorisation", recorded.authorisationReference()));
    }

    /** @throws NotFoundException TRANSFER_NOT_FOUND */
    public RestrictedTransfer get(UUID id) {
        return support.read(tx -> store.transfer(tx, id))
                .orElseThrow(() -> new NotFoundException("TRANSFER_NOT_FOUND", "no restricted transfer " + id));
    }

    public List<RestrictedTransfer> list() {
        return support.read(store::transfers);
    }
}
