package org.corridor.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.authorisation.CoverageFinding;

/**
 * What the settlement routes share: a done outcome answered 201 when new and 200 when it repeats
 * one recorded before, a refusal turned into a 422 that names its reason, and the period a report
 * or flow asks for.
 */
final class SettlementRoutesSupport {

    private SettlementRoutesSupport() {}

    /** The done outcome; a refusal is thrown as a 422 problem whose code is the reason. */
    static <T> SettlementOutcome.Done<T> done(SettlementOutcome<T> outcome) {
        if (outcome instanceof SettlementOutcome.Done<T> done) {
            return done;
        }
        throw refusal((SettlementOutcome.Refused<?>) outcome);
    }

    /** 200 when the outcome repeats one recorded before under its idempotency key, 201 when it is new. */
    static int status(SettlementOutcome.Done<?> done) {
        return done.repeated() ? 200 : 201;
    }

    /** A date the query must give, such as a period's {@code from}. */
    static LocalDate required(Optional<LocalDate> date, String name) {
        return date.orElseThrow(() -> new InvalidInputException("PARAMETER_INVALID", name + " is required"));
    }

    /** A refusal as a 422 problem whose code is the reason, with the register's findings. */
    static InvalidInputException refusal(SettlementOutcome.Refused<?> refused) {
        List<Map<String, String>> findings = refused.findings().stream()
                .map(SettlementRoutesSupport::finding)
                .toList();
        return new InvalidInputException(
                refused.reason().name(), refused.reason() + ": " + refused.detail(), Map.of("findings", findings));
    }

    private static Map<String, String> finding(CoverageFinding finding) {
        return Map.of(
                "authorisation", finding.authorisationReference(),
                "reason", finding.reason().name(),
                "detail", finding.detail());
    }
}
