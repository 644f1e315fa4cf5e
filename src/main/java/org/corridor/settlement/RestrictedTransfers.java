package org.corridor.settlement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.CanonicalJson;

/**
 * Transfers between restricted accounts of one holder in one currency, such as in-country to
 * third-country (FR-14): covered by an authorisation that permits transfers to the destination's
 * location on the value date, consuming the source's lots first in, first out. Thread-safe.
 */
public final class RestrictedTransfers {

    private final ConversionStore store;
    private final RestrictedAccounts accounts;
    private final Clock clock;
    private final ZoneId zone;

    RestrictedTransfers(ConversionStore store, RestrictedAccounts accounts, Clock clock, ZoneId zone) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Executes a transfer under its idempotency key: done (or done before, with the same content),
     * or refused with the reason and nothing posted.
     *
     * @throws org.corridor.ConflictException TRANSFER_EXISTS_WITH_DIFFERENT_CONTENT
     */
    public SettlementOutcome<RestrictedTransfer> execute(Actor by, NewRestrictedTransfer transfer) {
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
        if (transfer.valueDate().isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException(
                    "VALUE_DATE_IN_FUTURE", "a transfer is recorded when it happens, not for " + transfer.valueDate());
        }
        String request = CanonicalJson.write(CanonicalJson.fields(
                "source", source.name(),
                "destination", destination.name(),
                "amount", transfer.amount().toString(),
                "value_date", transfer.valueDate().toString(),
                "approval", transfer.approvalReference().orElse("")));
        return store.transfer(by, new ConversionStore.PreparedTransfer(transfer, source, destination, request));
    }

    /** @throws NotFoundException TRANSFER_NOT_FOUND */
    public RestrictedTransfer get(UUID id) {
        return store.restrictedTransfer(id)
                .orElseThrow(() -> new NotFoundException("TRANSFER_NOT_FOUND", "no restricted transfer " + id));
    }

    public List<RestrictedTransfer> list() {
        return store.restrictedTransfers();
    }
}
