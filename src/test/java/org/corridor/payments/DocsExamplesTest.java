package org.corridor.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every example file of docs/payments.md is valid against its schema and reads as the page says. */
class DocsExamplesTest {

    private static final Pattern XML = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);

    private static List<String> examples() throws IOException {
        String page = Files.readString(Path.of("docs/payments.md"), StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        Matcher matcher = XML.matcher(page);
        while (matcher.find()) {
            found.add(matcher.group(1).strip());
        }
        return found;
    }

    @Test
    void every_example_of_the_payments_page_is_valid_and_reads_back() throws IOException {
        List<String> examples = examples();
        List<MessageKind> kinds = new ArrayList<>();

        for (String xml : examples) {
            MessageKind kind = MessageSchemas.kindOf(xml);
            assertThat(MessageSchemas.validate(kind, xml)).as(kind.version()).isEmpty();
            kinds.add(kind);
            switch (kind) {
                case PACS_008 -> assertThat(Pacs008.read(xml)).isNotNull();
                case PACS_002 -> {
                    PaymentStatus status = Pacs002.read(xml).statuses().get(0);
                    assertThat(status.status()).isEqualTo("RJCT");
                    assertThat(status.reason()).contains("AC04");
                }
                case PACS_004 -> {
                    ReturnedPayment returned = Pacs004.read(xml).returns().get(0);
                    assertThat(returned.returned().toString()).isEqualTo("EUR 200000.00");
                    assertThat(returned.charges().toString()).isEqualTo("EUR 35.00");
                    assertThat(returned.reason()).contains("AM09");
                }
                case CAMT_054 ->
                    assertThat(Camt054.read(xml).movements().get(0).toString()).contains("INV-2024-06");
                case CAMT_053 -> assertThat(Camt053.read(xml).days()).hasSize(1);
            }
        }

        assertThat(kinds)
                .containsExactly(
                        MessageKind.PACS_008,
                        MessageKind.PACS_002,
                        MessageKind.PACS_004,
                        MessageKind.CAMT_054,
                        MessageKind.CAMT_053);
    }
}
