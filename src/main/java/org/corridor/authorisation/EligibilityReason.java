package org.corridor.authorisation;

/**
 * Why a goods line (or part of one) is not simply ALLOWED. Each reason carries its verdict, and the
 * declaration order is the precedence: every DENIED reason comes before every ESCALATE reason, so
 * the first reason found in this order is the one a decision shows.
 */
public enum EligibilityReason {
    /** No HS code given. */
    HS_CODE_MISSING(Verdict.DENIED),
    /** The HS code is not 6 to 10 digits (dots and spaces aside). */
    HS_CODE_MALFORMED(Verdict.DENIED),
    /** The HS code's chapter does not exist (00, 77, 98, 99). */
    HS_CODE_UNKNOWN(Verdict.DENIED),
    /** The HS code is on the excluded-items list (alcoholic beverages, tobacco, chewing gum, castor seeds...). */
    EXCLUDED_ITEM(Verdict.DENIED),
    /** The description names weapons, munitions, nuclear material or chemical or biological weapons, whatever the HS code. */
    CONTROLLED_GOODS(Verdict.DENIED),
    /** The HS prefix rule that applies says DENIED. */
    HS_CODE_DENIED(Verdict.DENIED),
    /** The end user is of an excluded type (military, intelligence, law enforcement). */
    END_USER_EXCLUDED(Verdict.DENIED),
    /** The line is priced in a blocked currency (USD). */
    CURRENCY_BLOCKED(Verdict.DENIED),
    /** The quantity is missing, not a number, or not positive. */
    QUANTITY_INVALID(Verdict.DENIED),
    /** The description names chemical precursors, pathogens, military or dual-use goods, whatever the HS code. */
    CONTROLLED_GOODS_SUSPECTED(Verdict.ESCALATE),
    /** The goods are on the list of medical devices requiring a specific licence (by HS code or description). */
    SPECIFIC_LICENCE_REQUIRED(Verdict.ESCALATE),
    /** The description names an excluded item although the HS code does not: possibly misclassified. */
    EXCLUDED_ITEM_SUSPECTED(Verdict.ESCALATE),
    /** The description disagrees with the HS code's nomenclature texts; the finding names the words. */
    DESCRIPTION_MISMATCH(Verdict.ESCALATE),
    /** The HS prefix rule that applies says ESCALATE (fertilisers, APIs, reagents, live animals...). */
    HS_REVIEW_REQUIRED(Verdict.ESCALATE),
    /** No HS prefix rule covers the code. */
    HS_CODE_NOT_COVERED(Verdict.ESCALATE),
    /** The HS code's six-digit subheading is not in the shipped HS 2022 nomenclature. */
    HS_CODE_NOT_IN_NOMENCLATURE(Verdict.ESCALATE),
    /** The description has no word the check can read against the nomenclature. */
    DESCRIPTION_UNREADABLE(Verdict.ESCALATE),
    /** No category claimed, or one that is not FOOD, AGRI, MEDICINE, DEVICE or OTHER. */
    CATEGORY_UNKNOWN(Verdict.ESCALATE),
    /** The claimed category is not one the HS rule allows for that code. */
    CATEGORY_MISMATCH(Verdict.ESCALATE),
    /** No end-user type given, or one that is not known. */
    END_USER_UNKNOWN(Verdict.ESCALATE),
    /** The end users' quantities do not add up to the line's quantity. */
    END_USE_QUANTITY_MISMATCH(Verdict.ESCALATE),
    /** No description given. */
    DESCRIPTION_MISSING(Verdict.ESCALATE),
    /** No unit given. */
    UNIT_MISSING(Verdict.ESCALATE),
    /** The unit price is missing, not a number, or not positive. */
    PRICE_INVALID(Verdict.ESCALATE),
    /** The currency is missing or not an ISO 4217 code. */
    CURRENCY_INVALID(Verdict.ESCALATE),
    /** The unit price is outside the plausibility band for the HS code and unit (FR-20). */
    PRICE_IMPLAUSIBLE(Verdict.ESCALATE),
    /** No plausibility band exists for the HS code, unit and currency, and the rule set escalates such lines. */
    PRICE_NOT_BENCHMARKED(Verdict.ESCALATE);

    private final Verdict verdict;

    EligibilityReason(Verdict verdict) {
        this.verdict = verdict;
    }

    public Verdict verdict() {
        return verdict;
    }
}
