package org.corridor.ledger;

import java.util.List;
import org.corridor.audit.Finding;

/**
 * The ledger checked against itself and against the audit trail (issue 16; {@code corridor ledger
 * check}, also part of {@code corridor audit verify}): every batch's digest recomputed from its
 * transfer rows, every account's balances recomputed from its transfers and every transfer's
 * recorded balances from the one before, and debits against credits per currency.
 *
 * @param batches batches whose digests were recomputed
 * @param transfers accepted transfers read
 * @param legacyTransfers transfers written before batch digests, which carry none
 * @param accounts accounts whose balances were recomputed
 * @param findings what is wrong, named (TRANSFER_DIGEST_MISMATCH, TRANSFER_NOT_AUDITED,
 *     TRANSFERS_MISSING, TRANSFER_INCONSISTENT, BALANCE_MISMATCH, LEDGER_UNBALANCED)
 */
public record LedgerCheck(long batches, long transfers, long legacyTransfers, long accounts, List<Finding> findings) {

    public LedgerCheck {
        findings = List.copyOf(findings);
    }

    public boolean intact() {
        return findings.isEmpty();
    }
}
