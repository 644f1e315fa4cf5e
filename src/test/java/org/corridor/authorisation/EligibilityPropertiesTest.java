package org.corridor.authorisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.corridor.DomainException;
import org.corridor.money.Currency;

/**
 * Eligibility never fails open: whatever field of an otherwise allowed goods line is missing or
 * unreadable, the line is not ALLOWED and no quantity goes ahead.
 */
class EligibilityPropertiesTest {

    private static final LineEvaluator RULES =
            new LineEvaluator(Eligibility.defaultRuleSet(), LocalDate.parse("2024-07-05"));

    /** Allowed lines: line, description, hs_code, quantity, unit, unit_price, currency, category, end_user_type. */
    private static final List<List<String>> ALLOWED_LINES = List.of(
            List.of(
                    "1",
                    "Imatinib 400 mg tablets (oncology)",
                    "3004.90",
                    "120000",
                    "pack",
                    "25.00",
                    "EUR",
                    "MEDICINE",
                    "HOSPITAL"),
            List.of(
                    "2",
                    "Insulin glargine pre-filled pens",
                    "3004.31",
                    "180000",
                    "pen",
                    "6.80",
                    "EUR",
                    "MEDICINE",
                    "PHARMACY"),
            List.of("3", "Patient monitors", "9018.19", "200", "unit", "2400", "EUR", "DEVICE", "HOSPITAL"),
            List.of("9", "Durum wheat", "1001.19", "5000", "t", "250", "EUR", "FOOD", "DISTRIBUTOR"),
            List.of("10", "Surgical gloves", "4015.12", "1000", "box", "12.50", "IQD", "DEVICE", "OTHER"));

    /** Fields whose text is read into a type; an unreadable value is as good as missing. */
    private static final Set<Integer> TYPED_FIELDS = Set.of(2, 3, 5, 6, 7, 8);

    @Example
    void the_complete_lines_are_allowed() {
        for (List<String> fields : ALLOWED_LINES) {
            LineResult result = RULES.evaluate(line(fields));
            assertThat(result.decision()).as(fields.toString()).isEqualTo(new LineDecision.Allowed());
            assertThat(result.allowedQuantity()).isEqualByComparingTo(fields.get(3));
        }
    }

    @Property(tries = 400)
    void no_line_with_a_missing_field_is_allowed(
            @ForAll("allowedLines") List<String> complete,
            @ForAll @Size(min = 1, max = 8) Set<@net.jqwik.api.constraints.IntRange(min = 1, max = 8) Integer> missing,
            @ForAll("blanks") String blank) {
        String[] fields = complete.toArray(String[]::new);
        for (int field : missing) {
            fields[field] = blank;
        }
        LineResult result = RULES.evaluate(line(Arrays.asList(fields)));
        assertThat(result.decision().verdict()).isNotEqualTo(Verdict.ALLOWED);
        assertThat(result.allowedQuantity()).isZero();
        assertThat(result.decision().reasonCode()).isPresent();
    }

    @Property(tries = 400)
    void no_line_with_an_unreadable_typed_field_is_allowed(
            @ForAll("allowedLines") List<String> complete,
            @ForAll("typedField") int field,
            @ForAll("gibberish") String value) {
        String[] fields = complete.toArray(String[]::new);
        fields[field] = value;
        if (readable(field, value)) {
            return; // by chance a valid value; nothing to prove here
        }
        LineResult result = RULES.evaluate(line(Arrays.asList(fields)));
        assertThat(result.decision().verdict()).as(field + "=" + value).isNotEqualTo(Verdict.ALLOWED);
        assertThat(result.allowedQuantity()).isZero();
    }

    @Property(tries = 200)
    void the_allowed_quantity_never_exceeds_the_quantity_and_is_zero_unless_allowed(
            @ForAll("allowedLines") List<String> complete, @ForAll("endUsers") String endUser) {
        String[] fields = complete.toArray(String[]::new);
        fields[8] = endUser;
        LineResult result = RULES.evaluate(line(Arrays.asList(fields)));
        assertThat(result.allowedQuantity())
                .isLessThanOrEqualTo(result.quantity().orElseThrow());
        if (result.decision().verdict() != Verdict.ALLOWED) {
            assertThat(result.allowedQuantity()).isZero();
        }
    }

    @Provide
    Arbitrary<List<String>> allowedLines() {
        return Arbitraries.of(ALLOWED_LINES);
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.of("", " ", "\t", "   ");
    }

    @Provide
    Arbitrary<Integer> typedField() {
        return Arbitraries.of(TYPED_FIELDS);
    }

    @Provide
    Arbitrary<String> gibberish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("-1", "0", "0.00", "1e5", "12,5", "N/A", "n/a", "null", "?", "--"));
    }

    @Provide
    Arbitrary<String> endUsers() {
        return Arbitraries.oneOf(
                Arbitraries.of(EndUserType.values()).map(Enum::name), Arbitraries.of("", "ARMY", "police"));
    }

    private static boolean readable(int field, String value) {
        return switch (field) {
            case 2 -> HsCode.digits(value).filter(d -> d.length() >= 6).isPresent();
            case 3, 5 -> GoodsLine.decimal(value).filter(d -> d.signum() > 0).isPresent();
            case 6 -> currency(value);
            case 7 -> Category.parse(value).isPresent();
            case 8 ->
                EndUserType.parse(value)
                        .filter(type -> !Set.of(
                                        EndUserType.MILITARY, EndUserType.INTELLIGENCE, EndUserType.LAW_ENFORCEMENT)
                                .contains(type))
                        .isPresent();
            default -> true;
        };
    }

    private static boolean currency(String code) {
        try {
            return !Currency.of(code).equals(Currency.USD);
        } catch (DomainException e) {
            return false;
        }
    }

    private static GoodsLine line(List<String> f) {
        return GoodsLine.fromText(
                f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7), f.get(8));
    }
}
