package org.corridor.authorisation;

import java.util.List;

/**
 * A source of pending items for expiry warnings, implemented by the features that own them
 * (releases, settlement) and registered with {@link Authorisations#addPendingItems}.
 */
@FunctionalInterface
public interface PendingItems {

    List<PendingItem> pendingItems();
}
