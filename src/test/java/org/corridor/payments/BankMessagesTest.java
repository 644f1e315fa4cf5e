package org.corridor.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The bank messages after the pacs.008: status reports, returns and credit notifications read as
 * their schemas define them, statements written valid and read back exactly, hostile XML refused.
 */
class BankMessagesTest {

    static final IsoMessages.Original PAYMENT = new IsoMessages.Original(
            "CORR-20240717-1A2B3C4D", "DR-2024-0412-A", UUID.fromString("5f1c7a52-3a1e-4c59-9d1e-0b6f3f2c9a11"));
    static final Currency EUR = Currency.EUR;

    @Test
    void a_status_report_gives_the_status_reason_and_references_of_each_payment() {
        String xml = IsoMessages.pacs002("STS-0001", PAYMENT, "RJCT", Optional.of("AC04"));
        assertThat(MessageSchemas.kindOf(xml)).isEqualTo(MessageKind.PACS_002);
        StatusReport report = Pacs002.read(xml);
        assertThat(report.messageId()).isEqualTo("STS-0001");
        assertThat(report.statuses()).singleElement().satisfies(status -> {
            assertThat(status.status()).isEqualTo("RJCT");
            assertThat(status.reason()).contains("AC04");
            assertThat(status.originalMessageId()).contains(PAYMENT.messageId());
            assertThat(status.originalEndToEndId()).contains("DR-2024-0412-A");
            assertThat(status.originalUetr()).contains(PAYMENT.uetr());
            assertThat(status.additionalInformation()).isNotEmpty();
        });
    }

