package org.corridor.http;

import java.util.List;

/**
 * What each path parameter of the API takes, for the OpenAPI description: a UUID unless a rule here
 * says the route also takes a name or reference. The rules follow the handlers: an {@code id} read
 * with {@link Requests#uuidPath} must be a UUID; one resolved by a feature's {@code find(idOr...)}
 * takes the name too.
 */
final class PathParameters {

    /** A parameter of paths starting with {@code prefix}, named {@code name}. */
    record Rule(String prefix, String name, String description, boolean uuid) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    "/api/v1/accounts/",
                    "id",
                    "the ledger account's UUID, or a restricted account's name such as NIGC-EUR-R",
                    false),
            new Rule(
                    "/api/v1/restricted-accounts/",
                    "id",
                    "the restricted account's UUID or its name, such as NIGC-EUR-R",
                    false),
            new Rule(
                    "/api/v1/releases/",
                    "id",
                    "the disbursement request's UUID or its reference, such as DR-2024-0412-A",
                    false),
            new Rule("/api/v1/authorisations/", "id", "the authorisation's UUID or its reference, such as W-20", false),
            new Rule("/api/v1/contracts/", "id", "the contract's UUID or its reference, such as GSA-2019-01", false),
            new Rule("/api/v1/invoices/", "id", "the invoice's UUID or its number", false),
            new Rule(
                    "/api/v1/ownership/parties/",
                    "id",
                    "the party's id in the ownership graph, as it was imported",
                    false),
            new Rule("/entities/", "id", "the listed entity's id, as yente gives it", false),
            new Rule("/match/", "dataset", "the yente dataset to match against, such as default or sanctions", false),
            new Rule("/search/", "dataset", "the yente dataset to search, such as default or sanctions", false),
            new Rule("/api/v1/users/", "name", "the user's name", false),
            new Rule(
                    "/api/v1/users/",
                    "role",
                    "a role: ADMIN, OPERATOR, COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER, APPROVER, PAYER, "
                            + "BENEFICIARY_AGENT or AUDITOR",
                    false),
            new Rule("/api/v1/users/", "holder", "an account holder the user acts for, such as NIGC", false),
            new Rule("/api/v1/vessels/", "imo", "the vessel's seven-digit IMO number", false),
            new Rule(
                    "/api/v1/releases/",
                    "kind",
                    "the kind of follow-up document, as the request's follow_ups name it",
                    false),
            new Rule("/api/v1/releases/", "line", "the goods line's number, as the request's lines name it", false),
            new Rule("/api/v1/reports/", "name", "the report, such as rpt-2 (rpt-1 to rpt-10)", false),
            new Rule("/api/v1/screening/lists/", "id", "the list version's number, as lists show gives it", false),
            new Rule(
                    "/api/v1/rejection-reports/",
                    "event",
                    "the RPT-5 event: REJ-n for a rejected party, REQ-reference for a request refused at submission",
                    false));

    private PathParameters() {}

    /** How a path parameter is documented; a plain {@code id} elsewhere is a UUID. */
    static Rule of(String path, String name) {
        for (Rule rule : RULES) {
            if (path.startsWith(rule.prefix()) && rule.name().equals(name)) {
                return rule;
            }
        }
        return new Rule(path, name, "the " + subject(path) + "'s UUID", true);
    }

    /** The thing a path's id names, from the collection before it: /api/v1/deposits/{id} names a deposit. */
    private static String subject(String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i > 0; i--) {
            if (parts[i].startsWith("{")) {
                String collection = parts[i - 1].replace('-', ' ');
                return collection.endsWith("ies")
                        ? collection.substring(0, collection.length() - 3) + "y"
                        : collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
            }
        }
        return "resource";
    }
}
