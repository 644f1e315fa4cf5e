package org.corridor.identity;

import java.time.Clock;
import org.corridor.audit.AuditLog;
import org.corridor.transaction.Transactions;

/**
 * What identity's dual-control services share: the units of work, the users' and changes' stores,
 * the audit log and the clock. {@link IdentityChanges} proposes and confirms changes, {@link
 * Enrolments} turns the confirmed ones into codes and tokens; both work on the same tables.
 */
abstract class IdentityWork {

    final Transactions transactions;
    final UserStore users;
    final ChangeStore changes;
    final AuditLog audit;
    final Clock clock;

    IdentityWork(Transactions transactions, UserStore users, ChangeStore changes, AuditLog audit, Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }
}
