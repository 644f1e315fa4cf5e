package org.corridor.release;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.corridor.InvalidInputException;
import org.corridor.audit.Hashing;
import org.corridor.authorisation.Category;
import org.corridor.authorisation.EndUse;
import org.corridor.authorisation.EndUserType;
import org.corridor.authorisation.GoodsLine;
import org.corridor.money.Currency;
import org.corridor.payments.Bic;
import org.corridor.payments.Iban;
import org.corridor.screening.EntityType;
import org.corridor.screening.PartyFields;

/**
 * Checks a submitted request's fields once, before anything else looks at it, and turns them into
 * what the later steps need: goods lines for eligibility, party ids for the ownership graph,
 * normalised names for the cleared-hit memory. Stateless.
 */
final class RequestChecks {

    static final int MAX_LINES = 200;
    static final int MAX_PARTIES = 50;
    static final int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

    /** The length of the base64 (RFC 4648, no line breaks) of a document of {@link #MAX_DOCUMENT_BYTES}. */
    static final int MAX_DOCUMENT_BASE64 = (MAX_DOCUMENT_BYTES + 2) / 3 * 4;

    private RequestChecks() {}

    /**
     * Refuses a request with a missing or malformed field, naming it. Returns the request with its
     * trimmed reference, the hash of its content (the idempotency check compares it) and its
     * documents decoded.
     */
    static CheckedRequest check(NewRequest request) {
        if (request == null) {
            throw new InvalidInputException("BODY_MISSING", "a release request is required");
        }
        String reference = text(request.reference(), "reference");
        if (!reference.matches("[A-Za-z0-9][A-Za-z0-9/_.-]{0,29}")) {
            throw new InvalidInputException(
                    "REFERENCE_INVALID", "a reference is 1 to 30 letters, digits, '-', '_', '.' or '/': " + reference);
        }
        text(request.holder(), "holder");
        text(request.payFrom(), "pay_from");
        party(request.purchaser(), "purchaser");
        party(request.vendor(), "vendor");
        List<NewRequest.PartyInput> endUsers = request.endUsers() == null ? List.of() : request.endUsers();
        if (endUsers.size() > MAX_PARTIES) {
            throw new InvalidInputException("TOO_MANY_PARTIES", "at most " + MAX_PARTIES + " end users");
        }
        endUsers.forEach(endUser -> party(endUser, "end user"));
        if (request.intermediaryBank() != null) {
            request.intermediaryBank().ifPresent(bank -> party(bank, "intermediary_bank"));
        }
        if (request.forwarder() != null) {
            request.forwarder().ifPresent(forwarder -> party(forwarder, "forwarder"));
        }
        NewRequest.BankAccountInput account = request.vendorAccount();
        if (account == null) {
            throw new InvalidInputException("FIELD_MISSING", "vendor_account is required");
        }
        Iban.parse(text(account.iban(), "vendor_account.iban"));
        Bic.parse(text(account.bic(), "vendor_account.bic"));
        text(account.bankName(), "vendor_account.bank_name");
        if (request.lines() == null || request.lines().isEmpty()) {
            throw new InvalidInputException("FIELD_MISSING", "a request has at least one goods line");
        }
        if (request.lines().size() > MAX_LINES) {
            throw new InvalidInputException("TOO_MANY_LINES", "at most " + MAX_LINES + " goods lines");
        }
        for (NewRequest.LineInput line : request.lines()) {
            line(line);
        }
        text(request.incoterm(), "incoterm");
        shipment(request.shipment());
        List<ReleaseStore.NewDocument> documents = new ArrayList<>();
        for (NewRequest.DocumentInput document : documents(request)) {
            byte[] content = content(document);
            documents.add(new ReleaseStore.NewDocument(
                    document.type().trim().toUpperCase(Locale.ROOT),
                    document.name().trim(),
                    Hashing.sha256Hex(content),
                    content));
        }
        return new CheckedRequest(request, reference, contentSha256(request), List.copyOf(documents));
    }

