package org.corridor.authorisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.money.Currency;

/**
 * One authorisation in the register, as recorded. Never edited: a renewal is a new authorisation
 * that names its predecessor. Validity dates are inclusive, in the channel's time zone.
 */
public record Authorisation(
        UUID id,
        String reference,
        AuthorisationType type,
        String series,
        Optional<UUID> predecessorId,
        String issuer,
        String legalBasis,
        LocalDate validFrom,
        LocalDate validTo,
        Set<Category> permittedPurposes,
        Set<MovementKind> permittedMovements,
        Set<Currency> permittedCurrencies,
        Set<Currency> prohibitedCurrencies,
        Set<String> permittedLocations,
        Set<MovementKind> priorApprovalFor,
        List<Threshold> thresholds,
        List<Cap> caps,
        String conditions,
        Optional<DocumentRef> document,
        Instant recordedAt,
        String recordedBy) {

    public Authorisation {
        permittedPurposes = Sets.enums(Category.class, permittedPurposes);
        permittedMovements = Sets.enums(MovementKind.class, permittedMovements);
        permittedCurrencies = Sets.sorted(permittedCurrencies, Currency::code);
        prohibitedCurrencies = Sets.sorted(prohibitedCurrencies, Currency::code);
        permittedLocations = Locations.normalise(permittedLocations);
        priorApprovalFor = Sets.enums(MovementKind.class, priorApprovalFor);
        thresholds = List.copyOf(thresholds);
        caps = List.copyOf(caps);
    }

    static Authorisation of(
            UUID id,
            String series,
            Optional<UUID> predecessorId,
            NewAuthorisation terms,
            Instant recordedAt,
            String recordedBy) {
        return new Authorisation(
                id,
                terms.reference(),
                terms.type(),
                series,
                predecessorId,
                terms.issuer(),
                terms.legalBasis(),
                terms.validFrom(),
                terms.validTo(),
                terms.permittedPurposes(),
                terms.permittedMovements(),
                terms.permittedCurrencies(),
                terms.prohibitedCurrencies(),
                terms.permittedLocations(),
                terms.priorApprovalFor(),
                terms.thresholds(),
                terms.caps(),
                terms.conditions(),
                terms.document().map(Document::ref),
                recordedAt,
                recordedBy);
    }

    /** True when {@code date} lies within the inclusive validity period. */
    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }

    /** The number of days in the validity period, both ends counted. */
    public long days() {
        return java.time.temporal.ChronoUnit.DAYS.between(validFrom, validTo) + 1;
    }

    /** These terms again, as a starting point for a renewal. */
    public NewAuthorisation.Builder terms() {
        return NewAuthorisation.builder(reference, type)
                .series(series)
                .issuer(issuer)
                .legalBasis(legalBasis)
                .valid(validFrom, validTo)
                .purposes(permittedPurposes)
                .movements(permittedMovements)
                .currencies(permittedCurrencies)
                .prohibitedCurrencies(prohibitedCurrencies)
                .locations(permittedLocations)
                .priorApprovalFor(priorApprovalFor)
                .thresholds(thresholds)
                .caps(caps)
                .conditions(conditions);
    }
}
