package org.corridor.release;

import java.util.List;

/**
 * What one imported bank message did, item by item.
 *
 * @param kind pacs.002, pacs.004 or camt.054
 * @param repeated true when the same message (id and content) had been imported before: nothing was
 *     applied again and the items are what the first import did
 * @param items one per payment status, return or announced credit
 */
public record PaymentMessageImport(String kind, String messageId, String sha256, boolean repeated, List<Item> items) {

    public PaymentMessageImport {
        items = List.copyOf(items);
    }

    /**
     * One item of the message and its outcome.
     *
     * @param subject the release reference or the credit's bank reference it concerned
     * @param outcome SENT, SETTLED, REJECTED, RETURNED, UNCHANGED, DEPOSITED, SUSPENDED, SKIPPED or
     *     REFUSED
     * @param code for a refusal, its code (PAYMENT_UNKNOWN, ...); otherwise empty
     */
    public record Item(String item, String subject, String outcome, String code, String detail) {}

    /** True when at least one item changed something. */
    public boolean applied() {
        return items.stream()
                .anyMatch(item ->
                        !item.outcome().equals("REFUSED") && !item.outcome().equals("SKIPPED"));
    }
}
