package org.corridor.authorisation;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/** The authorisation register and coverage checks over HTTP. */
public record AuthorisationRoutes(Authorisations authorisations) implements Routes {

    /** An amount as a decimal string in its currency's minor units, such as {"amount": "4704000.00", "currency": "EUR"}. */
    public record MoneyValue(String amount, String currency) {
        static MoneyValue of(Money money) {
            return new MoneyValue(money.toDecimalString(), money.currency().code());
        }

        Money toMoney(String field) {
            if (amount == null || currency == null) {
                throw new InvalidInputException("FIELD_MISSING", field + " needs an amount and a currency");
            }
            return Money.parse(amount, Currency.of(currency));
        }
    }

    /** A threshold (FR-30): NOTIFY_AUTHORITY or PRIOR_APPROVAL, ABOVE or AT_OR_ABOVE the amount. */
    public record ThresholdValue(
            String action, String comparison, MoneyValue amount, List<String> movements, Integer aggregationDays) {

        Threshold toThreshold() {
            return new Threshold(
                    value(Threshold.Action.class, action, "threshold action"),
                    value(Threshold.Comparison.class, comparison, "threshold comparison"),
                    required(amount, "threshold amount").toMoney("threshold amount"),
                    kinds(movements, "threshold movements"),
                    required(aggregationDays, "threshold aggregation_days"));
        }
    }

    /** A cap: PER_TRANSACTION, PER_PERIOD (with period_days) or TOTAL. */
    public record CapValue(String scope, MoneyValue limit, Optional<Integer> periodDays, List<String> movements) {

        Cap toCap() {
            return new Cap(
                    value(Cap.Scope.class, scope, "cap scope"),
                    required(limit, "cap limit").toMoney("cap limit"),
                    periodDays == null ? 0 : periodDays.orElse(0),
                    kinds(movements, "cap movements"));
        }
    }

    /** A document as base64 with the file name it arrived under. */
    public record DocumentValue(String name, String contentBase64) {}

