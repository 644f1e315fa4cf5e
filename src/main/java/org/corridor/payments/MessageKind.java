package org.corridor.payments;

import java.util.Optional;

/**
 * The ISO 20022 messages Corridor reads or writes, each with the one version it speaks and the
 * schema shipped for it (src/main/resources/payments/xsd, PROVENANCE.md there).
 */
public enum MessageKind {
    /** FIToFICustomerCreditTransfer: what an executed release sends (written). */
    PACS_008("pacs.008.001.09"),
    /** FIToFIPaymentStatusReport: the correspondent's acceptance or rejection of a payment (read). */
    PACS_002("pacs.002.001.11"),
    /** PaymentReturn: money of a payment coming back, whole or in part (read). */
    PACS_004("pacs.004.001.10"),
    /** BankToCustomerStatement: the end-of-day statement of a restricted account (written). */
    CAMT_053("camt.053.001.08"),
    /** BankToCustomerDebitCreditNotification: the payer's bank announcing a credit (read). */
    CAMT_054("camt.054.001.08");

    private final String version;

    MessageKind(String version) {
        this.version = version;
    }

    /** The message identifier with its version, such as {@code pacs.002.001.11}. */
    public String version() {
        return version;
    }

    public String namespace() {
        return "urn:iso:std:iso:20022:tech:xsd:" + version;
    }

    String schemaFile() {
        return version + ".xsd";
    }

    /** The kind whose document namespace this is, if Corridor speaks it. */
    public static Optional<MessageKind> ofNamespace(String namespace) {
        for (MessageKind kind : values()) {
            if (kind.namespace().equals(namespace)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
