package org.corridor.release;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.Coverage;
import org.corridor.authorisation.Eligibility;
import org.corridor.authorisation.EligibilityResult;
import org.corridor.authorisation.Requirement;
import org.corridor.ledger.Account;
import org.corridor.ledger.AccountFlag;
import org.corridor.ledger.Ledger;
import org.corridor.money.Currency;
import org.corridor.payments.Bic;
import org.corridor.payments.Iban;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.settlement.Settlement;

/**
 * The checks a request passes when it is submitted and again when it is amended: the paying account
 * is the holder's, FR-19 (the vendor), eligibility line by line, the approval chain its amount and
 * authorisation need, coverage, the account's state and funds, and the screening of its parties.
 * Reads only; thread-safe.
 */
final class RequestVerdicts {

    /**
     * Where the live part goes: REJECTED (refused), HELD with a reason, or IN_REVIEW; with its
     * approval chain, what screening found and the versions of the lists and graphs that decided.
     */
    record Verdict(
            List<ApprovalStep> steps,
            boolean rejected,
            Optional<String> reason,
            List<PartyChecks.Finding> findings,
            Map<String, String> versions) {}

    private final PartyChecks parties;
    private final Holds holds;
    private final Eligibility eligibility;
    private final Authorisations authorisations;
    private final Ledger ledger;
    private final Settlement settlement;
    private final ApprovalPolicy policy;

    RequestVerdicts(
            PartyChecks parties,
            Holds holds,
            Eligibility eligibility,
            Authorisations authorisations,
            Ledger ledger,
            Settlement settlement,
            ApprovalPolicy policy) {
        this.parties = parties;
        this.holds = holds;
        this.eligibility = eligibility;
        this.authorisations = authorisations;
        this.ledger = ledger;
        this.settlement = settlement;
        this.policy = policy;
    }

    /** @throws InvalidInputException ACCOUNT_NOT_OF_HOLDER */
    RestrictedAccount payingAccount(NewRequest request) {
        RestrictedAccount account = settlement.accounts().find(request.payFrom());
        if (!account.holder().equalsIgnoreCase(request.holder().trim())) {
            throw new InvalidInputException(
                    "ACCOUNT_NOT_OF_HOLDER",
                    account.name() + " belongs to " + account.holder() + ", not " + request.holder());
        }
        return account;
    }

    /** FR-19: the vendor is not the holder, nor in (nor banking in) a sanctioned country. */
    static Optional<ReleaseReason> vendorRefusal(NewRequest request) {
        NewRequest.PartyInput vendor = request.vendor();
        String holder = request.holder().trim();
        if (RequestChecks.partyKey(vendor.name()).equals(RequestChecks.partyKey(holder))
                || RequestChecks.partyId(vendor).equalsIgnoreCase(RequestChecks.slug(holder))) {
            return Optional.of(ReleaseReason.VENDOR_IS_HOLDER);
        }
        Iban iban = Iban.parse(request.vendorAccount().iban());
        Bic bic = Bic.parse(request.vendorAccount().bic());
        if (Submissions.SANCTIONED_COUNTRIES.contains(vendor.country().trim().toUpperCase(Locale.ROOT))
                || Submissions.SANCTIONED_COUNTRIES.contains(iban.country())
                || Submissions.SANCTIONED_COUNTRIES.contains(bic.country())) {
            return Optional.of(ReleaseReason.VENDOR_IN_SANCTIONED_COUNTRY);
        }
        return Optional.empty();
    }

    /** Eligibility of the request's goods lines on {@code today}, under the rules in force. */
    EligibilityResult eligibility(NewRequest request, Currency currency, LocalDate today) {
        return eligibility.check(RequestChecks.goodsLines(request, currency), today);
    }

    /**
     * Decides the live part: refused (FR-19, or nothing eligible), or given its approval chain and
     * then held (escalated lines only, no coverage, blocked account, funds) or sent to review with
     * what screening its parties found.
     */
    Verdict verdict(
            NewRequest request,
            RequestRow live,
            LineDecisions lines,
            Optional<ReleaseReason> refusal,
            LocalDate today) {
        if (refusal.isPresent() || lines.nothingEligible()) {
            String reason = refusal.orElse(ReleaseReason.NOTHING_ELIGIBLE).name();
            return new Verdict(List.of(), true, Optional.of(reason), List.of(), Map.of());
        }
        Coverage coverage =
                authorisations.coverage(holds.movement(live, Optional.of(Holds.PRIOR_APPROVAL_PENDING), today));
        boolean priorApproval = coverage instanceof Coverage.Covered covered
                && covered.primary().requirements().stream()
                        .anyMatch(requirement -> requirement.kind() == Requirement.Kind.PRIOR_APPROVAL);
        List<ApprovalStep> steps = policy.steps(live.amount(), priorApproval);
        if (lines.approvable().isEmpty()) {
            // Only escalated lines: the request is held for them as a whole, its parties not screened yet.
            return new Verdict(
                    steps, false, Optional.of(lines.escalationReason().name()), List.of(), Map.of());
        }
        List<PartyChecks.Finding> findings = parties.screen(request, today, EnumSet.allOf(PartyRole.class));
        return new Verdict(steps, false, fundingRefusal(coverage, live), findings, PartyChecks.versions(findings));
    }

    /** Why the live part cannot be paid as things stand: no coverage, a blocked account, or funds. */
    private Optional<String> fundingRefusal(Coverage coverage, RequestRow live) {
        if (coverage instanceof Coverage.NotCovered notCovered) {
            return Optional.of(notCovered.primary().name());
        }
        Account account = ledger.requireAccount(live.accountId());
        if (account.has(AccountFlag.BLOCKED)) {
            return Optional.of(ReleaseReason.ACCOUNT_BLOCKED.name());
        }
        if (account.availableCreditBalance().compareTo(live.amount()) < 0) {
            return Optional.of(ReleaseReason.INSUFFICIENT_FUNDS.name());
        }
        return Optional.empty();
    }
}
