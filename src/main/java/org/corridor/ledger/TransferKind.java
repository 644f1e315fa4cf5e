package org.corridor.ledger;

/** What a transfer does to its accounts' balances. */
public enum TransferKind {
    /** Moves posted balances at once (single phase). */
    POSTED,
    /** A hold: reserves the amount in pending balances until posted, voided or expired. */
    PENDING,
    /** Posts a hold, in full or in part; the rest of the hold is released. */
    POST_PENDING,
    /** Releases a hold without moving anything. */
    VOID_PENDING,
    /** The ledger's own void of a hold whose expiry has passed; clients cannot submit it. */
    EXPIRE_PENDING;

    boolean resolvesHold() {
        return this == POST_PENDING || this == VOID_PENDING || this == EXPIRE_PENDING;
    }
}
