package org.corridor.authorisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.corridor.money.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Goods lines under the default rule set that ships with Corridor, without a database. */
class EligibilityTest {

    private static final LocalDate ON = LocalDate.parse("2024-07-05");
    private static final LineEvaluator DEFAULT = new LineEvaluator(Eligibility.defaultRuleSet(), ON);

    static GoodsLine line(
            String line,
            String description,
            String hs,
            String quantity,
            String unit,
            String price,
            String category,
            String endUser) {
        return GoodsLine.fromText(line, description, hs, quantity, unit, price, "EUR", category, endUser);
    }

    static LineResult decide(GoodsLine line) {
        return DEFAULT.evaluate(line);
    }

    @Test
    void the_lines_of_dr_2024_0412_give_the_results_of_the_scenario() {
        GoodsLine imatinib = line(
                "1",
                "Imatinib 400 mg tablets (oncology)",
                "3004.90",
                "120000",
                "pack",
                "25.00",
                "MEDICINE",
                "HOSPITAL");
        GoodsLine insulin = line(
                        "2", "Insulin glargine pre-filled pens", "3004.31", "200000", "pen", "6.80", "MEDICINE", "")
                .withEndUses(List.of(
                        EndUse.of(EndUserType.HOSPITAL, new BigDecimal("180000")),
                        EndUse.of(EndUserType.LAW_ENFORCEMENT, new BigDecimal("20000"))));
        GoodsLine monitors = line("3", "Patient monitors", "9018.19", "200", "unit", "2400", "DEVICE", "HOSPITAL");
        GoodsLine scanner = line("4", "128-slice CT scanner", "9022.12", "1", "unit", "950000", "DEVICE", "HOSPITAL");

        List<LineResult> results = List.of(imatinib, insulin, monitors, scanner).stream()
                .map(EligibilityTest::decide)
                .toList();

        assertThat(results.get(0).decision()).isEqualTo(new LineDecision.Allowed());
        assertThat(results.get(0).allowedQuantity()).isEqualByComparingTo("120000");

        LineResult second = results.get(1);
        assertThat(second.decision()).isEqualTo(new LineDecision.Allowed());
        assertThat(second.allowedQuantity()).isEqualByComparingTo("180000");
        assertThat(second.split()).isTrue();
        assertThat(second.portions())
                .extracting(LineResult.Portion::decision)
                .containsExactly(
                        new LineDecision.Allowed(), new LineDecision.Denied(EligibilityReason.END_USER_EXCLUDED));

        assertThat(results.get(2).decision()).isEqualTo(new LineDecision.Allowed());
        assertThat(results.get(2).allowedQuantity()).isEqualByComparingTo("200");

        assertThat(results.get(3).decision())
                .isEqualTo(new LineDecision.Escalate(EligibilityReason.SPECIFIC_LICENCE_REQUIRED));
        assertThat(results.get(3).allowedQuantity()).isZero();

        // The approvable amount of DR-2024-0412-A: 3,000,000 + 1,224,000 + 480,000.
        BigDecimal approvable = results.get(0)
                .allowedQuantity()
                .multiply(new BigDecimal("25.00"))
                .add(second.allowedQuantity().multiply(new BigDecimal("6.80")))
                .add(results.get(2).allowedQuantity().multiply(new BigDecimal("2400")));
        assertThat(approvable).isEqualByComparingTo("4704000");
    }

    @ParameterizedTest(name = "{1} {0} is DENIED: EXCLUDED_ITEM")
    @CsvSource({
        "2203.00, Lager beer, FOOD",
        "2204.21, Red wine, FOOD",
        "2208.30, Whisky, FOOD",
        "2402.20, Cigarettes, AGRI",
        "2401.10, Leaf, AGRI",
        "1704.10, Chewing gum, FOOD",
        "1207.30, Castor seeds, AGRI",
    })
    void excluded_items_are_denied_by_hs_code(String hs, String description, String category) {
        LineResult result = decide(line("1", description, hs, "10", "kg", "5", category, "DISTRIBUTOR"));
        assertThat(result.decision()).isEqualTo(new LineDecision.Denied(EligibilityReason.EXCLUDED_ITEM));
        assertThat(result.allowedQuantity()).isZero();
        assertThat(result.findings().get(0).source()).isPresent();
    }

