package org.corridor.release;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.DomainException;
import org.corridor.ForbiddenException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.CanonicalJson;
import org.corridor.audit.Hashing;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.Category;
import org.corridor.authorisation.Coverage;
import org.corridor.authorisation.CoverageReason;
import org.corridor.authorisation.CoveringAuthorisation;
import org.corridor.authorisation.Eligibility;
import org.corridor.authorisation.EligibilityResult;
import org.corridor.authorisation.LineResult;
import org.corridor.authorisation.Movement;
import org.corridor.authorisation.MovementKind;
import org.corridor.authorisation.PendingItem;
import org.corridor.authorisation.Requirement;
import org.corridor.authorisation.UsageOutcome;
import org.corridor.authorisation.Verdict;
import org.corridor.ledger.AccountCode;
import org.corridor.ledger.AccountFlag;
import org.corridor.ledger.ChannelCodes;
import org.corridor.ledger.HoldState;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewAccount;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferOutcome;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.ownership.Ownership;
import org.corridor.ownership.OwnershipAssessment;
import org.corridor.ownership.OwnershipPath;
import org.corridor.ownership.OwnershipStatus;
import org.corridor.ownership.PartyRef;
import org.corridor.payments.Bic;
import org.corridor.payments.Iban;
import org.corridor.payments.Pacs008;
import org.corridor.payments.PaymentInstruction;
import org.corridor.payments.PaymentParty;
import org.corridor.screening.EntityType;
import org.corridor.screening.Hit;
import org.corridor.screening.ListedEntity;
import org.corridor.screening.Party;
import org.corridor.screening.Screener;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.settlement.Settlement;
import org.corridor.vessel.VesselDecision;
import org.corridor.vessel.VesselQuery;
import org.corridor.vessel.VesselScreening;
import org.corridor.vessel.Vessels;

/**
 * The release feature's public face: submit a disbursement request, dispose of its screening hits
 * with four eyes, approve it along the chain, schedule and execute it into a pacs.008, amend a
 * rejected party, record follow-up documents, and re-screen open requests when lists change.
 * Every change is one transaction with its audit entry; execution is idempotent and never leaves a
 * half-done payment. Thread-safe.
 */
public final class Releases {

    /** Countries whose parties are never paid (FR-19). */
    public static final Set<String> SANCTIONED_COUNTRIES = Set.of("IR");

    /** Business days within which a rejected transaction is reported (RPT-5). */
    public static final int REPORT_DUE_BUSINESS_DAYS = 10;

    public static final int MAX_PAGE = 500;

    /** Documents due after payment and their deadlines in days from the value date (FR-27). */
    public static final Map<String, Integer> FOLLOW_UPS = followUps();

    private static final Set<String> DISPOSERS = Set.of("COMPLIANCE_ANALYST", "COMPLIANCE_REVIEWER");
    private static final String REVIEWER = "COMPLIANCE_REVIEWER";
    private static final String PRIOR_APPROVAL_PENDING = "PENDING-AUTHORITY-APPROVAL";
    private static final Set<HitState> BLOCKING = EnumSet.of(HitState.OPEN, HitState.ESCALATED, HitState.TRUE_MATCH);

    private final ReleaseStore store;
    private final PartyScreening screening;
    private final Authorisations authorisations;
    private final Eligibility eligibility;
    private final Ownership ownership;
    private final Vessels vessels;
    private final Ledger ledger;
    private final Settlement settlement;
    private final ApprovalPolicy policy;
    private final Clock clock;
    private final ZoneId zone;

    public Releases(
            ReleaseStore store,
            PartyScreening screening,
            Authorisations authorisations,
            Eligibility eligibility,
            Ownership ownership,
            Vessels vessels,
            Ledger ledger,
            Settlement settlement,
            ApprovalPolicy policy,
            Clock clock,
            ZoneId zone) {
        this.store = store;
        this.screening = screening;
        this.authorisations = authorisations;
        this.eligibility = eligibility;
        this.ownership = ownership;
        this.vessels = vessels;
        this.ledger = ledger;
        this.settlement = settlement;
        this.policy = policy;
        this.clock = clock;
        this.zone = zone;
        // Expiry warnings (FR-3) list the requests an expiring authorisation would leave stranded.
        authorisations.addPendingItems(this::pendingItems);
    }

    private static Map<String, Integer> followUps() {
        Map<String, Integer> days = new LinkedHashMap<>();
        days.put("BILL_OF_LADING", 30);
        days.put("CERTIFICATE_OF_ORIGIN", 30);
        days.put("ORDER_REGISTRATION", 30);
        days.put("DELIVERY_CONFIRMATION", 90);
        days.put("END_USE_STATEMENT", 90);
        return Map.copyOf(days);
    }

    /** What a submission produced: the request as submitted and, when it was split, its parts. */
    public record Submission(Release request, List<Release> parts) {}

    /** A change of parties while in review: a new forwarder, or a new shipment (carrier and vessel). */
    public record Amendment(
            Optional<NewRequest.PartyInput> forwarder, Optional<NewRequest.ShipmentInput> shipment, String note) {}

    /** A step of the approval chain to take; the Authority's step carries its reference. */
    public record ApprovalInput(String step, Optional<String> reference, Optional<String> note) {}

    /** An approver's rejection of a whole request, and why. */
    public record RejectionInput(String reasonText) {}

    /** The reason recorded when an approver rejects a request (besides the ReleaseReason names). */
    public static final String REJECTED_BY_APPROVER = "REJECTED_BY_APPROVER";

    /** A disposition of a hit: FALSE_POSITIVE, TRUE_MATCH or ESCALATED, and why. */
    public record Disposition(String decision, String rationale) {}

    /** The bank's own IBAN and BIC for a restricted account, used as the debtor of its payments. */
    public record PayingAccountInput(String account, String iban, String bic, String name) {}

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

    /** A named party of a request, with its role and id in the ownership graph. */
    private record Named(PartyRole role, String name, String id) {}

    // ---------------------------------------------------------------- submission

