package org.corridor.authorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.corridor.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The CSV contract of {@code eligibility check}, read and written without a database. */
class EligibilityCsvTest {

    private static final String HEADER =
            "line,description,hs_code,quantity,unit,unit_price,currency,category,end_user_type";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static InvalidInputException refusal(byte[] content) {
        return catchThrowableOfType(InvalidInputException.class, () -> EligibilityCsv.read(content, "LINES.csv"));
    }

    @Test
    void quoted_fields_crlf_and_a_byte_order_mark_are_read() {
        String csv = "\uFEFF" + HEADER + "\r\n"
                + "1,\"Imatinib 400 mg, tablets \"\"oncology\"\"\",3004.90,120000,pack,25.00,EUR,MEDICINE,HOSPITAL\r\n"
                + "2,\"Insulin\nglargine\",3004.31,20000,pen,6.80,EUR,MEDICINE,\r\n"
                + "\r\n";
        List<GoodsLine> lines = EligibilityCsv.read(bytes(csv), "LINES.csv");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).description()).contains("Imatinib 400 mg, tablets \"oncology\"");
        assertThat(lines.get(0).quantity())
                .hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("120000"));
        assertThat(lines.get(1).description()).contains("Insulin\nglargine");
        assertThat(lines.get(1).endUses().get(0).type()).isEmpty();
    }

    @Test
    void columns_may_come_in_any_order() {
        String csv = "end_user_type,category,currency,unit_price,unit,quantity,hs_code,description,line\n"
                + "HOSPITAL,DEVICE,EUR,2400,unit,200,9018.19,Patient monitors,3\n";
        GoodsLine line = EligibilityCsv.read(bytes(csv), "LINES.csv").get(0);
        assertThat(line.line()).isEqualTo("3");
        assertThat(line.hsCode()).contains("9018.19");
    }

    @Test
    void malformed_files_are_refused_with_the_line_number() {
        assertThat(refusal(bytes("")).getMessage()).isEqualTo("LINES.csv line 1: the header " + HEADER + " is missing");
        assertThat(refusal(bytes("line,description\n1,x\n")).getMessage())
                .isEqualTo("LINES.csv line 1: the header lacks column 'hs_code'");
        assertThat(refusal(bytes(HEADER + ",extra\n")).getMessage())
                .isEqualTo("LINES.csv line 1: unknown column 'extra'");
        assertThat(refusal(bytes(HEADER + "\n1,a,3004.90,1,pack,1,EUR,MEDICINE\n"))
                        .getMessage())
                .isEqualTo("LINES.csv line 2: 8 fields where the header has 9");
        assertThat(refusal(bytes(HEADER + "\n1,\"a\nb,3004.90,1,pack,1,EUR,MEDICINE,HOSPITAL\n"))
                        .getMessage())
                .isEqualTo("LINES.csv line 2: a quoted field is not closed before the end of the input");
        assertThat(refusal(bytes(HEADER + "\n\n1,\"a\"b,3004.90,1,pack,1,EUR,MEDICINE,HOSPITAL\n"))
                        .getMessage())
                .isEqualTo("LINES.csv line 3: text after a closing quote at column 6");
        // A quote inside an unquoted field is read as a quote, as spreadsheets write it.
        assertThat(EligibilityCsv.read(bytes(HEADER + "\n1,a\"b,3004.90,1,pack,1,EUR,MEDICINE,HOSPITAL\n"), "LINES.csv")
                        .get(0)
                        .description())
                .contains("a\"b");
        byte[] latin1 = (HEADER + "\n1,caf\u00e9,3004.90,1,pack,1,EUR,MEDICINE,HOSPITAL\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refusal(latin1).getMessage()).isEqualTo("LINES.csv line 2: not UTF-8 text");
        assertThat(EligibilityCsv.read(bytes(HEADER + "\n"), "LINES.csv")).isEmpty();
    }

    @Test
    void decisions_are_written_one_row_per_line_with_the_part_that_may_go_ahead() {
        String csv = HEADER + "\n"
                + "2,Insulin glargine pre-filled pens,3004.31,180000,pen,6.80,EUR,MEDICINE,HOSPITAL\n"
                + "2,Insulin glargine pre-filled pens,3004.31,20000,pen,6.80,EUR,MEDICINE,LAW_ENFORCEMENT\n"
                + "\"5, a\",Castor seeds,1207.30,10.5,kg,2,EUR,AGRI,DISTRIBUTOR\n";
        List<GoodsLine> lines = EligibilityCsv.read(bytes(csv), "LINES.csv");
        LineEvaluator evaluator = new LineEvaluator(Eligibility.defaultRuleSet(), LocalDate.parse("2024-07-05"));
        RuleSetInfo info = new RuleSetInfo(1, "default", "test", "0".repeat(64), java.time.Instant.EPOCH, "test");
        EligibilityResult result = new EligibilityResult(
                info,
                LocalDate.parse("2024-07-05"),
                lines.stream().map(evaluator::evaluate).toList());
        assertThat(new String(EligibilityCsv.write(result), StandardCharsets.UTF_8))
                .isEqualTo("line,decision,reason,allowed_quantity\n"
                        + "2,ALLOWED,,180000\n"
                        + "2,DENIED,END_USER_EXCLUDED,0\n"
                        + "\"5, a\",DENIED,EXCLUDED_ITEM,0\n");
    }
}
