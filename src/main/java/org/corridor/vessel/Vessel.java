package org.corridor.vessel;

import java.time.Instant;
import java.util.Optional;
import org.corridor.ownership.PartyRef;

/**
 * A vessel's particulars as registered: the newest version for its IMO number. The registered
 * owner and the manager are parties of the ownership graph (by id), so the 50 Percent Rule applies
 * to them.
 */
public record Vessel(
        Imo imo,
        String name,
        Optional<String> flagState,
        Optional<PartyRef> registeredOwner,
        Optional<PartyRef> manager,
        String source,
        Instant recordedAt) {}