    @Test
    void a_status_report_with_only_a_group_status_speaks_for_its_whole_original_message() {
        String xml = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.11">
                  <FIToFIPmtStsRpt>
                    <GrpHdr><MsgId>STS-GRP</MsgId><CreDtTm>2024-07-17T14:05:00Z</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts>
                      <OrgnlMsgId>CORR-20240717-1A2B3C4D</OrgnlMsgId>
                      <OrgnlMsgNmId>pacs.008.001.09</OrgnlMsgNmId>
                      <GrpSts>ACCP</GrpSts>
                    </OrgnlGrpInfAndSts>
                  </FIToFIPmtStsRpt>
                </Document>
                """;
        PaymentStatus status = Pacs002.read(xml).statuses().get(0);
        assertThat(status.status()).isEqualTo("ACCP");
        assertThat(status.originalMessageId()).contains("CORR-20240717-1A2B3C4D");
        assertThat(status.originalEndToEndId()).isEmpty();
    }

    @Test
    void a_return_separates_the_money_back_from_the_charges_banks_withheld() {
        String xml = IsoMessages.pacs004(
                "RTN-0001",
                PAYMENT,
                Money.parse("4704000.00", EUR),
                Money.parse("1199965.00", EUR),
                Money.parse("35.00", EUR),
                LocalDate.parse("2024-07-24"),
                "AM09");
        assertThat(MessageSchemas.kindOf(xml)).isEqualTo(MessageKind.PACS_004);
        ReturnedPayment returned = Pacs004.read(xml).returns().get(0);
        assertThat(returned.returned()).isEqualTo(Money.parse("1199965.00", EUR));
        assertThat(returned.charges()).isEqualTo(Money.parse("35.00", EUR));
        assertThat(returned.principal()).isEqualTo(Money.parse("1200000.00", EUR));
        assertThat(returned.originalAmount()).contains(Money.parse("4704000.00", EUR));
        assertThat(returned.settlementDate()).isEqualTo(LocalDate.parse("2024-07-24"));
        assertThat(returned.reason()).contains("AM09");
        assertThat(returned.originalUetr()).contains(PAYMENT.uetr());
    }

    @Test
    void a_credit_notification_gives_each_credit_with_its_reference_payer_and_stated_rate() {
        String xml = IsoMessages.camt054(
                "NTF-0001",
                "IQ98TRBI850012345678901",
                List.of(new IsoMessages.Credit(
                        "TBI-20240703-0001",
                        Money.parse("332547930000.000", Currency.IQD),
                        LocalDate.parse("2024-07-03"),
                        "Ministry of Electricity",
                        "NIGC-GAS-2024-06",
                        Optional.of("1404"))));
        assertThat(MessageSchemas.kindOf(xml)).isEqualTo(MessageKind.CAMT_054);
        CreditNotification notification = Camt054.read(xml);
        NotifiedMovement credit = notification.movements().get(0);
        assertThat(credit.key()).isEqualTo("TBI-20240703-0001");
        assertThat(credit.account()).isEqualTo("IQ98TRBI850012345678901");
        assertThat(credit.credit()).isTrue();
        assertThat(credit.amount()).isEqualTo(Money.parse("332547930000.000", Currency.IQD));
        assertThat(credit.valueDate()).contains(LocalDate.parse("2024-07-03"));
        assertThat(credit.debtorName()).contains("Ministry of Electricity");
        assertThat(credit.references()).containsExactly("NIGC-GAS-2024-06");
        assertThat(credit.exchange().flatMap(x -> x.perUnit(EUR, Currency.IQD))).contains(new BigDecimal("1404"));
    }

    @Test
    void a_statement_is_written_valid_and_read_back_with_the_same_balances_and_entries() {
        Instant start = Instant.parse("2024-07-16T21:00:00Z");
        BankStatement.Entry payment = new BankStatement.Entry(
                "1",
                Money.parse("4704000.00", EUR),
                false,
                false,
                Instant.parse("2024-07-17T07:00:00.123456Z"),
                LocalDate.parse("2024-07-17"),
                "0f2d1c7e9b8a4c3d8e7f6a5b4c3d2e1f",
                BankStatement.TransactionCode.of("PMNT", "ICDT", "XBCT", "RELEASE"),
                Optional.of("DR-2024-0412-A"),
                Optional.of(PAYMENT.uetr()),
                List.of("Release DR-2024-0412-A", "Authorisation W-20"),
                "release DR-2024-0412-A to Alpenmed Pharma AG");
        BankStatement statement = new BankStatement(
                "STMT-NIGC-EUR-R-20240717",
                Instant.parse("2024-09-30T12:00:00Z"),
                new BankStatement.Account(
                        "NIGC-EUR-R", Optional.empty(), EUR, "NIGC-EUR-R", "NIGC", "Muscat Partner Bank"),
                List.of(new BankStatement.Day(
                        "NIGC-EUR-R-20240717",
                        17,
                        LocalDate.parse("2024-07-17"),
                        start,
                        start.plusSeconds(86_400),
                        Money.parse("99850000.00", EUR),
                        Money.parse("95146000.00", EUR),
                        Money.parse("95146000.00", EUR),
                        List.of(payment))));
        String xml = Camt053.write(statement);
        assertThat(MessageSchemas.validate(MessageKind.CAMT_053, xml)).isEmpty();
        assertThat(MessageSchemas.kindOf(xml)).isEqualTo(MessageKind.CAMT_053);
        BankStatement read = Camt053.read(xml);
        BankStatement.Day day = read.days().get(0);
        assertThat(day.opening()).isEqualTo(Money.parse("99850000.00", EUR));
        assertThat(day.closing()).isEqualTo(Money.parse("95146000.00", EUR));
        assertThat(day.date()).isEqualTo(LocalDate.parse("2024-07-17"));
        assertThat(day.from()).isEqualTo(start);
        assertThat(day.to()).isEqualTo(start.plusSeconds(86_400));
        BankStatement.Entry entry = day.entries().get(0);
        assertThat(entry.amount()).isEqualTo(payment.amount());
        assertThat(entry.credit()).isFalse();
        assertThat(entry.endToEndId()).contains("DR-2024-0412-A");
        assertThat(entry.code().proprietary()).isEqualTo("RELEASE");
        assertThat(entry.code().domain()).contains("PMNT");
        assertThat(entry.remittance()).containsExactly("Release DR-2024-0412-A", "Authorisation W-20");
        assertThat(read.account().identification()).isEqualTo("NIGC-EUR-R");
    }

    @Test
    void hostile_or_malformed_bank_messages_are_refused_with_where_and_why() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"" + MessageKind.PACS_002.namespace() + "\">&x;</Document>";
        assertThatThrownBy(() -> MessageSchemas.kindOf(xxe))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> Pacs002.read(xxe)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Pacs004.read(xxe.replace("pacs.002.001.11", "pacs.004.001.10")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Camt054.read(xxe.replace("pacs.002.001.11", "camt.054.001.08")))
                .isInstanceOf(InvalidInputException.class);
        String broken = IsoMessages.pacs002("STS-0002", PAYMENT, "RJCT", Optional.empty())
                .replace("<TxSts>RJCT</TxSts>", "<TxSts>RJCT</TxSts><Bogus/>");
        assertThatThrownBy(() -> Pacs002.read(broken))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line");
        assertThatThrownBy(() -> MessageSchemas.kindOf("<Document xmlns=\"urn:example\"/>"))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "MESSAGE_KIND_UNKNOWN");
        assertThatThrownBy(() -> MessageSchemas.kindOf("not xml"))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "MESSAGE_UNREADABLE");
        String tooPrecise = IsoMessages.pacs004(
                        "RTN-0002",
                        PAYMENT,
                        Money.parse("10.00", EUR),
                        Money.parse("10.00", EUR),
                        Money.zero(EUR),
                        LocalDate.parse("2024-07-24"),
                        "AC04")
                .replace(">10.00</RtrdIntrBkSttlmAmt>", ">10.001</RtrdIntrBkSttlmAmt>");
        assertThatThrownBy(() -> Pacs004.read(tooPrecise))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "AMOUNT_TOO_PRECISE");
    }
}
