package org.corridor.release;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.corridor.audit.Hashing;
import org.corridor.ownership.Ownership;
import org.corridor.ownership.OwnershipAssessment;
import org.corridor.ownership.OwnershipPath;
import org.corridor.ownership.OwnershipStatus;
import org.corridor.ownership.PartyRef;
import org.corridor.screening.EntityType;
import org.corridor.screening.Hit;
import org.corridor.screening.ListedEntity;
import org.corridor.screening.Party;
import org.corridor.vessel.VesselDecision;
import org.corridor.vessel.VesselQuery;
import org.corridor.vessel.VesselScreening;
import org.corridor.vessel.Vessels;

/**
 * Screening of a request's parties: names against the lists, entities under the 50 Percent Rule,
 * and the vessel by IMO number, name and risk indicators. What it finds is a {@link Finding}; the
 * {@link HitQueue} decides which become hits. Reads only; thread-safe.
 */
final class PartyChecks {

    /** What screening found on one party (before it reaches the queue). */
    record Finding(
            PartyRole role,
            String partyName,
            String partyKey,
            String source,
            String entityKey,
            String entityName,
            List<String> programmes,
            BigDecimal score,
            String fingerprint,
            List<String> why,
            Map<String, String> versions) {}

    /**
     * A named party of a request, with its role, id in the ownership graph and declared type (banks
     * are organisations; a carrier stays untyped, as it may trade under its ship's name).
     */
    private record Named(PartyRole role, String name, String id, Optional<EntityType> type) {
        Named(PartyRole role, NewRequest.PartyInput party) {
            this(role, party.name().trim(), RequestChecks.partyId(party), RequestChecks.partyType(party, "party"));
        }

        static Named organisation(PartyRole role, String name) {
            return new Named(role, name, RequestChecks.slug(name), Optional.of(EntityType.ORGANISATION));
        }
    }

    private final PartyScreening lists;
    private final Ownership ownership;
    private final Vessels vessels;

    PartyChecks(PartyScreening lists, Ownership ownership, Vessels vessels) {
        this.lists = lists;
        this.ownership = ownership;
        this.vessels = vessels;
    }

    /** Screens the request's parties in {@code roles} on {@code on}. */
    List<Finding> screen(NewRequest request, LocalDate on, Set<PartyRole> roles) {
        List<Finding> findings = new ArrayList<>();
        for (Named party : parties(request, roles)) {
            findings.addAll(nameFindings(party.role(), party.name(), party.type(), lists));
            OwnershipAssessment assessment = ownership.assess(PartyRef.entity(party.id(), party.name()));
            if (assessment.status() != OwnershipStatus.CLEAR) {
                findings.add(ownershipFinding(party, assessment));
            }
        }
        NewRequest.ShipmentInput shipment = request.shipment();
        Optional<String> vesselName = RequestChecks.optional(shipment.vesselName());
        Optional<String> imo = RequestChecks.optional(shipment.vesselImo()).map(text -> text.replaceAll("[^0-9]", ""));
        if (roles.contains(PartyRole.VESSEL) && (vesselName.isPresent() || imo.isPresent())) {
            vesselName.ifPresent(name ->
                    findings.addAll(nameFindings(PartyRole.VESSEL, name, Optional.of(EntityType.VESSEL), lists)));
            VesselScreening vessel = vessels.screen(
                    new VesselQuery(imo, vesselName, Optional.empty(), Optional.empty(), Optional.empty(), List.of()),
                    on);
            if (vessel.decision() != VesselDecision.CLEAR) {
                findings.add(vesselFinding(vesselName.orElse("IMO " + imo.orElse("")), imo, vessel));
            }
        }
        return findings;
    }

    /** Screens every name of the request (parties and vessel) against {@code changed} lists only. */
    static List<Finding> names(NewRequest request, PartyScreening changed) {
        List<Finding> findings = new ArrayList<>();
        for (Named party : parties(request, Set.of(PartyRole.values()))) {
            findings.addAll(nameFindings(party.role(), party.name(), party.type(), changed));
        }
        RequestChecks.optional(request.shipment().vesselName())
                .ifPresent(name ->
                        findings.addAll(nameFindings(PartyRole.VESSEL, name, Optional.of(EntityType.VESSEL), changed)));
        return findings;
    }

    /** The list, graph and vessel versions the findings were made under. */
    static Map<String, String> versions(List<Finding> findings) {
        Map<String, String> versions = new TreeMap<>();
        findings.forEach(finding -> versions.putAll(finding.versions()));
        return versions;
    }

