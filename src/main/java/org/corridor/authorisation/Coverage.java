package org.corridor.authorisation;

import java.util.List;

/**
 * The answer to "which authorisations cover this movement on its execution date?": either the
 * covering authorisations (the first is the one to reference), or the named reasons none does.
 */
public sealed interface Coverage {

    boolean covered();

    /** At least one authorisation covers the movement; the first is the one to reference. */
    record Covered(List<CoveringAuthorisation> authorisations) implements Coverage {

        public Covered {
            if (authorisations.isEmpty()) {
                throw new IllegalArgumentException("covered by at least one authorisation");
            }
            authorisations = List.copyOf(authorisations);
        }

        @Override
        public boolean covered() {
            return true;
        }

        /** The authorisation a ledger entry or payment references. */
        public CoveringAuthorisation primary() {
            return authorisations.get(0);
        }
    }

    /**
     * No authorisation covers the movement.
     *
     * @param reasons distinct reasons in order of precedence; the first is the one to show
     * @param findings every reason of every authorisation considered
     */
    record NotCovered(List<CoverageReason> reasons, List<CoverageFinding> findings) implements Coverage {

        public NotCovered {
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one reason");
            }
            reasons = List.copyOf(reasons);
            findings = List.copyOf(findings);
        }

        @Override
        public boolean covered() {
            return false;
        }

        public CoverageReason primary() {
            return reasons.get(0);
        }
    }
}
