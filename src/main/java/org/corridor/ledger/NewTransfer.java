package org.corridor.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Currency;

/**
 * A transfer to make, under a client-supplied id that is its idempotency key. The constructor only
 * refuses nulls; every rule (positive amount, different accounts, ...) is judged by the ledger and
 * answered with a named {@link TransferResult}.
 *
 * <p>For {@link TransferKind#POST_PENDING} and {@link TransferKind#VOID_PENDING} the accounts may be
 * {@link #NONE} and the code blank: they are taken from the hold. An amount of 0 then means "the
 * whole held amount".
 *
 * @param amountMinor minor units of {@code currency}, up to {@link Long#MAX_VALUE}
 * @param currency the ledger: both accounts must be in it
 * @param code what the transfer is for, in UPPER_SNAKE (DEPOSIT, CONVERSION, RELEASE, ...)
 * @param pendingId the hold that a post or void resolves
 * @param expiresAt for a hold: when the ledger voids it by itself if still pending (to the microsecond)
 * @param linked succeeds or fails together with the next transfer of the batch
 * @param references free ids to find the transfer by: invoice, request, authorisation, ...
 * @param metadata free JSON-compatible values kept with the transfer
 */
public record NewTransfer(
        UUID id,
        TransferKind kind,
        UUID debitAccountId,
        UUID creditAccountId,
        long amountMinor,
        Currency currency,
        String code,
        Optional<UUID> pendingId,
        Optional<Instant> expiresAt,
        boolean linked,
        Map<String, String> references,
        Map<String, Object> metadata) {

    /** The zero id: "none" where an id is optional, and refused where one is required. */
    public static final UUID NONE = new UUID(0, 0);

    public NewTransfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(debitAccountId, "debitAccountId");
        Objects.requireNonNull(creditAccountId, "creditAccountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pendingId, "pendingId");
        // The ledger keeps microseconds, as PostgreSQL does: a repeated transfer must compare equal.
        expiresAt = expiresAt.map(expiry -> expiry.truncatedTo(ChronoUnit.MICROS));
        references = Map.copyOf(references);
        metadata = metadata.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A single-phase transfer: moves posted balances at once. */
    public static NewTransfer posted(
            UUID id, UUID debitAccountId, UUID creditAccountId, long amountMinor, Currency currency, String code) {
        return single(
                id,
                TransferKind.POSTED,
                debitAccountId,
                creditAccountId,
                amountMinor,
                currency,
                code,
                Optional.empty(),
                Optional.empty());
    }

    /** A hold, voided by the ledger itself once {@code expiresAt} has passed (if given). */
    public static NewTransfer pending(
            UUID id,
            UUID debitAccountId,
            UUID creditAccountId,
            long amountMinor,
            Currency currency,
            String code,
            Optional<Instant> expiresAt) {
        return single(
                id,
                TransferKind.PENDING,
                debitAccountId,
                creditAccountId,
                amountMinor,
                currency,
                code,
                Optional.empty(),
                expiresAt);
    }

    /** Posts {@code amountMinor} of a hold (0: all of it); the rest of the hold is released. */
    public static NewTransfer postPending(UUID id, UUID pendingId, long amountMinor, Currency currency) {
        return single(
                id,
                TransferKind.POST_PENDING,
                NONE,
                NONE,
                amountMinor,
                currency,
                "",
                Optional.of(pendingId),
                Optional.empty());
    }

    /** Releases a hold. */
    public static NewTransfer voidPending(UUID id, UUID pendingId, Currency currency) {
        return single(
                id, TransferKind.VOID_PENDING, NONE, NONE, 0, currency, "", Optional.of(pendingId), Optional.empty());
    }

    /** A transfer of its own, not linked, with no references nor metadata. */
    private static NewTransfer single(
            UUID id,
            TransferKind kind,
            UUID debitAccountId,
            UUID creditAccountId,
            long amountMinor,
            Currency currency,
            String code,
            Optional<UUID> pendingId,
            Optional<Instant> expiresAt) {
        return new NewTransfer(
                id,
                kind,
                debitAccountId,
                creditAccountId,
                amountMinor,
                currency,
                code,
                pendingId,
                expiresAt,
                false,
                Map.of(),
                Map.of());
    }

    /** This transfer, linked to the next one of its batch: they succeed or fail together. */
    public NewTransfer linkedToNext() {
        return with(true, references, metadata);
    }

    public NewTransfer withReferences(Map<String, String> newReferences) {
        return with(linked, newReferences, metadata);
    }

    public NewTransfer withMetadata(Map<String, Object> newMetadata) {
        return with(linked, references, newMetadata);
    }

    /** This transfer with its link, references and metadata replaced; the movement itself stays. */
    private NewTransfer with(boolean newLinked, Map<String, String> newReferences, Map<String, Object> newMetadata) {
        return new NewTransfer(
                id,
                kind,
                debitAccountId,
                creditAccountId,
                amountMinor,
                currency,
                code,
                pendingId,
                expiresAt,
                newLinked,
                newReferences,
                newMetadata);
    }
}
