package org.corridor.release;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.corridor.payments.Bic;
import org.corridor.payments.Iban;
import org.corridor.payments.PaymentInstruction;
import org.corridor.payments.PaymentParty;
import org.corridor.settlement.RestrictedAccount;

/**
 * The payment instruction an executed request sends: from the paying restricted account's bank
 * details to the vendor's account, carrying the request, authorisation and Authority references.
 * Its ids are derived from the request, so a retried execution writes the same message. Stateless.
 */
final class PaymentInstructions {

    private PaymentInstructions() {}

    /** The instruction for {@code row} paid on {@code valueDate} under {@code authorisation}. */
    static PaymentInstruction of(
            RequestRow row,
            String authorisation,
            Optional<String> priorApproval,
            ReleaseStore.PayingAccount paying,
            RestrictedAccount account,
            LocalDate valueDate,
            Instant now) {
        NewRequest request = row.content();
        List<String> remittance = List.of(
                "Release " + row.reference(),
                "Authorisation " + authorisation
                        + priorApproval
                                .map(reference -> "; Authority approval " + reference)
                                .orElse(""));
        return new PaymentInstruction(
                messageId(row, valueDate),
                row.reference(),
                row.reference() + "/1",
                uetr(row),
                now,
                valueDate,
                row.amount(),
                new PaymentParty(
                        paying.name(),
                        Iban.parse(paying.iban()),
                        Bic.parse(paying.bic()),
                        account.country(),
                        List.of(account.bank())),
                new PaymentParty(
                        request.vendor().name().trim(),
                        Iban.parse(request.vendorAccount().iban()),
                        Bic.parse(request.vendorAccount().bic()),
                        request.vendor().country().trim().toUpperCase(Locale.ROOT),
                        RequestChecks.optional(request.vendor().address())
                                .map(List::of)
                                .orElse(List.of())),
                Optional.empty(),
                remittance,
                Optional.of("GDDS"));
    }

    static String messageId(RequestRow row, LocalDate valueDate) {
        return "CORR-" + valueDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + row.id().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** The request's UETR: a derived id marked as version 4, as the pacs.008 UETR pattern demands. */
    static UUID uetr(RequestRow row) {
        UUID uuid = Holds.derived("release-uetr:" + row.id());
        long high = (uuid.getMostSignificantBits() & ~0xF000L) | 0x4000L;
        long low = (uuid.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
