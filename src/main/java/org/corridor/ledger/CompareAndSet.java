package org.corridor.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The arguments of a sequenced batch's compare-and-set update, in the database's id order: per
 * account the flags, balances and latest transfer it was judged on, then its new ones. Built before the batch
 * waits for its predecessors.
 */
record CompareAndSet(List<UUID> ids, long[][] columns) {

    static final String[] NAMES = {"flags", "wdp", "wdpo", "wcp", "wcpo", "wlast", "dp", "dpo", "cp", "cpo", "last"};

    static CompareAndSet of(Map<UUID, PostingSequencer.Snapshot> before, Map<UUID, PostingSequencer.Snapshot> after) {
        List<UUID> ids = new ArrayList<>(before.keySet());
        ids.sort(CompareAndSet::inDatabaseOrder);
        int count = ids.size();
        long[][] columns = new long[NAMES.length][count];
        for (int i = 0; i < count; i++) {
            PostingSequencer.Snapshot was = before.get(ids.get(i));
            PostingSequencer.Snapshot now = after.get(ids.get(i));
            columns[0][i] = was.flags();
            columns[1][i] = was.debitsPending();
            columns[2][i] = was.debitsPosted();
            columns[3][i] = was.creditsPending();
            columns[4][i] = was.creditsPosted();
            columns[5][i] = was.lastTransferMicros();
            columns[6][i] = now.debitsPending();
            columns[7][i] = now.debitsPosted();
            columns[8][i] = now.creditsPending();
            columns[9][i] = now.creditsPosted();
            columns[10][i] = now.lastTransferMicros();
        }
        return new CompareAndSet(ids, columns);
    }

    /** PostgreSQL's order of uuids: their 16 bytes compared unsigned (UUID.compareTo compares signed). */
    static int inDatabaseOrder(UUID left, UUID right) {
        int high = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(left.getLeastSignificantBits(), right.getLeastSignificantBits());
    }
}
