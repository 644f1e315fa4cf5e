package org.corridor.authorisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;

/**
 * The terms of an authorisation as given to the register (FR-1): what it is, who issued it, when it
 * is valid (inclusive dates in the channel's zone), and what it permits. Build one with
 * {@link #builder}. {@link #validate()} names the first broken rule.
 *
 * @param series the programme the authorisation belongs to; renewals inherit it, and gaps are
 *     computed between consecutive periods of one series. Defaults to the reference.
 * @param priorApprovalFor movement kinds that need the Authority's prior approval per transaction
 */
public record NewAuthorisation(
        String reference,
        AuthorisationType type,
        Optional<String> series,
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
        Optional<Document> document) {

    static final String REFERENCE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}";

    public NewAuthorisation {
        reference = reference == null ? "" : reference.trim();
        series = series == null ? Optional.empty() : series.map(String::trim).filter(s -> !s.isEmpty());
        issuer = issuer == null ? "" : issuer.trim();
        legalBasis = legalBasis == null ? "" : legalBasis.trim();
        permittedPurposes = Sets.enums(Category.class, permittedPurposes);
        permittedMovements = Sets.enums(MovementKind.class, permittedMovements);
        permittedCurrencies = Sets.sorted(permittedCurrencies, Currency::code);
        prohibitedCurrencies = Sets.sorted(prohibitedCurrencies, Currency::code);
        permittedLocations = Locations.normalise(permittedLocations);
        priorApprovalFor = Sets.enums(MovementKind.class, priorApprovalFor);
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        caps = caps == null ? List.of() : List.copyOf(caps);
        conditions = conditions == null ? "" : conditions.trim();
        document = document == null ? Optional.empty() : document;
    }

    public static Builder builder(String reference, AuthorisationType type) {
        return new Builder(reference, type);
    }

    /** Refuses terms that are incomplete or contradict themselves, naming the first problem. */
    public NewAuthorisation validate() {
        if (!reference.matches(REFERENCE_PATTERN)) {
            throw new InvalidInputException(
                    "AUTHORISATION_REFERENCE_INVALID",
                    "a reference is 1 to 64 letters, digits, '.', '_', '/' or '-', such as W-19: '" + reference + "'");
        }
        if (series.isPresent() && !series.get().matches(REFERENCE_PATTERN)) {
            throw new InvalidInputException(
                    "AUTHORISATION_SERIES_INVALID", "a series is named like a reference: '" + series.get() + "'");
        }
        if (type == null) {
            throw missing("type");
        }
        if (issuer.isEmpty()) {
            throw missing("issuer");
        }
        if (legalBasis.isEmpty()) {
            throw missing("legal basis");
        }
        if (validFrom == null || validTo == null) {
            throw missing("validity (valid from and valid to)");
        }
        if (validTo.isBefore(validFrom)) {
            throw new InvalidInputException(
                    "AUTHORISATION_VALIDITY_INVALID", "valid to " + validTo + " is before valid from " + validFrom);
        }
        if (permittedMovements.isEmpty()) {
            throw missing("permitted movement kinds");
        }
        if (permittedMovements.contains(MovementKind.DISBURSEMENT) && permittedPurposes.isEmpty()) {
            throw missing("permitted purposes (disbursements are permitted)");
        }
        if (permittedCurrencies.isEmpty()) {
            throw missing("permitted currencies");
        }
        for (Currency currency : permittedCurrencies) {
            if (prohibitedCurrencies.contains(currency)) {
                throw new InvalidInputException(
                        "AUTHORISATION_CURRENCIES_CONFLICT", currency + " is both permitted and prohibited");
            }
        }
        if (permittedLocations.isEmpty()) {
            throw missing("permitted account locations");
        }
        for (MovementKind kind : priorApprovalFor) {
            if (!permittedMovements.contains(kind)) {
                throw new InvalidInputException(
                        "AUTHORISATION_TERMS_INVALID",
                        "prior approval is required for " + kind + ", which is not permitted");
            }
        }
        return this;
    }

    private static InvalidInputException missing(String what) {
        return new InvalidInputException("AUTHORISATION_INCOMPLETE", "an authorisation needs its " + what);
    }

    /** Assembles terms step by step; {@link #build()} does not validate (the register does). */
    public static final class Builder {
        private String reference;
        private AuthorisationType type;
        private Optional<String> series = Optional.empty();
        private String issuer = "";
        private String legalBasis = "";
        private LocalDate validFrom;
        private LocalDate validTo;
        private Set<Category> purposes = Set.of();
        private Set<MovementKind> movements = Set.of();
        private Set<Currency> currencies = Set.of();
        private Set<Currency> prohibited = Set.of();
        private Set<String> locations = Set.of();
        private Set<MovementKind> priorApproval = Set.of();
        private List<Threshold> thresholds = List.of();
        private List<Cap> caps = List.of();
        private String conditions = "";
        private Optional<Document> document = Optional.empty();

        private Builder(String reference, AuthorisationType type) {
            this.reference = reference;
            this.type = type;
        }

        public Builder reference(String value) {
            this.reference = value;
            return this;
        }

        public Builder type(AuthorisationType value) {
            this.type = value;
            return this;
        }

        public Builder series(String value) {
            this.series = Optional.ofNullable(value);
            return this;
        }

        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        public Builder legalBasis(String value) {
            this.legalBasis = value;
            return this;
        }

        public Builder valid(LocalDate from, LocalDate to) {
            this.validFrom = from;
            this.validTo = to;
            return this;
        }

        public Builder purposes(Collection<Category> values) {
            this.purposes = Set.copyOf(values);
            return this;
        }

        public Builder purposes(Category... values) {
            return purposes(List.of(values));
        }

        public Builder movements(Collection<MovementKind> values) {
            this.movements = Set.copyOf(values);
            return this;
        }

        public Builder movements(MovementKind... values) {
            return movements(List.of(values));
        }

        public Builder currencies(Collection<Currency> values) {
            this.currencies = Set.copyOf(values);
            return this;
        }

        public Builder currencies(Currency... values) {
            return currencies(List.of(values));
        }

        public Builder prohibitedCurrencies(Collection<Currency> values) {
            this.prohibited = Set.copyOf(values);
            return this;
        }

        public Builder prohibitedCurrencies(Currency... values) {
            return prohibitedCurrencies(List.of(values));
        }

        public Builder locations(Collection<String> values) {
            this.locations = Set.copyOf(values);
            return this;
        }

        public Builder locations(String... values) {
            return locations(List.of(values));
        }

        public Builder priorApprovalFor(Collection<MovementKind> values) {
            this.priorApproval = Set.copyOf(values);
            return this;
        }

        public Builder priorApprovalFor(MovementKind... values) {
            return priorApprovalFor(List.of(values));
        }

        public Builder thresholds(Collection<Threshold> values) {
            this.thresholds = List.copyOf(values);
            return this;
        }

        public Builder threshold(Threshold value) {
            this.thresholds = concat(thresholds, value);
            return this;
        }

        public Builder caps(Collection<Cap> values) {
            this.caps = List.copyOf(values);
            return this;
        }

        public Builder cap(Cap value) {
            this.caps = concat(caps, value);
            return this;
        }

        public Builder conditions(String value) {
            this.conditions = value;
            return this;
        }

        public Builder document(Document value) {
            this.document = Optional.ofNullable(value);
            return this;
        }

        public NewAuthorisation build() {
            return new NewAuthorisation(
                    reference,
                    type,
                    series,
                    issuer,
                    legalBasis,
                    validFrom,
                    validTo,
                    purposes,
                    movements,
                    currencies,
                    prohibited,
                    locations,
                    priorApproval,
                    thresholds,
                    caps,
                    conditions,
                    document);
        }

        private static <T> List<T> concat(List<T> list, T value) {
            ArrayList<T> copy = new ArrayList<>(list);
            copy.add(value);
            return List.copyOf(copy);
        }
    }
}
