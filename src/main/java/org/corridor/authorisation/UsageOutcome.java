package org.corridor.authorisation;

import java.util.List;

/**
 * What recording a movement's usage of an authorisation did. Recording re-checks the authorisation
 * under a row lock, so two movements racing for the last of a cap cannot both pass.
 */
public sealed interface UsageOutcome {

    /** The usage is recorded; the caller's transaction may commit. */
    record Recorded(Authorisation authorisation, List<Requirement> requirements) implements UsageOutcome {}

    /** The same movement was recorded before with the same content; nothing changed. */
    record AlreadyRecorded(Authorisation authorisation) implements UsageOutcome {}

    /** A movement with this reference was recorded before with different content; nothing changed. */
    record ExistsWithDifferentContent(Authorisation authorisation) implements UsageOutcome {}

    /** The authorisation does not cover the movement (any more); nothing changed, roll back. */
    record Refused(Authorisation authorisation, List<CoverageFinding> findings) implements UsageOutcome {}
}