    /** The hash of a request's content as stored: same content, same hash. */
    static String contentSha256(NewRequest request) {
        return Hashing.sha256Hex(ReleaseRows.json(request));
    }

    /**
     * The top-level fields in which two requests of one reference differ (snake_case, as submitted),
     * so that a refused resubmission can say what changed.
     */
    static List<String> differences(NewRequest stored, NewRequest submitted) {
        JsonNode before = ReleaseRows.JSON.valueToTree(stored);
        JsonNode after = ReleaseRows.JSON.valueToTree(submitted);
        Set<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        return names.stream()
                .filter(name -> !before.path(name).equals(after.path(name)))
                .toList();
    }

    static NewRequest.ShipmentInput shipment(NewRequest.ShipmentInput shipment) {
        if (shipment == null) {
            throw new InvalidInputException("FIELD_MISSING", "shipment is required");
        }
        text(shipment.carrier(), "shipment.carrier");
        text(shipment.portOfLoading(), "shipment.port_of_loading");
        text(shipment.portOfDischarge(), "shipment.port_of_discharge");
        Optional<String> imo = shipment.vesselImo() == null ? Optional.empty() : shipment.vesselImo();
        if (imo.isPresent() && !imo.get().trim().matches("(IMO ?)?[0-9]{7}")) {
            throw new InvalidInputException("IMO_INVALID", "a vessel's IMO number is seven digits: " + imo.get());
        }
        return shipment;
    }

