/**
 * The ledger: the book of record for every unit of money in the channel. Double-entry accounts in
 * one currency each, immutable transfers with client-supplied ids, holds (pending transfers) that
 * are later posted, voided or expired, linked batches that succeed or fail together, and one
 * catalogue of named result codes ({@link org.corridor.ledger.TransferResult}). Knows nothing of
 * authorisations, screening or releases; those features post through {@link org.corridor.ledger.Ledger},
 * inside their own unit of work with {@code Ledger.post(Transaction, Actor, List)}.
 */
package org.corridor.ledger;
