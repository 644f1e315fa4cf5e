package org.corridor.release;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.audit.Hashing;
import org.corridor.transaction.Transactions;

/** The documents due after payment (FR-27): their receipt, and those overdue. Thread-safe. */
final class FollowUps {

    private final Transactions transactions;
    private final ReleaseStore store;
    private final ReleaseQueries queries;
    private final AuditLog audit;
    private final AgentScope scope;
    private final ReleaseClock clock;

    FollowUps(
            Transactions transactions,
            ReleaseStore store,
            ReleaseQueries queries,
            AuditLog audit,
            AgentScope scope,
            ReleaseClock clock) {
        this.transactions = transactions;
        this.store = store;
        this.queries = queries;
        this.audit = audit;
        this.scope = scope;
        this.clock = clock;
    }

    /** Records that a follow-up document arrived; the document is stored by its hash. */
    Release receive(Actor by, UUID id, String kind, NewRequest.DocumentInput document) {
        byte[] content = RequestChecks.content(document);
        String sha = Hashing.sha256Hex(content);
        String normalKind = RequestChecks.text(kind, "kind").toUpperCase(Locale.ROOT);
        LocalDate today = clock.today();
        transactions.useTransaction(tx -> {
            RequestRow row = store.lock(tx, id);
            if (AgentScope.agent(by)) {
                scope.requireAgentOf(tx, by, row.holder());
            }
            store.receiveFollowUp(tx, id, normalKind, today, sha);
            store.insertDocument(
                    tx,
                    id,
                    new ReleaseStore.NewDocument(normalKind, document.name().trim(), sha, content));
            audit.append(
                    tx,
                    AuditEvent.of(
                            by,
                            "RELEASE_FOLLOW_UP_RECEIVED",
                            "release:" + row.reference(),
                            CanonicalJson.fields("kind", normalKind, "sha256", sha),
                            CanonicalJson.fields("received_on", today.toString())));
        });
        return queries.get(id);
    }

    /** Follow-ups still outstanding that are overdue on {@code asOf}: the items to escalate. */
    List<FollowUp> overdue(LocalDate asOf) {
        return transactions.read(tx -> store.followUps(tx, Optional.empty(), asOf)).stream()
                .filter(FollowUp::overdue)
                .toList();
    }
}
