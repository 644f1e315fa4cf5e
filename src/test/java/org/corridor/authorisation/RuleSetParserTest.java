package org.corridor.authorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.corridor.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Rule files are taken whole or refused whole, with the element and line of each problem. */
class RuleSetParserTest {

    private static final String DEFAULT = Eligibility.defaultRulesContent();

    private static InvalidInputException refusal(String content) {
        return catchThrowableOfType(InvalidInputException.class, () -> RuleSetParser.parse("rules.json", content));
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(InvalidInputException refusal) {
        return (List<String>) refusal.details().get("errors");
    }

    @Test
    void the_default_rule_set_is_valid_and_names_a_source_for_every_rule() {
        RuleSet rules = Eligibility.defaultRuleSet();
        assertThat(rules.hsRules()).hasSizeGreaterThan(30);
        assertThat(rules.hsRules()).allSatisfy(rule -> assertThat(rule.source()).contains("domain.md"));
        assertThat(rules.excludedItems())
                .allSatisfy(item -> assertThat(item.source()).contains("domain.md"));
        assertThat(rules.specificLicenceDevices())
                .allSatisfy(d -> assertThat(d.source()).contains("domain.md"));
        assertThat(rules.excludedEndUsers())
                .containsExactlyInAnyOrder(EndUserType.MILITARY, EndUserType.INTELLIGENCE, EndUserType.LAW_ENFORCEMENT);
        assertThat(rules.blockedCurrencies()).extracting(c -> c.code()).containsExactly("USD");
        assertThat(rules.priceBands()).hasSize(4);
    }

    @Test
    void malformed_json_is_refused_with_its_line() {
        String broken = DEFAULT.replaceFirst("\"status\": \"ESCALATE\",", "\"status\": \"ESCALATE\",,");
        InvalidInputException refusal = refusal(broken);
        assertThat(refusal.code()).isEqualTo("RULES_INVALID");
        assertThat(refusal.getMessage()).contains("line 6").contains("malformed JSON");
    }

    @Test
    void an_unknown_field_is_refused_with_its_element_and_line() {
        String misspelt = DEFAULT.replace("\"prefix\": \"31\", \"status\"", "\"prefix\": \"31\", \"statuss\"");
        InvalidInputException refusal = refusal(misspelt);
        assertThat(refusal.getMessage())
                .contains("hs_rules[25].statuss")
                .contains("line 31")
                .contains("unknown field");
    }

    @Test
    void every_broken_rule_is_named_by_element_and_line() {
        String content = """
                {
                  "format": "corridor-eligibility-rules/1",
                  "name": "broken",
                  "hs_rules": [
                    {"prefix": "30", "status": "ALLOWED", "categories": ["MEDICINE"], "source": "x"},
                    {"prefix": "3X", "status": "MAYBE", "categories": ["DRUGS"], "source": ""},
                    {"prefix": "30", "status": "DENIED", "categories": ["MEDICINE"], "source": "x"}
                  ],
                  "excluded_items": [{"name": "nothing", "hs_prefixes": [], "keywords": [], "source": "x"}],
                  "specific_licence_devices": [],
                  "excluded_end_users": {"values": ["ARMY"], "source": "x"},
                  "blocked_currencies": {"values": ["XYZ"], "source": "x"},
                  "units": {"PACK": ["pack"], "BOX": ["pack"]},
                  "price_bands": [{"hs_prefix": "3004.90", "unit": "crate", "currency": "EUR", "min": "10", "max": "5", "source": "x"}],
                  "unbenchmarked_price": "SOMETIMES"
                }
                """;
        List<String> errors = errors(refusal(content));
        assertThat(errors)
                .contains(
                        "hs_rules[1].prefix (line 6): an HS prefix is 2 to 10 digits (dots allowed): 3X",
                        "hs_rules[1].status (line 6): must be ALLOWED, ESCALATE or DENIED",
                        "hs_rules[1].categories[0] (line 6): must be FOOD, AGRI, MEDICINE, DEVICE or OTHER",
                        "hs_rules[1].source (line 6): is missing: every rule names where it comes from",
                        "hs_rules[2].prefix (line 7): repeats prefix 30 for overlapping dates",
                        "excluded_items[0] (line 9): needs at least one HS prefix or keyword",
                        "excluded_end_users.values[0] (line 11): is not an end-user type: ARMY",
                        "blocked_currencies.values[0] (line 12): is not an ISO 4217 currency: XYZ",
                        "price_bands[0].unit (line 14): is not a unit named under units: crate",
                        "price_bands[0].max (line 14): must be more than zero"
                                .replace("must be more than zero", "is below min"),
                        "unbenchmarked_price (line 15): must be NO_CHECK or ESCALATE");
        assertThat(errors)
                .anyMatch(error -> error.startsWith("units.PACK (line 13): 'pack' is already a name of BOX")
                        || error.startsWith("units.PACK (line 13)"));
    }

    @Test
    void an_empty_or_foreign_document_is_refused() {
        assertThat(refusal("").getMessage()).contains("rules.json is invalid");
        assertThat(refusal("[]").getMessage()).contains("rules.json is invalid");
        assertThat(refusal("{}").getMessage()).contains("format").contains("hs_rules");
        assertThat(refusal(DEFAULT + "{}").getMessage()).contains("rules.json is invalid");
    }
}