    /** The terms of a new authorisation or renewal (dates inclusive, in the channel's zone). */
    public record NewAuthorisationRequest(
            String reference,
            String type,
            Optional<String> series,
            String issuer,
            String legalBasis,
            LocalDate validFrom,
            LocalDate validTo,
            Optional<List<String>> permittedPurposes,
            List<String> permittedMovements,
            List<String> permittedCurrencies,
            Optional<List<String>> prohibitedCurrencies,
            List<String> permittedLocations,
            Optional<List<String>> priorApprovalFor,
            Optional<List<ThresholdValue>> thresholds,
            Optional<List<CapValue>> caps,
            Optional<String> conditions,
            Optional<DocumentValue> document) {

        NewAuthorisation toTerms() {
            NewAuthorisation.Builder builder = NewAuthorisation.builder(
                            required(reference, "reference"), value(AuthorisationType.class, type, "type"))
                    .issuer(required(issuer, "issuer"))
                    .legalBasis(required(legalBasis, "legal_basis"))
                    .valid(required(validFrom, "valid_from"), required(validTo, "valid_to"))
                    .purposes(enums(Category.class, list(permittedPurposes), "permitted_purposes"))
                    .movements(kinds(required(permittedMovements, "permitted_movements"), "permitted_movements"))
                    .currencies(currencies(required(permittedCurrencies, "permitted_currencies")))
                    .prohibitedCurrencies(currencies(list(prohibitedCurrencies)))
                    .locations(required(permittedLocations, "permitted_locations"))
                    .priorApprovalFor(kinds(list(priorApprovalFor), "prior_approval_for"))
                    .thresholds(list(thresholds).stream()
                            .map(t -> required(t, "threshold").toThreshold())
                            .toList())
                    .caps(list(caps).stream()
                            .map(c -> required(c, "cap").toCap())
                            .toList())
                    .conditions(conditions == null ? "" : conditions.orElse(""));
            if (series != null) {
                series.ifPresent(builder::series);
            }
            if (document != null && document.isPresent()) {
                DocumentValue value = document.get();
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(required(value.contentBase64(), "document.content_base64"));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("DOCUMENT_INVALID", "document.content_base64 is not base64");
                }
                builder.document(new Document(value.name(), bytes));
            }
            return builder.build();
        }
    }

    /** A cap as the API shows it: {@code period_days} only for a per-period cap. */
    public record CapView(Cap.Scope scope, Money limit, Optional<Integer> periodDays, Set<MovementKind> movements) {
        static CapView of(Cap c) {
            return new CapView(
                    c.scope(),
                    c.limit(),
                    c.scope() == Cap.Scope.PER_PERIOD ? Optional.of(c.periodDays()) : Optional.empty(),
                    c.movements());
        }
    }

    /** An authorisation as recorded; it differs from {@link Authorisation} only in how caps are shown. */
    public record AuthorisationView(
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
            List<CapView> caps,
            String conditions,
            Optional<DocumentRef> document,
            Instant recordedAt,
            String recordedBy) {
        static AuthorisationView of(Authorisation a) {
            return new AuthorisationView(
                    a.id(),
                    a.reference(),
                    a.type(),
                    a.series(),
                    a.predecessorId(),
                    a.issuer(),
                    a.legalBasis(),
                    a.validFrom(),
                    a.validTo(),
                    a.permittedPurposes(),
                    a.permittedMovements(),
                    a.permittedCurrencies(),
                    a.prohibitedCurrencies(),
                    a.permittedLocations(),
                    a.priorApprovalFor(),
                    a.thresholds(),
                    a.caps().stream().map(CapView::of).toList(),
                    a.conditions(),
                    a.document(),
                    a.recordedAt(),
                    a.recordedBy());
        }
    }

    /**
     * A movement to check. Give its business date as {@code execution_date}, or its execution
     * instant as {@code executed_at} (converted to the channel's zone).
     */
    public record MovementRequest(
            Optional<String> reference,
            String kind,
            Optional<LocalDate> executionDate,
            Optional<Instant> executedAt,
            MoneyValue amount,
            Optional<MoneyValue> counterAmount,
            Optional<List<String>> purposes,
            Optional<String> accountLocation,
            Optional<String> destinationLocation,
            Optional<String> priorApprovalReference,
            Optional<String> linkedPaymentKey) {}

    /** A covering authorisation named by its id and reference, with what it requires. */
    public record CoveringView(UUID id, String reference, List<Requirement> requirements) {}

    /**
     * Either covered (by the listed authorisations, the first to reference) or not, with the reasons
     * in order: one shape for both outcomes of {@link Coverage}.
     */
    public record CoverageView(
            boolean covered,
            LocalDate executionDate,
            List<CoveringView> authorisations,
            List<CoverageReason> reasons,
            List<CoverageFinding> findings) {}

    /** A pending item, without the authorisations it relies on: the warning names the one that expires. */
    public record PendingItemView(
            String kind, String reference, Optional<Money> amount, Optional<LocalDate> plannedDate) {}

    /** An expiry warning, with the expiring authorisation named by its id, reference and last day. */
    public record WarningView(
            UUID id,
            String reference,
            LocalDate validTo,
            long daysRemaining,
            int leadDays,
            Optional<String> renewedBy,
            List<PendingItemView> affectedItems) {}

    @Override
    public void register(Api api) {
        api.post("/api/v1/authorisations")
                .requires(Permission.AUTHORISATION_MANAGE)
                .tag("authorisations")
                .summary("Register an authorisation (waiver, licence or channel assurance)")
                .request(NewAuthorisationRequest.class)
                .response(AuthorisationView.class)
                .status(201)
                .handle(ctx -> {
                    NewAuthorisationRequest request = Requests.body(ctx, NewAuthorisationRequest.class);
                    Authorisation added = authorisations.register(Api.actor(ctx), request.toTerms());
                    ctx.status(201).json(AuthorisationView.of(added));
                });
        api.get("/api/v1/authorisations")
                .requires(Permission.AUTHORISATION_READ)
                .tag("authorisations")
                .summary("List authorisations by start date")
                .query("valid_on", "only those valid on this date (YYYY-MM-DD)")
                .responseList(AuthorisationView.class)
                .handle(ctx -> {
                    Optional<LocalDate> on = Requests.dateQuery(ctx, "valid_on");
                    List<Authorisation> list = on.map(authorisations::validOn).orElseGet(authorisations::list);
                    ctx.json(list.stream().map(AuthorisationView::of).toList());
                });
        api.get("/api/v1/authorisations/{id}")
                .requires(Permission.AUTHORISATION_READ)
                .tag("authorisations")
                .summary("Show one authorisation")
                .response(AuthorisationView.class)
                .handle(ctx -> ctx.json(AuthorisationView.of(authorisations.get(Requests.uuidPath(ctx, "id")))));
        api.get("/api/v1/authorisations/{id}/document")
                .requires(Permission.AUTHORISATION_READ)
                .tag("authorisations")
                .summary("Download an authorisation's document, as stored under its SHA-256")
                .produces("application/octet-stream")
                .handle(this::document);
        api.post("/api/v1/authorisations/{id}/renewals")
                .requires(Permission.AUTHORISATION_MANAGE)
                .tag("authorisations")
                .summary("Record a renewal: a new authorisation in the same series, linked to this one")
                .request(NewAuthorisationRequest.class)
                .response(AuthorisationView.class)
                .status(201)
                .handle(ctx -> {
                    UUID predecessor = Requests.uuidPath(ctx, "id");
                    NewAuthorisationRequest request = Requests.body(ctx, NewAuthorisationRequest.class);
                    Authorisation renewal = authorisations.renew(Api.actor(ctx), predecessor, request.toTerms());
                    ctx.status(201).json(AuthorisationView.of(renewal));
                });
        registerChecks(api);
    }

    /** Gaps, expiry warnings and coverage checks. */
    private void registerChecks(Api api) {
        api.get("/api/v1/authorisation-gaps")
                .requires(Permission.AUTHORISATION_READ)
                .tag("authorisations")
                .summary("Gaps between consecutive periods of each series (inclusive dates)")
                .query("as_of", "also report an open gap from the end of a series' last period to this date")
                .responseList(Gap.class)
                .handle(ctx -> ctx.json(authorisations.gaps(Requests.dateQuery(ctx, "as_of"))));
        api.get("/api/v1/authorisation-warnings")
                .requires(Permission.AUTHORISATION_READ)
                .tag("authorisations")
                .summary("Authorisations about to expire, with the pending items each expiry would affect")
                .query("on", "as of this date (default: today in the channel's zone)")
                .query("lead_days", "comma-separated lead times in days (default: 30,14,7,1)")
                .responseList(WarningView.class)
                .handle(this::warnings);
        api.post("/api/v1/coverage-checks")
                .requires(Permission.AUTHORISATION_READ)
                .tag("authorisations")
                .summary("Which authorisations cover a movement on its execution date, or the reasons none does")
                .request(MovementRequest.class)
                .response(CoverageView.class)
                .handle(ctx -> {
                    Movement movement = movement(Requests.body(ctx, MovementRequest.class));
                    ctx.json(view(movement.executionDate(), authorisations.coverage(movement)));
                });
    }

    private void document(Context ctx) {
        UUID id = Requests.uuidPath(ctx, "id");
        byte[] content = authorisations
                .document(id)
                .orElseThrow(
                        () -> new NotFoundException("DOCUMENT_NOT_FOUND", "authorisation " + id + " has no document"));
        ctx.contentType("application/octet-stream").result(content);
    }

    private void warnings(Context ctx) {
        LocalDate on = Requests.dateQuery(ctx, "on").orElseGet(authorisations::today);
        List<Integer> leads = Requests.query(ctx, "lead_days")
                .map(text -> {
                    List<Integer> parsed = new ArrayList<>();
                    for (String part : text.split(",")) {
                        try {
                            parsed.add(Integer.parseInt(part.trim()));
                        } catch (NumberFormatException e) {
                            throw new InvalidInputException(
                                    "PARAMETER_INVALID", "lead_days is a comma-separated list of whole days");
                        }
                    }
                    return parsed;
                })
                .orElse(Authorisations.DEFAULT_WARNING_DAYS);
        ctx.json(authorisations.expiryWarnings(on, leads).stream()
                .map(w -> new WarningView(
                        w.authorisation().id(),
                        w.authorisation().reference(),
                        w.authorisation().validTo(),
                        w.daysRemaining(),
                        w.leadDays(),
                        w.renewedBy(),
                        w.affectedItems().stream()
                                .map(item -> new PendingItemView(
                                        item.kind(), item.reference(), item.amount(), item.plannedDate()))
                                .toList()))
                .toList());
    }

    private Movement movement(MovementRequest request) {
        MovementKind kind = value(MovementKind.class, request.kind(), "kind");
        LocalDate date =
                authorisations.executionDate(optional(request.executionDate()), optional(request.executedAt()));
        Movement movement =
                Movement.of(kind, date, required(request.amount(), "amount").toMoney("amount"));
        movement = movement.withReference(optional(request.reference()).orElse(null))
                .withAccountLocation(optional(request.accountLocation()).orElse(null))
                .withDestinationLocation(optional(request.destinationLocation()).orElse(null))
                .withPriorApproval(optional(request.priorApprovalReference()).orElse(null))
                .withLinkedPaymentKey(optional(request.linkedPaymentKey()).orElse(null))
                .withPurposes(enums(Category.class, list(request.purposes()), "purposes")
                        .toArray(Category[]::new));
        Optional<MoneyValue> counter = optional(request.counterAmount());
        if (counter.isPresent()) {
            movement = movement.withCounterAmount(counter.get().toMoney("counter_amount"));
        }
        return movement;
    }

    static CoverageView view(LocalDate date, Coverage coverage) {
        if (coverage instanceof Coverage.Covered covered) {
            return new CoverageView(
                    true,
                    date,
                    covered.authorisations().stream()
                            .map(c -> new CoveringView(
                                    c.authorisation().id(), c.authorisation().reference(), c.requirements()))
                            .toList(),
                    List.of(),
                    List.of());
        }
        Coverage.NotCovered refused = (Coverage.NotCovered) coverage;
        return new CoverageView(false, date, List.of(), refused.reasons(), refused.findings());
    }

    static <T> T required(T value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new InvalidInputException("FIELD_MISSING", field + " is required");
        }
        return value;
    }

    static <E extends Enum<E>> E value(Class<E> type, String text, String field) {
        return Enums.parse(type, required(text, field))
                .orElseThrow(() -> new InvalidInputException(
                        "VALUE_UNKNOWN", field + " must be one of " + List.of(type.getEnumConstants()) + ": " + text));
    }

    static <E extends Enum<E>> List<E> enums(Class<E> type, List<String> texts, String field) {
        return texts.stream().map(text -> value(type, text, field)).toList();
    }

    static Set<MovementKind> kinds(List<String> texts, String field) {
        return Set.copyOf(enums(MovementKind.class, required(texts, field), field));
    }

    private static List<Currency> currencies(List<String> codes) {
        return codes.stream().map(Currency::of).toList();
    }

    /** Jackson gives null for an absent Optional in some shapes; treat null and empty alike. */
    static <T> Optional<T> optional(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    static <T> List<T> list(Optional<List<T>> value) {
        return optional(value).orElse(List.of());
    }
}