    @Test
    void an_excluded_item_named_only_in_the_description_is_escalated_as_possibly_misclassified() {
        LineResult result = decide(line("1", "Red wine, bottled", "2209.00", "10", "l", "5", "FOOD", "DISTRIBUTOR"));
        assertThat(result.decision()).isEqualTo(new LineDecision.Escalate(EligibilityReason.EXCLUDED_ITEM_SUSPECTED));
    }

    @ParameterizedTest(name = "{1} {0} is ESCALATE: {3}")
    @CsvSource({
        "3102.30, Ammonium nitrate fertiliser, AGRI, CONTROLLED_GOODS_SUSPECTED",
        "2933.99, Active pharmaceutical ingredient, MEDICINE, HS_REVIEW_REQUIRED",
        "3822.19, Diagnostic reagent kits, MEDICINE, HS_REVIEW_REQUIRED",
        "8421.19, Laboratory centrifuge, DEVICE, HS_REVIEW_REQUIRED",
        "9027.80, Clinical chemistry analyser, DEVICE, HS_REVIEW_REQUIRED",
        "0102.29, Live cattle, AGRI, HS_REVIEW_REQUIRED",
        "0603.11, Cut roses, AGRI, HS_REVIEW_REQUIRED",
        "9022.14, Mobile X-ray unit, DEVICE, HS_REVIEW_REQUIRED",
        "9018.13, MRI system 1.5 T, DEVICE, SPECIFIC_LICENCE_REQUIRED",
        "9018.90, Oxygen generator for hospital wards, DEVICE, SPECIFIC_LICENCE_REQUIRED",
        "8471.30, Laptop computers, OTHER, HS_CODE_NOT_COVERED",
    })
    void goods_of_concern_are_escalated_with_a_named_reason(
            String hs, String description, String category, EligibilityReason reason) {
        LineResult result = decide(line("1", description, hs, "1", "piece", "100", category, "HOSPITAL"));
        assertThat(result.decision()).isEqualTo(new LineDecision.Escalate(reason));
        assertThat(result.allowedQuantity()).isZero();
    }

    @ParameterizedTest(name = "end user {0}")
    @CsvSource({"MILITARY", "INTELLIGENCE", "LAW_ENFORCEMENT", "law enforcement", "Law-Enforcement", "military"})
    void excluded_end_users_are_denied(String endUser) {
        LineResult result = decide(line("1", "Insulin pens", "3004.31", "100", "pen", "6.80", "MEDICINE", endUser));
        assertThat(result.decision()).isEqualTo(new LineDecision.Denied(EligibilityReason.END_USER_EXCLUDED));
    }

    @ParameterizedTest(name = "end user ''{0}''")
    @CsvSource(
            value = {"''", "ARMY", "hospitals"},
            quoteCharacter = '\'')
    void an_unknown_end_user_is_escalated_never_allowed(String endUser) {
        LineResult result = decide(line("1", "Insulin pens", "3004.31", "100", "pen", "6.80", "MEDICINE", endUser));
        assertThat(result.decision()).isEqualTo(new LineDecision.Escalate(EligibilityReason.END_USER_UNKNOWN));
    }

    @Test
    void end_user_types_are_read_regardless_of_case() {
        LineResult result = decide(line("1", "Insulin pens", "3004.31", "100", "pen", "6.80", "medicine", "hospital"));
        assertThat(result.decision()).isEqualTo(new LineDecision.Allowed());
    }

