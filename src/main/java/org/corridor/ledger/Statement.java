package org.corridor.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An account's transfers in {@code [from, to)}, a page at a time, in the order the ledger applied
 * them.
 *
 * @param opening the balances just before this page's first line (for the first page: at {@code from})
 * @param nextCursor pass it back to read the next page; empty on the last page
 */
public record Statement(
        Account account,
        Instant from,
        Instant to,
        Balances opening,
        List<StatementLine> lines,
        Optional<String> nextCursor) {

    public Statement {
        lines = List.copyOf(lines);
    }
}
