package org.corridor.ownership;

import java.time.LocalDate;

/** A listed or blocked person holding control of the assessed party, with the edge's evidence. */
public record ControlHolder(PartyRef holder, OwnershipStatus status, String source, LocalDate asOf) {}