    @ParameterizedTest(name = "HS ''{0}'' is DENIED: {1}")
    @CsvSource(
            value = {
                "'', HS_CODE_MISSING",
                "30, HS_CODE_MALFORMED",
                "3004, HS_CODE_MALFORMED",
                "3004.9X, HS_CODE_MALFORMED",
                "30-04-90, HS_CODE_MALFORMED",
                "30049012345, HS_CODE_MALFORMED",
                "0000.00, HS_CODE_UNKNOWN",
                "7700.00, HS_CODE_UNKNOWN",
                "9999.99, HS_CODE_UNKNOWN",
            },
            quoteCharacter = '\'')
    void a_missing_malformed_or_unknown_hs_code_is_denied(String hs, EligibilityReason reason) {
        LineResult result = decide(line("1", "Goods", hs, "1", "piece", "10", "MEDICINE", "HOSPITAL"));
        assertThat(result.decision()).isEqualTo(new LineDecision.Denied(reason));
    }

    @Test
    void hs_codes_are_read_with_or_without_dots_and_national_digits() {
        for (String hs : List.of("300490", "3004.90", "3004.90.00", "3004 90 10 00")) {
            assertThat(decide(line("1", "Imatinib", hs, "1", "pack", "25", "MEDICINE", "PHARMACY"))
                            .decision())
                    .as(hs)
                    .isEqualTo(new LineDecision.Allowed());
        }
    }

    @Test
    void a_category_the_hs_chapter_does_not_support_is_escalated() {
        assertThat(decide(line("1", "Patient monitors", "9018.19", "2", "unit", "2400", "FOOD", "HOSPITAL"))
                        .decision())
                .isEqualTo(new LineDecision.Escalate(EligibilityReason.CATEGORY_MISMATCH));
        assertThat(decide(line("1", "Wheat", "1001.99", "2", "t", "250", "AGRI", "DISTRIBUTOR"))
                        .decision())
                .isEqualTo(new LineDecision.Allowed());
        assertThat(decide(line("1", "Wheat", "1001.99", "2", "t", "250", "MEDICINE", "DISTRIBUTOR"))
                        .decision())
                .isEqualTo(new LineDecision.Escalate(EligibilityReason.CATEGORY_MISMATCH));
    }

    @ParameterizedTest(name = "EUR {0} per {1}: {2}")
    @CsvSource({
        "25.00, pack, ALLOWED",
        "5.00, pack, ALLOWED",
        "125.00, box, ALLOWED",
        "4.99, pack, ESCALATE",
        "125.01, packs, ESCALATE",
        "2500, pack, ESCALATE",
        "2500, tablet, ALLOWED",
    })
    void prices_outside_the_band_for_the_hs_code_and_unit_are_escalated(String price, String unit, Verdict verdict) {
        LineResult result = decide(line("1", "Imatinib 400 mg", "3004.90", "10", unit, price, "MEDICINE", "HOSPITAL"));
        assertThat(result.decision().verdict()).isEqualTo(verdict);
        if (verdict == Verdict.ESCALATE) {
            assertThat(result.decision().reasonCode()).contains(EligibilityReason.PRICE_IMPLAUSIBLE);
        }
    }

    @Test
    void a_line_priced_in_a_blocked_currency_is_denied() {
        GoodsLine usd =
                GoodsLine.fromText("1", "Imatinib", "3004.90", "10", "pack", "25", "USD", "MEDICINE", "HOSPITAL");
        assertThat(decide(usd).decision()).isEqualTo(new LineDecision.Denied(EligibilityReason.CURRENCY_BLOCKED));
    }

    @Test
    void a_denied_line_never_denies_the_others() {
        List<GoodsLine> lines = List.of(
                line("1", "Whisky", "2208.30", "10", "l", "20", "FOOD", "DISTRIBUTOR"),
                line("2", "Imatinib", "3004.90", "10", "pack", "25", "MEDICINE", "HOSPITAL"),
                line("3", "Insulin", "3004.31", "10", "pen", "6.80", "MEDICINE", "MILITARY"));
        List<Verdict> verdicts =
                lines.stream().map(l -> decide(l).decision().verdict()).toList();
        assertThat(verdicts).containsExactly(Verdict.DENIED, Verdict.ALLOWED, Verdict.DENIED);
    }

