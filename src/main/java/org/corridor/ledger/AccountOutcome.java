package org.corridor.ledger;

import java.util.UUID;

/** What became of one account in a creation batch. */
public record AccountOutcome(UUID id, AccountResult result) {}
