package org.corridor.settlement;

import java.util.ArrayList;
import java.util.List;
import org.corridor.audit.Finding;
import org.corridor.ledger.LedgerCheck;

/**
 * The books checked in one snapshot ({@code corridor ledger check}, also part of {@code corridor
 * audit verify}): the ledger against itself and the audit trail, and, for every restricted
 * account, its open lots against its posted balance (LOTS_MISMATCH), so that money that entered a
 * restricted account outside its flows shows.
 *
 * @param restrictedAccounts restricted accounts whose lots were added up
 */
public record BooksCheck(LedgerCheck ledger, int restrictedAccounts, List<Finding> lotFindings) {

    public BooksCheck {
        lotFindings = List.copyOf(lotFindings);
    }

    /** Every finding, the ledger's first. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>(ledger.findings());
        all.addAll(lotFindings);
        return all;
    }

    public boolean intact() {
        return findings().isEmpty();
    }
}
