package org.corridor.settlement;

import java.util.List;
import java.util.Map;
import org.corridor.InvalidInputException;
import org.corridor.authorisation.CoverageFinding;

/** What the settlement routes share: turning a refusal into a 422 that names its reason. */
final class SettlementRoutesSupport {

    private SettlementRoutesSupport() {}

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