    static NewRequest.PartyInput party(NewRequest.PartyInput party, String what) {
        if (party == null) {
            throw new InvalidInputException("FIELD_MISSING", what + " is required");
        }
        text(party.name(), what + ".name");
        String country = text(party.country(), what + ".country").toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new InvalidInputException(
                    "COUNTRY_INVALID", what + ".country is an ISO 3166 alpha-2 code: " + party.country());
        }
        partyType(party, what);
        return party;
    }

    /**
     * The party's declared type: a person, an organisation, a vessel or an aircraft (a party that is
     * a ship or an aircraft, such as a chartered one named as end user, is screened as one).
     */
    static Optional<EntityType> partyType(NewRequest.PartyInput party, String what) {
        String text = party.type().orElse("").strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<EntityType> type = PartyFields.entityType(text).flatMap(read -> read);
        if (type.isEmpty()) {
            throw new InvalidInputException(
                    "PARTY_TYPE_INVALID",
                    what + ".type is PERSON, ORGANISATION, VESSEL or AIRCRAFT, got '" + text + "'");
        }
        return type;
    }

    private static void line(NewRequest.LineInput line) {
        if (line == null) {
            throw new InvalidInputException("FIELD_MISSING", "a goods line is empty");
        }
        String number = text(line.line(), "line");
        decimal(line.quantity(), "line " + number + " quantity");
        decimal(line.unitPrice(), "line " + number + " unit_price");
        if (line.endUses() != null) {
            for (NewRequest.EndUseInput use : line.endUses()) {
                if (use == null) {
                    throw new InvalidInputException("FIELD_MISSING", "line " + number + " has an empty end use");
                }
                decimal(use.quantity(), "line " + number + " end-use quantity");
            }
        }
    }

    static List<NewRequest.DocumentInput> documents(NewRequest request) {
        return request.documents() == null ? List.of() : request.documents().orElse(List.of());
    }

    static byte[] content(NewRequest.DocumentInput document) {
        if (document == null) {
            throw new InvalidInputException("FIELD_MISSING", "a document is empty");
        }
        text(document.type(), "document type");
        text(document.name(), "document name");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64(document));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("DOCUMENT_INVALID", "a document's content is base64: " + document.name());
        }
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new InvalidInputException("DOCUMENT_TOO_LARGE", "a document is at most 5 MB: " + document.name());
        }
        return bytes;
    }

    /**
     * A document's content as sent: required, and no longer than the base64 of {@link
     * #MAX_DOCUMENT_BYTES} (the 500-character limit of other text would refuse every real PDF).
     */
    private static String base64(NewRequest.DocumentInput document) {
        String content = document.contentBase64();
        if (content == null || content.isBlank()) {
            throw new InvalidInputException("FIELD_MISSING", "document content_base64 is required");
        }
        if (content.length() > MAX_DOCUMENT_BASE64) {
            throw new InvalidInputException("DOCUMENT_TOO_LARGE", "a document is at most 5 MB: " + document.name());
        }
        return content.strip();
    }

    /** The lines as eligibility reads them; unreadable values become missing, which eligibility names. */
    static List<GoodsLine> goodsLines(NewRequest request, Currency currency) {
        List<GoodsLine> lines = new ArrayList<>();
        for (NewRequest.LineInput line : request.lines()) {
            BigDecimal quantity = new BigDecimal(line.quantity().trim());
            List<EndUse> uses = new ArrayList<>();
            if (line.endUses() == null || line.endUses().isEmpty()) {
                uses.add(new EndUse(Optional.empty(), quantity));
            } else {
                for (NewRequest.EndUseInput use : line.endUses()) {
                    uses.add(new EndUse(
                            EndUserType.parse(use.type()),
                            new BigDecimal(use.quantity().trim())));
                }
            }
            lines.add(new GoodsLine(
                    line.line().trim(),
                    Optional.ofNullable(line.description()),
                    Optional.ofNullable(line.hsCode()),
                    Optional.of(quantity),
                    Optional.ofNullable(line.unit()),
                    Optional.of(new BigDecimal(line.unitPrice().trim())),
                    Optional.of(currency),
                    Category.parse(line.category()),
                    uses));
        }
        return lines;
    }

    /** Quantity times unit price in minor units, rounded half-even once. */
    static long amountMinor(BigDecimal quantity, BigDecimal unitPrice, Currency currency) {
        return quantity.multiply(unitPrice)
                .setScale(currency.exponent(), RoundingMode.HALF_EVEN)
                .movePointRight(currency.exponent())
                .longValueExact();
    }

    /** The party's id in the ownership graph: as given, or a slug of its name. */
    static String partyId(NewRequest.PartyInput party) {
        Optional<String> id = party.id() == null ? Optional.empty() : party.id();
        return id.filter(value -> !value.isBlank()).map(String::trim).orElseGet(() -> slug(party.name()));
    }

    static String slug(String name) {
        String slug =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = "party";
        }
        return slug.length() > 100 ? slug.substring(0, 100) : slug;
    }

    /** A party's name as the cleared-hit memory keys it: lowercase, single spaces. */
    static String partyKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** An optional text as given, trimmed; blank or absent is empty. */
    static Optional<String> optional(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::trim).filter(text -> !text.isEmpty());
    }

    /** One of {@code type}'s constants by name, any case; {@code code} names the refusal otherwise. */
    static <E extends Enum<E>> E choice(Class<E> type, String text, String code) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(code, "one of " + EnumSet.allOf(type) + " is required");
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(code, "not one of " + EnumSet.allOf(type) + ": " + text);
        }
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("FIELD_MISSING", field + " is required");
        }
        if (value.length() > 500) {
            throw new InvalidInputException("FIELD_TOO_LONG", field + " is at most 500 characters");
        }
        return value.trim();
    }

    private static BigDecimal decimal(String value, String field) {
        String text = text(value, field);
        if (!text.matches("\\d{1,15}(\\.\\d{1,6})?")) {
            throw new InvalidInputException("NUMBER_INVALID", field + " is a plain positive decimal: " + text);
        }
        BigDecimal number = new BigDecimal(text);
        if (number.signum() <= 0) {
            throw new InvalidInputException("NUMBER_INVALID", field + " is positive: " + text);
        }
        return number;
    }
}