    /**
     * Submits a request: FR-19, eligibility line by line (DENIED parts removed, ESCALATE lines split
     * off into a held "-B" part), screening of every party, authorisation coverage and the available
     * balance. The same reference and content again returns the original; other content is a 409.
     */
    public Submission submit(Actor by, NewRequest submitted) {
        NewRequest request = RequestChecks.check(submitted);
        String reference = request.reference().trim();
        String sha = Hashing.sha256Hex(ReleaseStore.json(request));
        Optional<ReleaseStore.RequestRow> existing = store.read(tx -> tx.requestByReference(reference));
        if (existing.isPresent()) {
            if (!existing.get().contentSha256().equals(sha)) {
                throw new ConflictException(
                        "RELEASE_EXISTS_WITH_DIFFERENT_CONTENT", reference + " was submitted with other content");
            }
            return submission(existing.get());
        }
        RestrictedAccount account = settlement.accounts().find(request.payFrom());
        if (!account.holder().equalsIgnoreCase(request.holder().trim())) {
            throw new InvalidInputException(
                    "ACCOUNT_NOT_OF_HOLDER",
                    account.name() + " belongs to " + account.holder() + ", not " + request.holder());
        }
        Currency currency = account.currency();
        LocalDate today = today();
        Instant now = clock.instant();
        List<RemovedPart> removed = new ArrayList<>();
        List<ReleaseLine> approvable = new ArrayList<>();
        List<ReleaseLine> escalated = new ArrayList<>();
        EligibilityResult result = eligibility.check(RequestChecks.goodsLines(request, currency), today);
        for (int i = 0; i < request.lines().size(); i++) {
            decide(request.lines().get(i), result.lines().get(i), currency, approvable, escalated, removed);
        }
        Map<String, String> versions = new TreeMap<>(result.versions());
        Optional<ReleaseReason> refusal = vendorRefusal(request);

        List<ReleaseStore.RequestRow> rows = new ArrayList<>();
        List<ReleaseStore.NewDocument> documents = new ArrayList<>();
        for (NewRequest.DocumentInput document : RequestChecks.documents(request)) {
            byte[] content = RequestChecks.content(document);
            documents.add(new ReleaseStore.NewDocument(
                    document.type().trim().toUpperCase(Locale.ROOT),
                    document.name().trim(),
                    Hashing.sha256Hex(content),
                    content));
        }
        boolean split = refusal.isEmpty() && !approvable.isEmpty() && !escalated.isEmpty();
        List<ReleaseLine> allLines = new ArrayList<>(approvable);
        allLines.addAll(escalated);
        UUID parentId = UUID.randomUUID();
        ReleaseStore.RequestRow parent = row(
                parentId,
                reference,
                Optional.empty(),
                request,
                sha,
                account,
                total(allLines, currency),
                new ReleaseStore.Decided(allLines, removed),
                List.of(),
                by,
                now,
                today);
        rows.add(parent);
        ReleaseStore.RequestRow live = parent;
        Optional<ReleaseStore.RequestRow> heldPart = Optional.empty();
        if (split) {
            live = row(
                    UUID.randomUUID(),
                    reference + "-A",
                    Optional.of(reference),
                    request,
                    sha,
                    account,
                    total(approvable, currency),
                    new ReleaseStore.Decided(approvable, removed),
                    List.of(),
                    by,
                    now,
                    today);
            heldPart = Optional.of(row(
                    UUID.randomUUID(),
                    reference + "-B",
                    Optional.of(reference),
                    request,
                    sha,
                    account,
                    total(escalated, currency),
                    new ReleaseStore.Decided(escalated, List.of()),
                    List.of(),
                    by,
                    now,
                    today));
            rows.add(live);
            rows.add(heldPart.get());
        }
        // The live part: its approval chain, coverage, balance and the screening of its parties.
        Optional<String> liveReason = refusal.map(Enum::name);
        List<Finding> findings = List.of();
        if (refusal.isEmpty() && approvable.isEmpty() && escalated.isEmpty()) {
            liveReason = Optional.of(ReleaseReason.NOTHING_ELIGIBLE.name());
        }
        boolean liveHeldForLines = refusal.isEmpty() && approvable.isEmpty() && !escalated.isEmpty();
        if (liveReason.isEmpty()) {
            Money amount = Money.ofMinor(live.amountMinor(), currency);
            Coverage coverage = authorisations.coverage(movement(live, Optional.of(PRIOR_APPROVAL_PENDING), today));
            boolean priorApproval = coverage instanceof Coverage.Covered covered
                    && covered.primary().requirements().stream()
                            .anyMatch(requirement -> requirement.kind() == Requirement.Kind.PRIOR_APPROVAL);
            live = withSteps(live, policy.steps(amount, priorApproval));
            rows.set(split ? 1 : 0, live);
            if (coverage instanceof Coverage.NotCovered notCovered) {
                liveReason = Optional.of(notCovered.primary().name());
            } else if (ledger.requireAccount(account.id()).has(AccountFlag.BLOCKED)) {
                liveReason = Optional.of(ReleaseReason.ACCOUNT_BLOCKED.name());
            } else if (ledger.requireAccount(account.id())
                            .availableCreditBalance()
                            .compareTo(amount)
                    < 0) {
                liveReason = Optional.of(ReleaseReason.INSUFFICIENT_FUNDS.name());
            }
            if (liveHeldForLines) {
                liveReason = Optional.of(escalationReason(escalated).name());
            } else {
                findings = screenParties(request, today, EnumSet.allOf(PartyRole.class), screening);
                findings.forEach(finding -> versions.putAll(finding.versions()));
            }
        }
        ReleaseStore.RequestRow liveRow = live;
        Optional<ReleaseStore.RequestRow> held = heldPart;
        Optional<String> reason = liveReason;
        List<Finding> found = findings;
        boolean rejected = refusal.isPresent()
                || reason.filter(ReleaseReason.NOTHING_ELIGIBLE.name()::equals).isPresent();
        store.inTransaction(tx -> {
            for (ReleaseStore.RequestRow row : rows) {
                tx.insertRequest(row, by);
                tx.move(row, RequestState.SUBMITTED, Optional.empty(), "submitted", by);
            }
            for (ReleaseStore.NewDocument document : documents) {
                tx.insertDocument(parentId, document);
            }
            if (split) {
                tx.move(
                        parent,
                        RequestState.SPLIT,
                        Optional.of("LINES_SPLIT"),
                        "escalated lines split into " + reference + "-B",
                        by);
                tx.move(
                        held.orElseThrow(),
                        RequestState.HELD,
                        Optional.of(escalationReason(escalated).name()),
                        "held pending a specific licence",
                        by);
            }
            if (rejected) {
                tx.move(liveRow, RequestState.REJECTED, reason, "refused at submission", by);
            } else if (reason.isPresent()) {
                tx.move(liveRow, RequestState.HELD, reason, "held at submission", by);
            } else {
                tx.move(liveRow, RequestState.IN_REVIEW, Optional.empty(), "submission checks done", by);
            }
            int opened = queue(tx, liveRow, found);
            tx.audit(new AuditEvent(
                    by,
                    "RELEASE_SUBMITTED",
                    "release:" + reference,
                    CanonicalJson.fields(
                            "reference",
                            reference,
                            "content_sha256",
                            sha,
                            "lines",
                            request.lines().size()),
                    CanonicalJson.fields(
                            "parts",
                                    rows.stream()
                                            .map(ReleaseStore.RequestRow::reference)
                                            .toList(),
                            "live", liveRow.reference(),
                            "amount",
                                    Money.ofMinor(liveRow.amountMinor(), currency)
                                            .toDecimalString(),
                            "reason", reason.orElse(""),
                            "removed", removed.size(),
                            "hits_opened", opened),
                    versions));
            return opened;
        });
        return submission(store.read(tx -> tx.requestByReference(reference)).orElseThrow());
    }

    private static ReleaseReason escalationReason(List<ReleaseLine> escalated) {
        return escalated.stream()
                        .anyMatch(line -> line.reason()
                                .filter("SPECIFIC_LICENCE_REQUIRED"::equals)
                                .isPresent())
                ? ReleaseReason.SPECIFIC_LICENCE_REQUIRED
                : ReleaseReason.LINE_ESCALATED;
    }

    private static Optional<ReleaseReason> vendorRefusal(NewRequest request) {
        NewRequest.PartyInput vendor = request.vendor();
        String holder = request.holder().trim();
        if (RequestChecks.partyKey(vendor.name()).equals(RequestChecks.partyKey(holder))
                || RequestChecks.partyId(vendor).equalsIgnoreCase(RequestChecks.slug(holder))) {
            return Optional.of(ReleaseReason.VENDOR_IS_HOLDER);
        }
        Iban iban = Iban.parse(request.vendorAccount().iban());
        Bic bic = Bic.parse(request.vendorAccount().bic());
        if (SANCTIONED_COUNTRIES.contains(vendor.country().trim().toUpperCase(Locale.ROOT))
                || SANCTIONED_COUNTRIES.contains(iban.country())
                || SANCTIONED_COUNTRIES.contains(bic.country())) {
            return Optional.of(ReleaseReason.VENDOR_IN_SANCTIONED_COUNTRY);
        }
        return Optional.empty();
    }

    /** Sorts one line's quantity into the approvable part, the escalated part and removed parts. */
    private static void decide(
            NewRequest.LineInput input,
            LineResult result,
            Currency currency,
            List<ReleaseLine> approvable,
            List<ReleaseLine> escalated,
            List<RemovedPart> removed) {
        BigDecimal quantity = new BigDecimal(input.quantity().trim());
        BigDecimal price = new BigDecimal(input.unitPrice().trim());
        Verdict verdict = result.decision().verdict();
        Optional<String> reason = result.decision().reasonCode().map(Enum::name);
        if (result.allowedQuantity().signum() == 0) {
            if (verdict == Verdict.ESCALATE) {
                escalated.add(line(input, quantity, price, currency, "ESCALATE", reason));
            } else {
                removed.add(
                        new RemovedPart(input.line().trim(), quantity.toPlainString(), "", reason.orElse("DENIED")));
            }
            return;
        }
        approvable.add(line(input, result.allowedQuantity(), price, currency, "ALLOWED", Optional.empty()));
        BigDecimal escalatedQuantity = BigDecimal.ZERO;
        for (LineResult.Portion portion : result.portions()) {
            Verdict part = portion.decision().verdict();
            String partReason = portion.decision().reasonCode().map(Enum::name).orElse("");
            if (part == Verdict.DENIED) {
                removed.add(new RemovedPart(
                        input.line().trim(),
                        portion.quantity().toPlainString(),
                        portion.endUserType().map(Enum::name).orElse(""),
                        partReason));
            } else if (part == Verdict.ESCALATE) {
                escalatedQuantity = escalatedQuantity.add(portion.quantity());
            }
        }
        if (escalatedQuantity.signum() > 0) {
            escalated.add(
                    line(input, escalatedQuantity, price, currency, "ESCALATE", Optional.of("END_USE_ESCALATED")));
        }
    }

