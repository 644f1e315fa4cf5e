package org.corridor.ledger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A batch as the posting engine takes it: the transfers in order, the reason each was refused
 * before it could be built (a null entry: none), and where it comes from.
 */
record Batch(List<NewTransfer> transfers, TransferResult[] preset, PostingRules.Origin origin) {

    /** Nothing to post: what the expiry job hands the careful path besides the holds that are due. */
    static Batch none() {
        return new Batch(List.of(), new TransferResult[0], PostingRules.Origin.CHANNEL);
    }

    static Batch of(List<NewTransfer> transfers, PostingRules.Origin origin) {
        return new Batch(transfers, new TransferResult[transfers.size()], origin);
    }

    int size() {
        return transfers.size();
    }

    boolean isEmpty() {
        return transfers.isEmpty();
    }

    /** The accounts the batch names directly (a hold's post or void names them through the hold). */
    Set<UUID> accountIds() {
        Set<UUID> ids = new HashSet<>();
        for (NewTransfer transfer : transfers) {
            ids.add(transfer.debitAccountId());
            ids.add(transfer.creditAccountId());
        }
        ids.remove(NewTransfer.NONE);
        return ids;
    }

    /** This batch after the ledger's own entries {@code first} (none of them refused in advance). */
    Batch after(List<NewTransfer> first) {
        if (first.isEmpty()) {
            return this;
        }
        List<NewTransfer> all = new ArrayList<>(first.size() + transfers.size());
        all.addAll(first);
        all.addAll(transfers);
        TransferResult[] allPreset = new TransferResult[all.size()];
        System.arraycopy(preset, 0, allPreset, first.size(), preset.length);
        return new Batch(all, allPreset, origin);
    }
}
