package org.corridor.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.junit.jupiter.api.Test;

class Pacs008Test {

    static PaymentInstruction release() {
        return new PaymentInstruction(
                "CORR-20240717-0001",
                "DR-2024-0412-A",
                "DR-2024-0412-A/1",
                UUID.fromString("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"),
                Instant.parse("2024-07-17T08:30:00Z"),
                LocalDate.parse("2024-07-17"),
                Money.parse("4704000.00", Currency.EUR),
                new PaymentParty(
                        "NIGC restricted account (Muscat Partner Bank)",
                        Iban.parse("OM81 0180 0000 0129 9123 456"),
                        Bic.parse("MPBKOMRX"),
                        "OM",
                        List.of("Muscat")),
                new PaymentParty(
                        "Alpenmed Pharma AG",
                        Iban.parse("CH93 0076 2011 6238 5295 7"),
                        Bic.parse("UBSWCHZH80A"),
                        "CH",
                        List.of("Aeschenvorstadt 1", "4051 Basel")),
                Optional.of(Bic.parse("SNBZCHZZ")),
                List.of("PI-7781 DR-2024-0412-A", "Authorisation W-20; Authority approval AUTH-DSB-0412"),
                Optional.of("GDDS"));
    }

    @Test
    void writes_a_schema_valid_pacs_008_carrying_the_references() {
        String xml = Pacs008.write(release());
        assertThat(MessageSchemas.validatePacs008(xml)).isEmpty();
        assertThat(xml)
                .contains("urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09")
                .contains("<IntrBkSttlmAmt Ccy=\"EUR\">4704000.00</IntrBkSttlmAmt>")
                .contains("<EndToEndId>DR-2024-0412-A</EndToEndId>")
                .contains("AUTH-DSB-0412")
                .contains("<IBAN>CH9300762011623852957</IBAN>");
    }

    @Test
    void reads_back_what_it_wrote() {
        PaymentInstruction original = release();
        PaymentInstruction read = Pacs008.read(Pacs008.write(original));
        assertThat(read.amount()).isEqualTo(original.amount());
        assertThat(read.endToEndId()).isEqualTo(original.endToEndId());
        assertThat(read.uetr()).isEqualTo(original.uetr());
        assertThat(read.creditor().account()).isEqualTo(original.creditor().account());
        assertThat(read.creditor().agent()).isEqualTo(original.creditor().agent());
        assertThat(read.intermediary()).isEqualTo(original.intermediary());
        assertThat(read.remittance()).isEqualTo(original.remittance());
        assertThat(read.settlementDate()).isEqualTo(original.settlementDate());
    }

    @Test
    void iqd_amounts_keep_their_three_decimals() {
        PaymentInstruction original = release();
        PaymentInstruction iqd = new PaymentInstruction(
                original.messageId(),
                original.endToEndId(),
                original.instructionId(),
                original.uetr(),
                original.createdAt(),
                original.settlementDate(),
                Money.parse("1234.567", Currency.IQD),
                original.debtor(),
                original.creditor(),
                Optional.empty(),
                List.of(),
                Optional.empty());
        String xml = Pacs008.write(iqd);
        assertThat(xml).contains("<IntrBkSttlmAmt Ccy=\"IQD\">1234.567</IntrBkSttlmAmt>");
        assertThat(Pacs008.read(xml).amount()).isEqualTo(Money.parse("1234.567", Currency.IQD));
    }

    @Test
    void refuses_an_instruction_the_schema_would_reject() {
        PaymentInstruction original = release();
        PaymentInstruction longId = new PaymentInstruction(
                "X".repeat(36),
                original.endToEndId(),
                original.instructionId(),
                original.uetr(),
                original.createdAt(),
                original.settlementDate(),
                original.amount(),
                original.debtor(),
                original.creditor(),
                Optional.empty(),
                List.of(),
                Optional.empty());
        assertThatThrownBy(() -> Pacs008.write(longId)).isInstanceOf(InvalidInputException.class);
        PaymentInstruction badPurpose = new PaymentInstruction(
                original.messageId(),
                original.endToEndId(),
                original.instructionId(),
                original.uetr(),
                original.createdAt(),
                original.settlementDate(),
                original.amount(),
                original.debtor(),
                original.creditor(),
                Optional.empty(),
                List.of(),
                Optional.of("TOO-LONG-PURPOSE"));
        assertThatThrownBy(() -> Pacs008.write(badPurpose))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line");
    }

    @Test
    void refuses_external_entities_entity_bombs_and_deep_nesting() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"" + MessageSchemas.PACS_008_NAMESPACE + "\">&x;</Document>";
        assertThatThrownBy(() -> Pacs008.read(xxe))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        bomb.append("]><Document>&lol9;</Document>");
        assertThatThrownBy(() -> Pacs008.read(bomb.toString())).isInstanceOf(InvalidInputException.class);
        String deep = "<Document xmlns=\"" + MessageSchemas.PACS_008_NAMESPACE + "\">" + "<a>".repeat(10_000)
                + "</a>".repeat(10_000) + "</Document>";
        assertThat(MessageSchemas.validatePacs008(deep)).isNotEmpty();
        assertThatThrownBy(() -> Pacs008.read("not xml at all")).isInstanceOf(InvalidInputException.class);
    }
}
