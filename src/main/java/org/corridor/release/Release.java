package org.corridor.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * A disbursement request as it stands: its state and reason, its decided lines and amount, the
 * approvals taken and still required, the hold, and everything that happened to it.
 *
 * @param amount the amount this request pays, in the currency of the account it pays from
 * @param requiredSteps the approval chain this request needs, in order
 * @param holdId the ledger hold placed at approval, while there is one
 * @param complianceReview "under compliance review" while a hit of the request is open or escalated:
 *     all that the beneficiary's agent learns of its hits
 */
public record Release(
        UUID id,
        String reference,
        Optional<String> parentReference,
        String state,
        Optional<String> reason,
        String holder,
        UUID accountId,
        Money amount,
        NewRequest request,
        List<ReleaseLine> lines,
        List<RemovedPart> removed,
        List<String> requiredSteps,
        List<Approval> approvals,
        Optional<UUID> holdId,
        Optional<String> holdAuthorisation,
        Optional<LocalDate> scheduledOn,
        List<ScreeningHit> hits,
        Optional<String> complianceReview,
        List<Rejection> rejections,
        List<DocumentRecord> documents,
        Optional<Execution> execution,
        List<FollowUp> followUps,
        List<Transition> transitions,
        String submittedBy,
        Instant submittedAt) {}
