package org.corridor.release;

import java.util.List;
import java.util.Optional;

/**
 * A disbursement request as the beneficiary's agent submits it (FR-16): who asks, which restricted
 * account pays, the parties, the goods lines, the shipment and the documents. Also the JSON body of
 * {@code POST /api/v1/releases}. Every field is checked by {@link Releases#submit}, which names what
 * is missing or malformed.
 *
 * @param reference the request's own id, such as DR-2024-0412; the idempotency key
 * @param holder the beneficial holder whose restricted account pays, such as NIGC
 * @param payFrom the restricted account, by name (NIGC-EUR-R) or id
 * @param vendorAccount the vendor's account at its bank, IBAN and BIC validated
 */
public record NewRequest(
        String reference,
        String holder,
        String payFrom,
        PartyInput purchaser,
        List<PartyInput> endUsers,
        PartyInput vendor,
        BankAccountInput vendorAccount,
        Optional<PartyInput> intermediaryBank,
        List<LineInput> lines,
        String incoterm,
        ShipmentInput shipment,
        Optional<PartyInput> forwarder,
        Optional<List<DocumentInput>> documents) {

    /**
     * A party as named in the request.
     *
     * @param id the party's id in the ownership graph; derived from the name when absent
     * @param country ISO 3166 alpha-2 code of where the party is established
     * @param type PERSON, ORGANISATION, VESSEL or AIRCRAFT (also Individual, Company, Ship, ...); screening compares a
     *     typed party only with listings of its type, unless the rule of docs/screening.md admits
     *     the pair. Absent: compared with every type.
     */
    public record PartyInput(
            Optional<String> id, String name, String country, Optional<String> address, Optional<String> type) {

        public PartyInput {
            type = type == null ? Optional.empty() : type;
        }

        /** An untyped party. */
        public PartyInput(Optional<String> id, String name, String country, Optional<String> address) {
            this(id, name, country, address, Optional.empty());
        }
    }

    /** The vendor's account: IBAN, the bank's BIC and name. */
    public record BankAccountInput(String iban, String bic, String bankName) {}

    /**
     * A goods line. Quantities and prices are plain decimals; the price is in the paying account's
     * currency.
     *
     * @param category FOOD, AGRI, MEDICINE, DEVICE or OTHER
     * @param origin ISO country code of where the goods were produced
     * @param endUses who receives which part of the quantity
     */
    public record LineInput(
            String line,
            String description,
            String hsCode,
            String quantity,
            String unit,
            String unitPrice,
            String origin,
            String category,
            List<EndUseInput> endUses) {}

    /** Part of a line's quantity for one end user, by type (HOSPITAL, LAW_ENFORCEMENT, ...). */
    public record EndUseInput(String endUser, String type, String quantity) {}

    /** The shipment: carrier, vessel and ports. */
    public record ShipmentInput(
            String carrier,
            Optional<String> vesselName,
            Optional<String> vesselImo,
            String portOfLoading,
            String portOfDischarge) {}

    /** A document, typed (PI, CI, PL, BL, COO, ...), its content in base64; stored by its SHA-256. */
    public record DocumentInput(String type, String name, String contentBase64) {}
}