    private static List<Named> parties(NewRequest request, Set<PartyRole> roles) {
        List<Named> parties = new ArrayList<>();
        parties.add(new Named(PartyRole.VENDOR, request.vendor()));
        parties.add(Named.organisation(
                PartyRole.VENDOR_BANK, request.vendorAccount().bankName().trim()));
        if (request.intermediaryBank() != null) {
            request.intermediaryBank()
                    .ifPresent(party -> parties.add(new Named(
                            PartyRole.INTERMEDIARY_BANK,
                            party.name().trim(),
                            RequestChecks.partyId(party),
                            Optional.of(EntityType.ORGANISATION))));
        }
        parties.add(new Named(PartyRole.PURCHASER, request.purchaser()));
        if (request.endUsers() != null) {
            for (NewRequest.PartyInput endUser : request.endUsers()) {
                parties.add(new Named(PartyRole.END_USER, endUser));
            }
        }
        if (request.forwarder() != null) {
            request.forwarder().ifPresent(party -> parties.add(new Named(PartyRole.FORWARDER, party)));
        }
        String carrier = request.shipment().carrier().trim();
        parties.add(new Named(PartyRole.CARRIER, carrier, RequestChecks.slug(carrier), Optional.empty()));
        return parties.stream().filter(party -> roles.contains(party.role())).toList();
    }

    private static List<Finding> nameFindings(
            PartyRole role, String name, Optional<EntityType> type, PartyScreening lists) {
        Party party = type.map(Party.named(name)::withType).orElse(Party.named(name));
        PartyScreening.PartyCheck check = lists.screen(party);
        List<Finding> findings = new ArrayList<>();
        for (Hit hit : check.outcome().hits()) {
            ListedEntity entity = hit.entity();
            findings.add(new Finding(
                    role,
                    name,
                    RequestChecks.partyKey(name),
                    HitSource.NAME.name(),
                    entity.key(),
                    entity.primaryName(),
                    entity.programmes(),
                    BigDecimal.valueOf(hit.score()).setScale(4, RoundingMode.HALF_EVEN),
                    fingerprint(entity),
                    hit.why(),
                    prefixed("list:", check.listVersions())));
        }
        return findings;
    }

    /** The listing's fingerprint: a hash of everything the list says about the entity. */
    static String fingerprint(ListedEntity entity) {
        return Hashing.sha256Hex(entity.toString());
    }

    private static Finding ownershipFinding(Named party, OwnershipAssessment assessment) {
        String basis =
                assessment.status() + " " + assessment.blockedSharePercent().toPlainString() + " "
                        + String.join(
                                "|",
                                assessment.listedPaths().stream()
                                        .map(OwnershipPath::text)
                                        .toList());
        BigDecimal score = assessment.status().blocked()
                ? BigDecimal.ONE
                : assessment.blockedSharePercent().movePointLeft(2).min(BigDecimal.ONE);
        return new Finding(
                party.role(),
                party.name(),
                RequestChecks.partyKey(party.name()),
                HitSource.OWNERSHIP.name(),
                "OWNERSHIP:" + PartyRef.normaliseId(party.id()),
                assessment.status().name() + " ("
                        + assessment.blockedSharePercent().stripTrailingZeros().toPlainString() + "% blocked)",
                List.of(),
                score.setScale(4, RoundingMode.HALF_EVEN),
                Hashing.sha256Hex(basis),
                assessment.explanation(),
                assessment.versions());
    }

    private static Finding vesselFinding(String name, Optional<String> imo, VesselScreening vessel) {
        String basis = vessel.decision() + " "
                + String.join(
                        "|",
                        vessel.reasons().stream()
                                .map(reason -> reason.code() + ":" + reason.detail())
                                .toList());
        return new Finding(
                PartyRole.VESSEL,
                name,
                RequestChecks.partyKey(name),
                HitSource.VESSEL.name(),
                "VESSEL:" + imo.orElse(RequestChecks.slug(name)),
                vessel.decision().name(),
                List.of(),
                vessel.decision() == VesselDecision.BLOCKED ? BigDecimal.ONE.setScale(4) : new BigDecimal("0.5000"),
                Hashing.sha256Hex(basis),
                vessel.explanation(),
                vessel.versions());
    }

    private static Map<String, String> prefixed(String prefix, Map<String, String> versions) {
        Map<String, String> out = new TreeMap<>();
        versions.forEach((key, value) -> out.put(prefix + key, value));
        return out;
    }
}