    private static ReleaseLine line(
            NewRequest.LineInput input,
            BigDecimal quantity,
            BigDecimal price,
            Currency currency,
            String decision,
            Optional<String> reason) {
        return new ReleaseLine(
                input.line().trim(),
                input.description() == null ? "" : input.description().trim(),
                input.hsCode() == null ? "" : input.hsCode().trim(),
                quantity.stripTrailingZeros().toPlainString(),
                input.unit() == null ? "" : input.unit().trim(),
                price.toPlainString(),
                Money.ofMinor(RequestChecks.amountMinor(quantity, price, currency), currency)
                        .toDecimalString(),
                input.category() == null ? "" : input.category().trim().toUpperCase(Locale.ROOT),
                input.origin() == null ? "" : input.origin().trim().toUpperCase(Locale.ROOT),
                decision,
                reason);
    }

    private static long total(List<ReleaseLine> lines, Currency currency) {
        long sum = 0;
        for (ReleaseLine line : lines) {
            sum = Math.addExact(sum, Money.parse(line.amount(), currency).amountMinor());
        }
        return sum;
    }

    private static ReleaseStore.RequestRow row(
            UUID id,
            String reference,
            Optional<String> parent,
            NewRequest request,
            String sha,
            RestrictedAccount account,
            long amountMinor,
            ReleaseStore.Decided lines,
            List<ApprovalStep> steps,
            Actor by,
            Instant now,
            LocalDate today) {
        return new ReleaseStore.RequestRow(
                id,
                reference,
                parent,
                account.holder(),
                account.id(),
                amountMinor,
                account.currency().code(),
                RequestState.DRAFT,
                Optional.empty(),
                request,
                sha,
                lines,
                steps,
                by.name(),
                now,
                today,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static ReleaseStore.RequestRow withSteps(ReleaseStore.RequestRow row, List<ApprovalStep> steps) {
        return new ReleaseStore.RequestRow(
                row.id(),
                row.reference(),
                row.parentReference(),
                row.holder(),
                row.accountId(),
                row.amountMinor(),
                row.currency(),
                row.state(),
                row.reason(),
                row.content(),
                row.contentSha256(),
                row.lines(),
                steps,
                row.submittedBy(),
                row.submittedAt(),
                row.businessDate(),
                row.holdId(),
                row.holdAuthorisation(),
                row.scheduledOn());
    }

    // ---------------------------------------------------------------- screening

    private List<Named> parties(NewRequest request, Set<PartyRole> roles) {
        List<Named> parties = new ArrayList<>();
        NewRequest.PartyInput vendor = request.vendor();
        parties.add(new Named(PartyRole.VENDOR, vendor.name().trim(), RequestChecks.partyId(vendor)));
        String bank = request.vendorAccount().bankName().trim();
        parties.add(new Named(PartyRole.VENDOR_BANK, bank, RequestChecks.slug(bank)));
        if (request.intermediaryBank() != null) {
            request.intermediaryBank()
                    .ifPresent(party -> parties.add(
                            new Named(PartyRole.INTERMEDIARY_BANK, party.name().trim(), RequestChecks.partyId(party))));
        }
        parties.add(new Named(
                PartyRole.PURCHASER, request.purchaser().name().trim(), RequestChecks.partyId(request.purchaser())));
        if (request.endUsers() != null) {
            for (NewRequest.PartyInput endUser : request.endUsers()) {
                parties.add(new Named(PartyRole.END_USER, endUser.name().trim(), RequestChecks.partyId(endUser)));
            }
        }
        if (request.forwarder() != null) {
            request.forwarder()
                    .ifPresent(party -> parties.add(
                            new Named(PartyRole.FORWARDER, party.name().trim(), RequestChecks.partyId(party))));
        }
        String carrier = request.shipment().carrier().trim();
        parties.add(new Named(PartyRole.CARRIER, carrier, RequestChecks.slug(carrier)));
        return parties.stream().filter(party -> roles.contains(party.role())).toList();
    }

    /**
     * Screens the request's parties in {@code roles}: names against the lists, entities under the 50
     * Percent Rule, and the vessel by IMO number, name and risk indicators.
     */
    private List<Finding> screenParties(NewRequest request, LocalDate on, Set<PartyRole> roles, PartyScreening lists) {
        List<Finding> findings = new ArrayList<>();
        for (Named party : parties(request, roles)) {
            findings.addAll(nameFindings(party.role(), party.name(), Optional.empty(), lists));
            OwnershipAssessment assessment = ownership.assess(PartyRef.entity(party.id(), party.name()));
            if (assessment.status() != OwnershipStatus.CLEAR) {
                findings.add(ownershipFinding(party, assessment));
            }
        }
        NewRequest.ShipmentInput shipment = request.shipment();
        Optional<String> vesselName = optional(shipment.vesselName());
        Optional<String> imo = optional(shipment.vesselImo()).map(text -> text.replaceAll("[^0-9]", ""));
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
                    "NAME",
                    entity.key(),
                    entity.primaryName(),
                    entity.programmes(),
                    BigDecimal.valueOf(hit.score()).setScale(4, java.math.RoundingMode.HALF_EVEN),
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
        List<String> why = assessment.explanation();
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
                "OWNERSHIP",
                "OWNERSHIP:" + PartyRef.normaliseId(party.id()),
                assessment.status().name() + " ("
                        + assessment.blockedSharePercent().stripTrailingZeros().toPlainString() + "% blocked)",
                List.of(),
                score.setScale(4, java.math.RoundingMode.HALF_EVEN),
                Hashing.sha256Hex(basis),
                why,
                assessment.versions());
    }

    private static Finding vesselFinding(String name, Optional<String> imo, VesselScreening vessel) {
        String basis = vessel.decision() + " "
                + String.join(
                        "|",
                        vessel.reasons().stream()
                                .map(r -> r.code() + ":" + r.detail())
                                .toList());
        return new Finding(
                PartyRole.VESSEL,
                name,
                RequestChecks.partyKey(name),
                "VESSEL",
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

    /** Queues the findings not cleared before and not already on the request; returns how many. */
    private int queue(ReleaseStore.TransactionStore tx, ReleaseStore.RequestRow row, List<Finding> findings) {
        List<ScreeningHit> existing = tx.hitsOf(row.id());
        int opened = 0;
        for (Finding finding : findings) {
            if (tx.cleared(finding.partyKey(), finding.entityKey(), finding.fingerprint())) {
                continue;
            }
            boolean known = existing.stream()
                    .anyMatch(hit -> !hit.superseded()
                            && hit.partyKey().equals(finding.partyKey())
                            && hit.entityKey().equals(finding.entityKey())
                            && hit.fingerprint().equals(finding.fingerprint()));
            if (known) {
                continue;
            }
            ScreeningHit hit = new ScreeningHit(
                    UUID.randomUUID(),
                    row.id(),
                    row.reference(),
                    finding.role().name(),
                    finding.partyName(),
                    finding.partyKey(),
                    finding.source(),
                    finding.entityKey(),
                    finding.entityName(),
                    finding.programmes(),
                    finding.score().toPlainString(),
                    finding.fingerprint(),
                    finding.why(),
                    HitState.OPEN.name(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    tx.now(),
                    finding.versions());
            tx.insertHit(hit);
            existing = new ArrayList<>(existing);
            existing.add(hit);
            opened++;
        }
        return opened;
    }

    // ---------------------------------------------------------------- hits

    /**
     * Disposes of a hit (FR-24). A rationale is required. TRUE_MATCH and ESCALATED take effect at once;
     * FALSE_POSITIVE is a proposal until a COMPLIANCE_REVIEWER who is not the first confirms it, and an
     * ESCALATED hit is decided by such a reviewer. A TRUE_MATCH blocks the party: a replaceable party
     * holds the request for a replacement, any other rejects it; either way a rejection event (RPT-5)
     * is recorded.
     */
    public ScreeningHit dispose(Actor by, UUID hitId, Disposition disposition) {
        if (disposition == null) {
            throw new InvalidInputException("BODY_MISSING", "a disposition is required");
        }
        HitState decision = parse(HitState.class, disposition.decision(), "DISPOSITION_INVALID");
        if (decision == HitState.OPEN) {
            throw new InvalidInputException(
                    "DISPOSITION_INVALID", "a disposition is FALSE_POSITIVE, TRUE_MATCH or ESCALATED");
        }
        if (disposition.rationale() == null || disposition.rationale().isBlank()) {
            throw new InvalidInputException("RATIONALE_REQUIRED", "a disposition needs its rationale");
        }
        String rationale = disposition.rationale().trim();
        if (!DISPOSERS.contains(by.role())) {
            throw new ForbiddenException(
                    "DISPOSER_ROLE_REQUIRED", "hits are disposed of by compliance analysts and reviewers");
        }
        LocalDate today = today();
        store.inTransaction(tx -> {
            ScreeningHit hit = tx.lockHit(hitId);
            if (hit.superseded()) {
                throw new ConflictException("HIT_SUPERSEDED", "the party of this hit was replaced");
            }
            HitState state = HitState.valueOf(hit.state());
            boolean second;
            if (state == HitState.OPEN && hit.proposed().isEmpty()) {
                second = false;
            } else if (state == HitState.OPEN || state == HitState.ESCALATED) {
                second = true;
                if (hit.firstBy().filter(by.name()::equals).isPresent()) {
                    throw new ConflictException(
                            "FOUR_EYES_REQUIRED", "a second reviewer who is not " + by.name() + " decides this hit");
                }
                if (!by.role().equals(REVIEWER)) {
                    throw new ForbiddenException("REVIEWER_REQUIRED", "a COMPLIANCE_REVIEWER decides this hit");
                }
                if (decision == HitState.ESCALATED) {
                    throw new ConflictException("HIT_ALREADY_ESCALATED", "the hit awaits a final decision");
                }
            } else {
                throw new ConflictException("HIT_ALREADY_DISPOSED", "the hit is " + state);
            }
            String action;
            if (!second && decision == HitState.FALSE_POSITIVE) {
                tx.proposeOnHit(hitId, HitState.FALSE_POSITIVE, rationale, by);
                action = "HIT_CLEARING_PROPOSED";
            } else {
                tx.decideHit(hitId, decision, rationale, by, second);
                action = "HIT_" + decision.name();
                if (decision == HitState.FALSE_POSITIVE) {
                    tx.remember(hit);
                }
                if (decision == HitState.TRUE_MATCH) {
                    block(tx, hit, today, by);
                }
            }
            tx.audit(new AuditEvent(
                    by,
                    action,
                    "release-hit:" + hitId,
                    CanonicalJson.fields("decision", decision.name(), "rationale", rationale),
                    CanonicalJson.fields(
                            "request", hit.requestReference(),
                            "party", hit.partyName(),
                            "role", hit.partyRole(),
                            "entity", hit.entityKey(),
                            "fingerprint", hit.fingerprint(),
                            "second", second),
                    hit.versions()));
            return action;
        });
        return hit(hitId);
    }

    private void block(ReleaseStore.TransactionStore tx, ScreeningHit hit, LocalDate today, Actor by) {
        ReleaseStore.RequestRow row = tx.lock(hit.requestId());
        PartyRole role = PartyRole.valueOf(hit.partyRole());
        ReleaseReason reason =
                role.replaceable() ? ReleaseReason.PARTY_REPLACEMENT_REQUIRED : ReleaseReason.PARTY_BLOCKED;
        tx.insertRejection(
                row.id(),
                new Rejection(
                        row.reference(),
                        hit.id(),
                        hit.partyRole(),
                        hit.partyName(),
                        hit.source() + " TRUE_MATCH: " + hit.entityName(),
                        today,
                        plusBusinessDays(today, REPORT_DUE_BUSINESS_DAYS)));
        if (!row.state().open()) {
            return;
        }
        String detail = hit.partyRole() + " " + hit.partyName() + " blocked (" + hit.entityName() + ")";
        if (reason == ReleaseReason.PARTY_BLOCKED) {
            row.holdId().ifPresent(hold -> voidHold(tx, row, hold, by));
            tx.move(row, RequestState.REJECTED, Optional.of(reason.name()), detail, by);
        } else {
            tx.move(
                    row,
                    RequestState.HELD,
                    Optional.of(reason.name()),
                    detail + "; the vendor must appoint another",
                    by);
        }
    }

    private void voidHold(ReleaseStore.TransactionStore tx, ReleaseStore.RequestRow row, UUID hold, Actor by) {
        if (ledger.holdState(hold).filter(HoldState.PENDING::equals).isPresent()) {
            tx.post(by, List.of(NewTransfer.voidPending(derived("release-void:" + hold), hold, currency(row))));
        }
    }

    /** Adds business days, Monday to Friday. */
    static LocalDate plusBusinessDays(LocalDate from, int days) {
        LocalDate date = from;
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return date;
    }

    /** Hits in the queue (not superseded), oldest first, optionally in one state. */
    public List<ScreeningHit> hits(Optional<HitState> state, int limit) {
        return store.read(tx -> tx.hits(state, page(limit)));
    }

    /** @throws NotFoundException HIT_NOT_FOUND */
    public ScreeningHit hit(UUID id) {
        return store.read(tx -> tx.hit(id))
                .orElseThrow(() -> new NotFoundException("HIT_NOT_FOUND", "no screening hit " + id));
    }

    /**
     * Re-screens the open requests' parties against the listed entities that changed (a list delta)
     * and queues the hits not seen or cleared before. Returns the hits opened. The screening facade's
     * list-change listener calls this.
     */
    public List<ScreeningHit> rescreen(Collection<ListedEntity> changedEntities, Actor by) {
        if (changedEntities.isEmpty()) {
            return List.of();
        }
        PartyScreening delta = PartyScreening.over(
                Screener.of(changedEntities), Map.of("delta", Integer.toString(changedEntities.size())));
        List<ScreeningHit> opened = new ArrayList<>();
        for (ReleaseStore.RequestRow row : store.read(tx -> tx.requests(Optional.empty(), 100_000))) {
            // A split request is not open; its parts are screened in their own right.
            if (!row.state().open() || row.state() == RequestState.DRAFT) {
                continue;
            }
            List<Finding> findings = new ArrayList<>();
            for (Named party : parties(row.content(), EnumSet.allOf(PartyRole.class))) {
                findings.addAll(nameFindings(party.role(), party.name(), Optional.empty(), delta));
            }
            optional(row.content().shipment().vesselName())
                    .ifPresent(name -> findings.addAll(
                            nameFindings(PartyRole.VESSEL, name, Optional.of(EntityType.VESSEL), delta)));
            if (findings.isEmpty()) {
                continue;
            }
            store.inTransaction(tx -> {
                ReleaseStore.RequestRow locked = tx.lock(row.id());
                int count = queue(tx, locked, findings);
                if (count > 0) {
                    tx.audit(AuditEvent.of(
                            by,
                            "RELEASE_RESCREENED",
                            "release:" + row.reference(),
                            CanonicalJson.fields("changed_entities", changedEntities.size()),
                            CanonicalJson.fields("hits_opened", count)));
                }
                return count;
            });
            store.read(tx -> tx.hitsOf(row.id())).stream()
                    .filter(hit -> hit.state().equals("OPEN")
                            && findings.stream()
                                    .anyMatch(f -> f.entityKey().equals(hit.entityKey())
                                            && f.partyKey().equals(hit.partyKey())
                                            && f.fingerprint().equals(hit.fingerprint())))
                    .forEach(opened::add);
        }
        return opened;
    }

    // ---------------------------------------------------------------- amendment

    /**
     * Replaces the forwarder or the shipment (carrier and vessel) of a request in review or held for
     * a replacement: the old party's hits are superseded, the new one is screened, and a request held
     * for a replacement returns to review when no TRUE_MATCH remains.
     */
    public Release amend(Actor by, UUID id, Amendment amendment) {
        if (amendment == null || (isEmpty(amendment.forwarder()) && isEmpty(amendment.shipment()))) {
            throw new InvalidInputException("FIELD_MISSING", "an amendment names a new forwarder or shipment");
        }
        ReleaseStore.RequestRow current = row(id);
        NewRequest old = current.content();
        Optional<NewRequest.PartyInput> forwarder =
                amendment.forwarder() == null ? Optional.empty() : amendment.forwarder();
        Optional<NewRequest.ShipmentInput> shipment =
                amendment.shipment() == null ? Optional.empty() : amendment.shipment();
        forwarder.ifPresent(party -> RequestChecks.party(party, "forwarder"));
        shipment.ifPresent(RequestChecks::shipment);
        NewRequest changed = new NewRequest(
                old.reference(),
                old.holder(),
                old.payFrom(),
                old.purchaser(),
                old.endUsers(),
                old.vendor(),
                old.vendorAccount(),
                old.intermediaryBank(),
                old.lines(),
                old.incoterm(),
                shipment.orElse(old.shipment()),
                forwarder.isPresent() ? forwarder : old.forwarder(),
                old.documents());
        List<PartyRole> replaced = new ArrayList<>();
        forwarder.ifPresent(party -> replaced.add(PartyRole.FORWARDER));
        if (shipment.isPresent()) {
            replaced.add(PartyRole.CARRIER);
            replaced.add(PartyRole.VESSEL);
        }
        List<Finding> findings = screenParties(changed, today(), EnumSet.copyOf(replaced), screening);
        String note = amendment.note() == null ? "" : amendment.note().trim();
        store.inTransaction(tx -> {
            ReleaseStore.RequestRow row = tx.lock(id);
            boolean heldForReplacement = row.state() == RequestState.HELD
                    && row.reason()
                            .filter(ReleaseReason.PARTY_REPLACEMENT_REQUIRED.name()::equals)
                            .isPresent();
            if (row.state() != RequestState.IN_REVIEW && !heldForReplacement) {
                throw new ConflictException(
                        "RELEASE_NOT_AMENDABLE",
                        row.reference() + " is " + row.state() + "; only requests in review"
                                + " or held for a replacement are amended");
            }
            tx.setContent(id, changed, Hashing.sha256Hex(ReleaseStore.json(changed)));
            tx.supersedeHits(id, replaced);
            int opened = queue(tx, row, findings);
            if (heldForReplacement) {
                boolean blocked = tx.hitsOf(id).stream()
                        .anyMatch(hit -> !hit.superseded() && hit.state().equals(HitState.TRUE_MATCH.name()));
                if (!blocked) {
                    tx.move(row, RequestState.IN_REVIEW, Optional.empty(), "party replaced: " + replaced, by);
                }
            }
            tx.audit(AuditEvent.of(
                    by,
                    "RELEASE_AMENDED",
                    "release:" + row.reference(),
                    CanonicalJson.fields(
                            "replaced", replaced.stream().map(Enum::name).toList(), "note", note),
                    CanonicalJson.fields("hits_opened", opened)));
            return opened;
        });
        return get(id);
    }

    private static boolean isEmpty(Optional<?> value) {
        return value == null || value.isEmpty();
    }

    // ---------------------------------------------------------------- approvals

    /**
     * Takes a step of the request's approval chain (FR-28), in order; nobody takes two steps nor
     * approves a request they submitted, and no step is taken while hits are unresolved. When the
     * bank's own steps are complete, the request's amount is held on its restricted account until no
     * later than the end of the covering authorisation; when every step is taken it is APPROVED.
     */
    public Release approve(Actor by, UUID id, ApprovalInput input) {
        if (input == null) {
            throw new InvalidInputException("BODY_MISSING", "an approval is required");
        }
        ApprovalStep step = parse(ApprovalStep.class, input.step(), "APPROVAL_STEP_INVALID");
        if (!step.takenBy(by.role())) {
            throw new ForbiddenException("APPROVAL_ROLE_REQUIRED", step + " is not taken by a " + by.role());
        }
        Optional<String> reference = optional(input.reference());
        if (step == ApprovalStep.AUTHORITY && reference.isEmpty()) {
            throw new InvalidInputException(
                    "APPROVAL_REFERENCE_REQUIRED", "the Authority's step records its approval reference");
        }
        String note = optional(input.note()).orElse("");
        ReleaseStore.RequestRow current = row(id);
        UUID outgoing = outgoingAccount(Currency.of(current.currency()));
        LocalDate today = today();
        store.inTransaction(tx -> {
            ReleaseStore.RequestRow row = tx.lock(id);
            // A request held for a reason time can cure (an authorisation gap, funds) resumes its chain:
            // the hold is placed, and coverage checked, again when the bank's steps are complete.
            boolean resumable = row.state() == RequestState.HELD
                    && row.reason().filter(this::retriable).isPresent();
            if (row.state() != RequestState.IN_REVIEW && !resumable) {
                throw new ConflictException(
                        "RELEASE_NOT_IN_REVIEW", row.reference() + " is " + row.state() + ", not IN_REVIEW");
            }
            if (!row.requiredSteps().contains(step)) {
                throw new ConflictException("APPROVAL_STEP_NOT_REQUIRED", row.reference() + " does not need " + step);
            }
            List<Approval> approvals = tx.approvals(id);
            List<String> taken = approvals.stream().map(Approval::step).toList();
            if (taken.contains(step.name())) {
                throw new ConflictException("APPROVAL_STEP_TAKEN", step + " is already taken on " + row.reference());
            }
            for (ApprovalStep earlier : row.requiredSteps()) {
                if (earlier == step) {
                    break;
                }
                if (!taken.contains(earlier.name())) {
                    throw new ConflictException("APPROVAL_OUT_OF_ORDER", earlier + " comes before " + step);
                }
            }
            // Four eyes all along the chain: recording the Authority's reference is a step too.
            if (row.submittedBy().equals(by.name())) {
                throw new ConflictException("OWN_REQUEST", "nobody approves a request they submitted");
            }
            if (approvals.stream().anyMatch(a -> a.actor().equals(by.name()))) {
                throw new ConflictException("ALREADY_APPROVED", by.name() + " has already approved " + row.reference());
            }
            if (tx.hitsOf(id).stream()
                    .anyMatch(hit -> !hit.superseded() && BLOCKING.contains(HitState.valueOf(hit.state())))) {
                throw new ConflictException("HITS_UNRESOLVED", row.reference() + " has unresolved screening hits");
            }
            tx.insertApproval(id, step, by, reference, note);
            List<String> now = new ArrayList<>(taken);
            now.add(step.name());
            boolean internalDone =
                    row.requiredSteps().stream().filter(ApprovalStep::internal).allMatch(s -> now.contains(s.name()));
            Optional<String> outcome = Optional.empty();
            if (internalDone && row.holdId().isEmpty()) {
                outcome = placeHold(tx, row, today, priorApproval(row, tx.approvals(id)), outgoing, by);
            }
            boolean all = row.requiredSteps().stream().allMatch(s -> now.contains(s.name()));
            if (outcome.isPresent()) {
                tx.move(row, RequestState.HELD, outcome, "at approval", by);
            } else if (all) {
                tx.move(row, RequestState.APPROVED, Optional.empty(), "approval chain complete", by);
            } else if (row.state() == RequestState.HELD) {
                tx.move(row, RequestState.IN_REVIEW, Optional.empty(), "approval resumed", by);
            }
            tx.audit(AuditEvent.of(
                    by,
                    "RELEASE_APPROVAL_STEP",
                    "release:" + row.reference(),
                    CanonicalJson.fields("step", step.name(), "reference", reference.orElse(""), "note", note),
                    CanonicalJson.fields("complete", all, "held", outcome.orElse(""))));
            return all;
        });
        return get(id);
    }

    /**
     * An approver rejects a request that is still live: it becomes REJECTED with the rationale in its
     * transition, and the ledger hold placed at approval, if any, is voided in the same transaction.
     */
    public Release reject(Actor by, UUID id, RejectionInput input) {
        if (input == null) {
            throw new InvalidInputException("BODY_MISSING", "a rejection is required");
        }
        String rationale = Optional.ofNullable(input.reasonText())
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .orElseThrow(() -> new InvalidInputException("FIELD_MISSING", "reason_text is required"));
        if (!by.role().equals("APPROVER")) {
            throw new ForbiddenException("APPROVAL_ROLE_REQUIRED", "a request is rejected by an APPROVER");
        }
        store.inTransaction(tx -> {
            ReleaseStore.RequestRow row = tx.lock(id);
            if (!row.state().open() || !row.state().canMoveTo(RequestState.REJECTED)) {
                throw new ConflictException(
                        "RELEASE_STATE_CONFLICT", row.reference() + " is " + row.state() + " and cannot be rejected");
            }
            if (row.submittedBy().equals(by.name())) {
                throw new ConflictException("OWN_REQUEST", "nobody rejects a request they submitted");
            }
            row.holdId().ifPresent(hold -> voidHold(tx, row, hold, by));
            tx.move(row, RequestState.REJECTED, Optional.of(REJECTED_BY_APPROVER), rationale, by);
            tx.audit(AuditEvent.of(
                    by,
                    "RELEASE_REJECTED",
                    "release:" + row.reference(),
                    CanonicalJson.fields("reason_text", rationale),
                    CanonicalJson.fields(
                            "from", row.state().name(),
                            "reason", REJECTED_BY_APPROVER,
                            "hold_voided", row.holdId().map(UUID::toString).orElse(""))));
            return row.state();
        });
        return get(id);
    }

    /** The Authority's approval reference, or a placeholder while that step is still to come. */
    private static Optional<String> priorApproval(ReleaseStore.RequestRow row, List<Approval> approvals) {
        Optional<String> recorded = approvals.stream()
                .filter(a -> a.step().equals(ApprovalStep.AUTHORITY.name()))
                .findFirst()
                .flatMap(Approval::reference);
        if (recorded.isPresent() || !row.requiredSteps().contains(ApprovalStep.AUTHORITY)) {
            return recorded;
        }
        return Optional.of(PRIOR_APPROVAL_PENDING);
    }

    /** Places the hold; returns the reason when coverage or the ledger refuses it. */
    private Optional<String> placeHold(
            ReleaseStore.TransactionStore tx,
            ReleaseStore.RequestRow row,
            LocalDate on,
            Optional<String> priorApproval,
            UUID outgoing,
            Actor by) {
        Coverage coverage = tx.coverage(movement(row, priorApproval, on));
        if (coverage instanceof Coverage.NotCovered notCovered) {
            return Optional.of(notCovered.primary().name());
        }
        Authorisation authorisation = ((Coverage.Covered) coverage).primary().authorisation();
        UUID holdId = derived("release-hold:" + row.id() + ":" + authorisation.reference());
        NewTransfer hold = NewTransfer.pending(
                        holdId,
                        row.accountId(),
                        outgoing,
                        row.amountMinor(),
                        currency(row),
                        ChannelCodes.RELEASE,
                        Optional.of(endOf(authorisation)))
                .withReferences(Map.of("release", row.reference(), "authorisation", authorisation.reference()));
        TransferOutcome outcome = tx.post(by, List.of(hold)).get(0);
        if (!outcome.succeeded()) {
            return Optional.of(
                    outcome.result().name().equals("EXCEEDS_CREDITS")
                            ? ReleaseReason.INSUFFICIENT_FUNDS.name()
                            : ReleaseReason.POSTING_REFUSED.name());
        }
        tx.setHold(row.id(), Optional.of(holdId), Optional.of(authorisation.reference()));
        return Optional.empty();
    }

    /** When a hold under the authorisation must end: the close of its last valid day in the channel's zone. */
    private Instant endOf(Authorisation authorisation) {
        return authorisation.validTo().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Sets the value date of an approved request. */
    public Release schedule(Actor by, UUID id, LocalDate valueDate) {
        if (valueDate == null) {
            throw new InvalidInputException("FIELD_MISSING", "value_date is required");
        }
        if (valueDate.isBefore(today())) {
            throw new InvalidInputException("VALUE_DATE_IN_PAST", "a release is scheduled for today or later");
        }
        store.inTransaction(tx -> {
            ReleaseStore.RequestRow row = tx.lock(id);
            if (row.state() != RequestState.APPROVED && row.state() != RequestState.SCHEDULED) {
                throw new ConflictException("RELEASE_NOT_APPROVED", row.reference() + " is " + row.state());
            }
            tx.setScheduled(id, valueDate);
            if (row.state() == RequestState.APPROVED) {
                tx.move(row, RequestState.SCHEDULED, Optional.empty(), "value date " + valueDate, by);
            }
            tx.audit(AuditEvent.of(
                    by,
                    "RELEASE_SCHEDULED",
                    "release:" + row.reference(),
                    CanonicalJson.fields("value_date", valueDate.toString()),
                    CanonicalJson.fields("state", RequestState.SCHEDULED.name())));
            return valueDate;
        });
        return get(id);
    }

    // ---------------------------------------------------------------- execution

    /**
     * Executes an approved request on {@code valueDate} (FR-29): re-screens its parties, re-checks
     * the authorisation on the value date (FR-2), posts the hold (placing a new one under the
     * covering authorisation if the first expired), consumes the account's lots FIFO, records the
     * authorisation's usage and produces the pacs.008, all in one transaction. Any failure leaves the
     * request HELD with its reason and nothing moved. Executing again returns the one execution.
     */
    public Release execute(Actor by, UUID id, LocalDate valueDate) {
        if (valueDate == null) {
            throw new InvalidInputException("FIELD_MISSING", "value_date is required");
        }
        ReleaseStore.RequestRow current = row(id);
        if (current.state() == RequestState.EXECUTED) {
            return get(id);
        }
        if (valueDate.isBefore(today())) {
            throw new InvalidInputException(
                    "VALUE_DATE_IN_PAST", "a release executes today or later, not " + valueDate);
        }
        requireExecutable(current, store.read(tx -> tx.approvals(id)));
        // Holds past their expiry are voided first, so that the ledger says plainly which hold stands.
        ledger.expireHolds();
        List<Finding> findings = screenParties(current.content(), valueDate, EnumSet.allOf(PartyRole.class), screening);
        UUID outgoing = outgoingAccount(Currency.of(current.currency()));
        Optional<HoldState> holdState = current.holdId().flatMap(ledger::holdState);
        try {
            store.inTransaction(tx -> executeWithin(tx, by, id, valueDate, findings, outgoing, holdState));
        } catch (DomainException e) {
            // The transaction rolled back whole; record why in one of its own.
            hold(by, id, ReleaseReason.POSTING_REFUSED.name(), e.code() + ": " + e.getMessage());
        }
        return get(id);
    }

    private void requireExecutable(ReleaseStore.RequestRow row, List<Approval> approvals) {
        boolean approved = row.requiredSteps().stream()
                .allMatch(step -> approvals.stream().anyMatch(a -> a.step().equals(step.name())));
        boolean executable = switch (row.state()) {
            case APPROVED, SCHEDULED -> true;
            case HELD -> approved && row.reason().filter(this::retriable).isPresent();
            default -> false;
        };
        if (!executable || !approved) {
            throw new ConflictException(
                    "RELEASE_NOT_EXECUTABLE",
                    row.reference() + " is " + row.state()
                            + row.reason().map(r -> " (" + r + ")").orElse("")
                            + "; only fully approved requests execute");
        }
    }

    /** Held reasons that a later execution may overcome without a person changing the request. */
    private boolean retriable(String reason) {
        if (reason.equals(ReleaseReason.PARTY_REPLACEMENT_REQUIRED.name())
                || reason.equals(ReleaseReason.PARTY_BLOCKED.name())
                || reason.equals(ReleaseReason.SPECIFIC_LICENCE_REQUIRED.name())
                || reason.equals(ReleaseReason.LINE_ESCALATED.name())) {
            return false;
        }
        return true;
    }

    private String executeWithin(
            ReleaseStore.TransactionStore tx,
            Actor by,
            UUID id,
            LocalDate valueDate,
            List<Finding> findings,
            UUID outgoing,
            Optional<HoldState> holdState) {
        ReleaseStore.RequestRow row = tx.lock(id);
        if (row.state() == RequestState.EXECUTED) {
            return "EXISTS";
        }
        List<Approval> approvals = tx.approvals(id);
        requireExecutable(row, approvals);
        Map<String, String> versions = new TreeMap<>();
        findings.forEach(finding -> versions.putAll(finding.versions()));
        int opened = queue(tx, row, findings);
        boolean unresolved = tx.hitsOf(id).stream()
                .anyMatch(hit -> !hit.superseded() && BLOCKING.contains(HitState.valueOf(hit.state())));
        if (unresolved) {
            return held(
                    tx,
                    row,
                    by,
                    ReleaseReason.SCREENING_HIT_OPEN.name(),
                    opened + " new hit(s) at execution",
                    versions);
        }
        Optional<String> priorApproval = priorApproval(row, approvals);
        Movement movement = movement(row, priorApproval, valueDate);
        Coverage coverage = tx.coverage(movement);
        if (coverage instanceof Coverage.NotCovered notCovered) {
            return held(tx, row, by, notCovered.primary().name(), "re-check on " + valueDate, versions);
        }
        CoveringAuthorisation covering = ((Coverage.Covered) coverage).primary();
        Authorisation authorisation = covering.authorisation();
        Currency currency = currency(row);
        if (authorisation.prohibitedCurrencies().contains(currency)) {
            return held(tx, row, by, CoverageReason.CURRENCY_PROHIBITED.name(), currency.code(), versions);
        }
        Optional<ReleaseStore.PayingAccount> paying = tx.payingAccount(row.accountId());
        if (paying.isEmpty()) {
            return held(
                    tx,
                    row,
                    by,
                    ReleaseReason.PAYING_ACCOUNT_UNKNOWN.name(),
                    "no IBAN for the paying account",
                    versions);
        }
        List<NewTransfer> transfers = new ArrayList<>();
        UUID holdId;
        boolean holdStands = row.holdId().isPresent()
                && holdState.filter(HoldState.PENDING::equals).isPresent();
        if (holdStands) {
            holdId = row.holdId().get();
        } else {
            // The first hold ended with its authorisation: hold again under the one that covers today.
            holdId = derived("release-hold:" + row.id() + ":" + authorisation.reference());
            transfers.add(NewTransfer.pending(
                            holdId,
                            row.accountId(),
                            outgoing,
                            row.amountMinor(),
                            currency,
                            ChannelCodes.RELEASE,
                            Optional.of(endOf(authorisation)))
                    .withReferences(Map.of("release", row.reference(), "authorisation", authorisation.reference()))
                    .linkedToNext());
        }
        UUID postId = derived("release-post:" + row.id());
        Map<String, String> references = new TreeMap<>();
        references.put("release", row.reference());
        references.put("authorisation", authorisation.reference());
        priorApproval.ifPresent(reference -> references.put("prior_approval", reference));
        transfers.add(NewTransfer.postPending(postId, holdId, 0, currency).withReferences(references));
        List<TransferOutcome> outcomes = tx.post(by, transfers);
        Optional<TransferOutcome> refused =
                outcomes.stream().filter(outcome -> !outcome.succeeded()).findFirst();
        if (refused.isPresent()) {
            String reason = refused.get().result().name().equals("EXCEEDS_CREDITS")
                    ? ReleaseReason.INSUFFICIENT_FUNDS.name()
                    : ReleaseReason.POSTING_REFUSED.name();
            return held(tx, row, by, reason, refused.get().result().name(), versions);
        }
        Money amount = Money.ofMinor(row.amountMinor(), currency);
        tx.consumeLots(row.accountId(), amount, valueDate, row.reference());
        UsageOutcome usage = tx.recordUsage(authorisation.id(), movement);
        if (!(usage instanceof UsageOutcome.Recorded) && !(usage instanceof UsageOutcome.AlreadyRecorded)) {
            throw new ConflictException(
                    "AUTHORISATION_USAGE_REFUSED", "usage of " + authorisation.reference() + " refused");
        }
        Instant now = tx.now();
        RestrictedAccount account = settlement.accounts().get(row.accountId());
        UUID uetr = uuidV4(derived("release-uetr:" + row.id()));
        String messageId = "CORR-" + valueDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + row.id().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        NewRequest request = row.content();
        List<String> remittance = new ArrayList<>();
        remittance.add("Release " + row.reference());
        remittance.add("Authorisation " + authorisation.reference()
                + priorApproval
                        .map(reference -> "; Authority approval " + reference)
                        .orElse(""));
        PaymentInstruction instruction = new PaymentInstruction(
                messageId,
                row.reference(),
                row.reference() + "/1",
                uetr,
                now,
                valueDate,
                amount,
                new PaymentParty(
                        paying.get().name(),
                        Iban.parse(paying.get().iban()),
                        Bic.parse(paying.get().bic()),
                        account.country(),
                        List.of(account.bank())),
                new PaymentParty(
                        request.vendor().name().trim(),
                        Iban.parse(request.vendorAccount().iban()),
                        Bic.parse(request.vendorAccount().bic()),
                        request.vendor().country().trim().toUpperCase(Locale.ROOT),
                        optional(request.vendor().address()).map(List::of).orElse(List.of())),
                Optional.empty(),
                remittance,
                Optional.of("GDDS"));
        String xml = Pacs008.write(instruction);
        Execution execution = new Execution(
                valueDate,
                holdId,
                postId,
                authorisation.reference(),
                priorApproval,
                messageId,
                uetr,
                xml,
                by.name(),
                now);
        tx.insertExecution(id, execution);
        tx.setHold(id, Optional.of(holdId), Optional.of(authorisation.reference()));
        FOLLOW_UPS.forEach((kind, days) -> tx.insertFollowUp(id, kind, valueDate.plusDays(days)));
        tx.move(
                row,
                RequestState.EXECUTED,
                Optional.empty(),
                "paid " + amount.toDecimalString() + " " + currency.code() + " under " + authorisation.reference(),
                by);
        versions.put("authorisation", authorisation.reference());
        tx.audit(new AuditEvent(
                by,
                "RELEASE_EXECUTED",
                "release:" + row.reference(),
                CanonicalJson.fields("value_date", valueDate.toString()),
                CanonicalJson.fields(
                        "amount", amount.toDecimalString(),
                        "currency", currency.code(),
                        "authorisation", authorisation.reference(),
                        "prior_approval", priorApproval.orElse(""),
                        "hold", holdId.toString(),
                        "post", postId.toString(),
                        "message_id", messageId,
                        "pacs008_sha256", Hashing.sha256Hex(xml)),
                versions));
        return "EXECUTED";
    }

    private String held(
            ReleaseStore.TransactionStore tx,
            ReleaseStore.RequestRow row,
            Actor by,
            String reason,
            String detail,
            Map<String, String> versions) {
        tx.move(row, RequestState.HELD, Optional.of(reason), detail, by);
        tx.audit(new AuditEvent(
                by,
                "RELEASE_HELD",
                "release:" + row.reference(),
                CanonicalJson.fields("detail", detail),
                CanonicalJson.fields(
                        "reason",
                        reason,
                        "amount",
                        Money.ofMinor(row.amountMinor(), currency(row)).toDecimalString()),
                versions));
        return reason;
    }

    private void hold(Actor by, UUID id, String reason, String detail) {
        store.inTransaction(tx -> {
            ReleaseStore.RequestRow row = tx.lock(id);
            if (!row.state().canMoveTo(RequestState.HELD)) {
                return row.state().name();
            }
            return held(tx, row, by, reason, detail, Map.of());
        });
    }

    private Movement movement(ReleaseStore.RequestRow row, Optional<String> priorApproval, LocalDate on) {
        Set<Category> purposes = EnumSet.noneOf(Category.class);
        for (ReleaseLine line : row.lines().lines()) {
            Category.parse(line.category()).ifPresent(purposes::add);
        }
        RestrictedAccount account = settlement.accounts().get(row.accountId());
        Movement movement = Movement.of(
                        MovementKind.DISBURSEMENT, on, Money.ofMinor(Math.max(1, row.amountMinor()), currency(row)))
                .withReference(row.reference())
                .withPurposes(purposes.toArray(Category[]::new))
                .withAccountLocation(account.country())
                .withLinkedPaymentKey(
                        "vendor:" + RequestChecks.partyId(row.content().vendor()));
        return priorApproval.map(movement::withPriorApproval).orElse(movement);
    }

    /** The channel's account that release holds credit, one per currency, opened on first use. */
    private UUID outgoingAccount(Currency currency) {
        UUID id = derived("release-outgoing:" + currency.code());
        if (ledger.account(id).isEmpty()) {
            ledger.createAccount(
                    Actor.SYSTEM,
                    new NewAccount(
                            id, currency, AccountCode.VENDOR, "RELEASES-OUTGOING", EnumSet.noneOf(AccountFlag.class)));
        }
        return id;
    }

    // ---------------------------------------------------------------- follow-ups and configuration

    /** Records that a follow-up document arrived; the document is stored by its hash. */
    public Release receiveFollowUp(Actor by, UUID id, String kind, NewRequest.DocumentInput document) {
        byte[] content = RequestChecks.content(document);
        String sha = Hashing.sha256Hex(content);
        String normalKind = RequestChecks.text(kind, "kind").toUpperCase(Locale.ROOT);
        LocalDate today = today();
        store.inTransaction(tx -> {
            ReleaseStore.RequestRow row = tx.lock(id);
            tx.receiveFollowUp(id, normalKind, today, sha);
            tx.insertDocument(
                    id, new ReleaseStore.NewDocument(normalKind, document.name().trim(), sha, content));
            tx.audit(AuditEvent.of(
                    by,
                    "RELEASE_FOLLOW_UP_RECEIVED",
                    "release:" + row.reference(),
                    CanonicalJson.fields("kind", normalKind, "sha256", sha),
                    CanonicalJson.fields("received_on", today.toString())));
            return sha;
        });
        return get(id);
    }

    /** Follow-ups still outstanding that are overdue on {@code asOf}: the items to escalate. */
    public List<FollowUp> overdueFollowUps(LocalDate asOf) {
        return store.read(tx -> tx.followUps(Optional.empty(), asOf)).stream()
                .filter(FollowUp::overdue)
                .toList();
    }

    /** Open requests as pending items for the authorisations' expiry warnings (FR-3). */
    public List<PendingItem> pendingItems() {
        Map<String, UUID> byReference = new TreeMap<>();
        authorisations.list().forEach(authorisation -> byReference.put(authorisation.reference(), authorisation.id()));
        List<PendingItem> items = new ArrayList<>();
        for (ReleaseStore.RequestRow row : store.read(tx -> tx.requests(Optional.empty(), 100_000))) {
            if (!row.state().open() || row.state() == RequestState.DRAFT) {
                continue;
            }
            Set<UUID> relies =
                    row.holdAuthorisation().map(byReference::get).map(Set::of).orElse(Set.of());
            items.add(new PendingItem(
                    "DISBURSEMENT_REQUEST",
                    row.reference(),
                    Optional.of(Money.ofMinor(row.amountMinor(), currency(row))),
                    row.scheduledOn(),
                    relies));
        }
        return items;
    }

    /** Rejected-party events (RPT-5), with their report due dates. */
    public List<Rejection> rejections() {
        return store.read(tx -> tx.rejections(Optional.empty()));
    }

    /** Registers the bank's IBAN and BIC of a restricted account, the debtor of its payments. */
    public PayingAccountInput registerPayingAccount(Actor by, PayingAccountInput input) {
        if (input == null) {
            throw new InvalidInputException("BODY_MISSING", "a paying account is required");
        }
        RestrictedAccount account = settlement.accounts().find(RequestChecks.text(input.account(), "account"));
        Iban iban = Iban.parse(RequestChecks.text(input.iban(), "iban"));
        Bic bic = Bic.parse(RequestChecks.text(input.bic(), "bic"));
        String name = RequestChecks.text(input.name(), "name");
        store.inTransaction(tx -> {
            tx.savePayingAccount(new ReleaseStore.PayingAccount(account.id(), iban.value(), bic.value(), name));
            tx.audit(AuditEvent.of(
                    by,
                    "RELEASE_PAYING_ACCOUNT_REGISTERED",
                    "restricted-account:" + account.name(),
                    CanonicalJson.fields("iban", iban.value(), "bic", bic.value(), "name", name),
                    CanonicalJson.fields("account_id", account.id().toString())));
            return account.id();
        });
        return new PayingAccountInput(account.name(), iban.value(), bic.value(), name);
    }

    // ---------------------------------------------------------------- reading

    /** @throws NotFoundException RELEASE_NOT_FOUND */
    public Release get(UUID id) {
        return view(row(id));
    }

    /** A request by its reference (DR-2024-0412-A). */
    public Release byReference(String reference) {
        return view(store.read(tx -> tx.requestByReference(reference == null ? "" : reference.trim()))
                .orElseThrow(() -> new NotFoundException("RELEASE_NOT_FOUND", "no release request " + reference)));
    }

    /** A request by id or reference. */
    public Release find(String idOrReference) {
        try {
            return get(UUID.fromString(idOrReference.trim()));
        } catch (IllegalArgumentException e) {
            return byReference(idOrReference);
        }
    }

    public List<Release> list(Optional<RequestState> state, int limit) {
        return store.read(tx -> tx.requests(state, page(limit))).stream()
                .map(this::view)
                .toList();
    }

    private static int page(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("PARAMETER_INVALID", "limit must be from 1 to " + MAX_PAGE);
        }
        return limit;
    }

    private ReleaseStore.RequestRow row(UUID id) {
        return store.read(tx -> tx.request(id))
                .orElseThrow(() -> new NotFoundException("RELEASE_NOT_FOUND", "no release request " + id));
    }

    private Submission submission(ReleaseStore.RequestRow row) {
        List<Release> parts = store.read(tx -> tx.children(row.reference())).stream()
                .map(this::view)
                .toList();
        return new Submission(view(row), parts);
    }

    /** The store, for the reports' read adapter ({@link ReleaseReportRecords}) in this package. */
    ReleaseStore store() {
        return store;
    }

    private Release view(ReleaseStore.RequestRow row) {
        return store.read(tx -> new Release(
                row.id(),
                row.reference(),
                row.parentReference(),
                row.state().name(),
                row.reason(),
                row.holder(),
                row.accountId(),
                Money.ofMinor(row.amountMinor(), currency(row)).toDecimalString(),
                row.currency(),
                row.content(),
                row.lines().lines(),
                row.lines().removed(),
                row.requiredSteps().stream().map(Enum::name).toList(),
                tx.approvals(row.id()),
                row.holdId(),
                row.holdAuthorisation(),
                row.scheduledOn(),
                tx.hitsOf(row.id()),
                tx.rejections(Optional.of(row.id())),
                tx.documents(row.id()),
                tx.execution(row.id()),
                tx.followUps(Optional.of(row.id()), today()),
                tx.transitions(row.id()),
                row.submittedBy(),
                row.submittedAt()));
    }

    private static Currency currency(ReleaseStore.RequestRow row) {
        return Currency.of(row.currency());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static Optional<String> optional(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::trim).filter(text -> !text.isEmpty());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String code) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(code, "one of " + EnumSet.allOf(type) + " is required");
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(code, "not one of " + EnumSet.allOf(type) + ": " + text);
        }
    }

    /** A stable id from a name, so that a retried transaction writes the same transfers. */
    static UUID derived(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The same bits marked as version 4, as the pacs.008 UETR pattern demands. */
    static UUID uuidV4(UUID uuid) {
        long high = (uuid.getMostSignificantBits() & ~0xF000L) | 0x4000L;
        long low = (uuid.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