    @Test
    void a_line_whose_end_users_do_not_add_up_is_escalated() {
        GoodsLine line = line("2", "Insulin", "3004.31", "200000", "pen", "6.80", "MEDICINE", "")
                .withEndUses(List.of(
                        EndUse.of(EndUserType.HOSPITAL, new BigDecimal("150000")),
                        EndUse.of(EndUserType.PHARMACY, new BigDecimal("20000"))));
        LineResult result = decide(line);
        assertThat(result.decision()).isEqualTo(new LineDecision.Escalate(EligibilityReason.END_USE_QUANTITY_MISMATCH));
        assertThat(result.allowedQuantity()).isZero();
    }

    @Test
    void a_split_line_with_an_unknown_end_user_allows_only_the_known_part() {
        GoodsLine line = line("2", "Insulin", "3004.31", "100", "pen", "6.80", "MEDICINE", "")
                .withEndUses(List.of(
                        EndUse.of(EndUserType.PHARMACY, new BigDecimal("60")),
                        new EndUse(java.util.Optional.empty(), new BigDecimal("40"))));
        LineResult result = decide(line);
        assertThat(result.decision()).isEqualTo(new LineDecision.Allowed());
        assertThat(result.allowedQuantity()).isEqualByComparingTo("60");
        assertThat(result.portions().get(1).decision())
                .isEqualTo(new LineDecision.Escalate(EligibilityReason.END_USER_UNKNOWN));
    }

    @Test
    void rules_apply_only_within_their_effective_dates() {
        String rules = """
                {"format": "corridor-eligibility-rules/1", "name": "dated",
                 "hs_rules": [
                   {"prefix": "30", "status": "ALLOWED", "categories": ["MEDICINE"], "source": "test",
                    "effective_from": "2024-01-01", "effective_to": "2024-06-30"}],
                 "excluded_items": [], "specific_licence_devices": [],
                 "excluded_end_users": {"values": ["MILITARY"], "source": "test"},
                 "blocked_currencies": {"values": ["USD"], "source": "test"},
                 "units": {"PACK": ["pack"]}, "price_bands": [], "unbenchmarked_price": "NO_CHECK"}
                """;
        RuleSet dated = RuleSetParser.parse("dated.json", rules);
        GoodsLine imatinib = line("1", "Imatinib", "3004.90", "10", "pack", "25", "MEDICINE", "HOSPITAL");
        assertThat(new LineEvaluator(dated, LocalDate.parse("2024-06-30"))
                        .evaluate(imatinib)
                        .decision())
                .isEqualTo(new LineDecision.Allowed());
        assertThat(new LineEvaluator(dated, LocalDate.parse("2024-07-01"))
                        .evaluate(imatinib)
                        .decision())
                .isEqualTo(new LineDecision.Escalate(EligibilityReason.HS_CODE_NOT_COVERED));
    }

    @Test
    void unbenchmarked_prices_can_be_escalated_by_the_rules() {
        String rules = Eligibility.defaultRulesContent()
                .replace("\"unbenchmarked_price\": \"NO_CHECK\"", "\"unbenchmarked_price\": \"ESCALATE\"");
        LineEvaluator strict = new LineEvaluator(RuleSetParser.parse("strict.json", rules), ON);
        assertThat(strict.evaluate(line("1", "Wheat", "1001.99", "2", "t", "250", "FOOD", "DISTRIBUTOR"))
                        .decision())
                .isEqualTo(new LineDecision.Escalate(EligibilityReason.PRICE_NOT_BENCHMARKED));
        assertThat(strict.evaluate(line("1", "Imatinib", "3004.90", "2", "pack", "25", "MEDICINE", "HOSPITAL"))
                        .decision())
                .isEqualTo(new LineDecision.Allowed());
    }

    @Test
    void currencies_are_read_as_iso_codes() {
        assertThat(GoodsLine.fromText("1", "x", "3004.90", "1", "pack", "1", "eur", "MEDICINE", "HOSPITAL")
                        .currency())
                .contains(Currency.EUR);
        assertThat(GoodsLine.fromText("1", "x", "3004.90", "1", "pack", "1", "EURO", "MEDICINE", "HOSPITAL")
                        .currency())
                .isEmpty();
    }
}
