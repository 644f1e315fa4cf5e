package org.corridor.ledger;

/**
 * An account's four balances in minor units of its currency: debits and credits, each pending
 * (reserved by holds) and posted.
 */
public record Balances(long debitsPending, long debitsPosted, long creditsPending, long creditsPosted) {

    public static final Balances ZERO = new Balances(0, 0, 0, 0);

    /** Posted credits less posted debits: what a credit-normal account (a restricted one) holds. */
    public long postedCreditBalance() {
        return creditsPosted - debitsPosted;
    }

    /** Posted credits less posted and pending debits: what may still be spent or held. */
    public long availableCreditBalance() {
        return creditsPosted - debitsPosted - debitsPending;
    }
}
