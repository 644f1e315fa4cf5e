package org.corridor.release;

import java.util.List;
import java.util.Set;

/**
 * What a beneficiary's agent sees of its own request (issue 15, no tipping off): that it is under
 * compliance review, never which list, entity, programme or score matched, who reviewed it or why.
 * Hits and rejection events are left out, and the transitions compliance made name the review, not
 * the reviewer or what they found.
 */
final class AgentView {

    static final String UNDER_REVIEW = "under compliance review";

    private static final Set<String> COMPLIANCE_ROLES = Set.of("COMPLIANCE_ANALYST", "COMPLIANCE_REVIEWER");

    private AgentView() {}

    static Release of(Release release) {
        return new Release(
                release.id(),
                release.reference(),
                release.parentReference(),
                release.state(),
                release.reason(),
                release.holder(),
                release.accountId(),
                release.amount(),
                release.request(),
                release.lines(),
                release.removed(),
                release.requiredSteps(),
                release.approvals(),
                release.holdId(),
                release.holdAuthorisation(),
                release.scheduledOn(),
                List.of(),
                release.complianceReview(),
                List.of(),
                release.documents(),
                release.execution(),
                release.followUps(),
                release.transitions().stream().map(AgentView::transition).toList(),
                release.submittedBy(),
                release.submittedAt());
    }

    static Releases.Submission of(Releases.Submission submission) {
        return new Releases.Submission(
                of(submission.request()),
                submission.parts().stream().map(AgentView::of).toList());
    }

    /**
     * A transition as the agent sees it: compliance's moves name the review, not the reviewer; a
     * rejection or hold for screening says only that compliance decided. A party to replace is named
     * (it is the agent's own party and the agent must act), never what it matched.
     */
    private static Transition transition(Transition transition) {
        boolean byCompliance = List.of(transition.role().split("\\+")).stream().anyMatch(COMPLIANCE_ROLES::contains);
        String reason = transition.reason().orElse("");
        String detail = transition.detail();
        if (reason.equals(ReleaseReason.PARTY_BLOCKED.name())) {
            detail = "rejected after compliance review";
        } else if (reason.equals(ReleaseReason.SCREENING_HIT_OPEN.name())) {
            detail = UNDER_REVIEW;
        } else if (byCompliance && !reason.equals(ReleaseReason.PARTY_REPLACEMENT_REQUIRED.name())) {
            detail = UNDER_REVIEW;
        }
        return new Transition(
                transition.from(),
                transition.to(),
                transition.reason(),
                detail,
                byCompliance ? "compliance" : transition.actor(),
                byCompliance ? "COMPLIANCE" : transition.role(),
                transition.at());
    }
}
