package org.corridor.ownership;

import java.util.Optional;

/**
 * One row of ownership data as given, from a CSV line or a JSON batch: an owner, and optionally
 * the party it owns or controls with the share, the kind, the evidence and the date. Nothing is
 * checked yet; {@link Ownership#record} refuses a batch with any bad row, naming the row.
 *
 * <p>A row without {@code ownedId} only registers the owner (its name, kind and listings): that is
 * how a listed person is designated, or a designation ended ({@code ended} true).
 *
 * @param ownerKind ENTITY (default), PERSON or VESSEL
 * @param ownerListing list designations of the owner, {@code LIST:ENTITY_ID}, several separated by ';'
 * @param sharePercent the share, 0 to 100 with up to 4 decimals; required for OWNERSHIP, absent for CONTROL
 * @param kind OWNERSHIP (default) or CONTROL
 * @param source the evidence, such as "Swiss commercial register extract 2024-06-30"
 * @param asOf the date the evidence speaks for, YYYY-MM-DD
 * @param ended true to record that the edge (or, on an owner-only row, the designation) has ended
 */
public record EdgeInput(
        String ownerId,
        String ownerName,
        Optional<String> ownerKind,
        Optional<String> ownerListing,
        Optional<String> ownedId,
        Optional<String> ownedName,
        Optional<String> ownedKind,
        Optional<String> sharePercent,
        Optional<String> kind,
        String source,
        String asOf,
        Optional<Boolean> ended) {

    /** An ownership edge between two entities: the common case. */
    public static EdgeInput owns(
            String ownerId,
            String ownerName,
            String ownedId,
            String ownedName,
            String percent,
            String source,
            String asOf) {
        return new EdgeInput(
                ownerId,
                ownerName,
                Optional.empty(),
                Optional.empty(),
                Optional.of(ownedId),
                Optional.of(ownedName),
                Optional.empty(),
                Optional.of(percent),
                Optional.empty(),
                source,
                asOf,
                Optional.empty());
    }

    /** An owner-only row designating a party as listed. */
    public static EdgeInput designate(
            String partyId, String partyName, PartyKind kind, String listing, String source, String asOf) {
        return new EdgeInput(
                partyId,
                partyName,
                Optional.of(kind.name()),
                Optional.of(listing),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                source,
                asOf,
                Optional.empty());
    }

    public EdgeInput withKind(EdgeKind edgeKind) {
        return with(
                ownerListing,
                edgeKind == EdgeKind.CONTROL ? Optional.empty() : sharePercent,
                Optional.of(edgeKind.name()),
                ended);
    }

    public EdgeInput withOwnerListing(String listing) {
        return with(Optional.of(listing), sharePercent, kind, ended);
    }

    public EdgeInput withEnded(boolean value) {
        return with(ownerListing, sharePercent, kind, Optional.of(value));
    }

    /** This edge with its owner's listing, share, kind or end changed; the parties and source stay. */
    private EdgeInput with(
            Optional<String> newOwnerListing,
            Optional<String> newSharePercent,
            Optional<String> newKind,
            Optional<Boolean> newEnded) {
        return new EdgeInput(
                ownerId,
                ownerName,
                ownerKind,
                newOwnerListing,
                ownedId,
                ownedName,
                ownedKind,
                newSharePercent,
                newKind,
                source,
                asOf,
                newEnded);
    }
}
