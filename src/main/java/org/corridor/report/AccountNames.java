package org.corridor.report;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.settlement.Settlement;

/** The names of the restricted accounts as one report reads them, by id; an unknown id names itself. */
final class AccountNames {

    private final Map<UUID, String> names;

    private AccountNames(Map<UUID, String> names) {
        this.names = names;
    }

    static AccountNames of(Settlement settlement) {
        Map<UUID, String> names = new HashMap<>();
        for (RestrictedAccount account : settlement.accounts().list()) {
            names.putIfAbsent(account.id(), account.name());
        }
        return new AccountNames(names);
    }

    String name(UUID id) {
        return names.getOrDefault(id, id.toString());
    }
}
