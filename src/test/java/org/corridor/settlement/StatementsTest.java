package org.corridor.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.settlement.Scenario.OPERATOR;
import static org.corridor.settlement.Scenario.date;
import static org.corridor.settlement.Scenario.eur;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Delivery statements from metering files: exact invoices, disputes as notes, and refusals by line. */
class StatementsTest {

    static final String HEADER =
            "contract,period_start,period_end,metered_quantity,unit,disputed_quantity,dispute_reason\n";

    private static Corridor corridor;
    private static Contracts contracts;

    @BeforeAll
    static void open() {
        corridor = TestCorridor.create(MutableClock.at("2026-01-15T09:00:00Z"));
        new Scenario(corridor).accounts().contracts();
        contracts = corridor.settlement().contracts();
    }

    @AfterAll
    static void close() {
        corridor.close();
    }

    static List<StatementOutcome> importCsv(String text) {
        return contracts.importStatements(OPERATOR, "metering.csv", new StringReader(text));
    }

    @Test
    void a_metering_file_produces_exact_invoices_and_importing_it_again_changes_nothing() {
        String file = HEADER
                + "NIGC-GAS-2024,2024-07-01,2024-07-31,868000000,m3,0,\n"
                + "TAVANIR-POWER-2024,2024-07-01,2024-07-31,818400,MWh,0,\r\n"
                + "\n"
                + "TAVANIR-POWER-2024,2024-08-01,2024-08-31,669600,MWh,1000.5,\"Curtailment, 3 days\"\n";
        List<StatementOutcome> first = importCsv(file);
        assertThat(first).extracting(StatementOutcome::created).containsExactly(true, true, true);
        assertThat(first.get(0).invoice().amount()).isEqualTo(eur("228,435,900.00"));
        assertThat(first.get(0).invoice().quantity()).isEqualByComparingTo("31508400");
        assertThat(first.get(1).invoice().amount()).isEqualTo(eur("61,380,000.00"));
        Invoice august = first.get(2).invoice();
        assertThat(august.amount()).isEqualTo(eur("50,220,000.00"));
        // 1,000.5 MWh x EUR 75 = EUR 75,037.50.
        assertThat(august.notes()).singleElement().satisfies(note -> {
            assertThat(note.amount()).isEqualTo(eur("75,037.50"));
            assertThat(note.reason()).isEqualTo("Curtailment, 3 days");
        });
        assertThat(first.get(2).statement().origin()).isEqualTo("metering.csv:5");

        List<StatementOutcome> again = importCsv(file);
        assertThat(again).extracting(StatementOutcome::created).containsExactly(false, false, false);
        assertThat(again.get(0).invoice().id()).isEqualTo(first.get(0).invoice().id());
        assertThat(contracts.invoices(Optional.of("NIGC-GAS-2024")))
                .filteredOn(invoice -> invoice.periodStart().equals(date("2024-07-01")))
                .hasSize(1);
    }

    @Test
    void invoice_amounts_are_rounded_half_even_at_the_cent() {
        // 0.5 m3 x 0.0363 x 7.25 = 0.1315875 -> 0.13; 1.9 m3 -> 0.5000025 -> 0.50.
        StatementOutcome tiny = contracts.recordStatement(
                OPERATOR, Scenario.statement("NIGC-GAS-2024", "2023-01", "0.5", QuantityUnit.M3, "0", null));
        assertThat(tiny.invoice().amount()).isEqualTo(eur("0.13"));
        StatementOutcome small = contracts.recordStatement(
                OPERATOR, Scenario.statement("NIGC-GAS-2024", "2023-02", "1.9", QuantityUnit.M3, "0", null));
        assertThat(small.invoice().amount()).isEqualTo(eur("0.50"));
        // An exact half cent goes to the even cent: 0.02 MWh x 75 = 1.50; 0.0002 MWh x 75 = 0.015 -> 0.02.
        StatementOutcome half = contracts.recordStatement(
                OPERATOR, Scenario.statement("TAVANIR-POWER-2024", "2023-03", "0.0002", QuantityUnit.MWH, "0", null));
        assertThat(half.invoice().amount()).isEqualTo(eur("0.02"));
        StatementOutcome down = contracts.recordStatement(
                OPERATOR, Scenario.statement("TAVANIR-POWER-2024", "2023-04", "0.0001", QuantityUnit.MWH, "0", null));
        // 0.0075 -> 0.01 (above half); 0.0006 MWh x 75 = 0.045 -> 0.04 (half, to even).
        assertThat(down.invoice().amount()).isEqualTo(eur("0.01"));
        StatementOutcome even = contracts.recordStatement(
                OPERATOR, Scenario.statement("TAVANIR-POWER-2024", "2023-05", "0.0006", QuantityUnit.MWH, "0", null));
        assertThat(even.invoice().amount()).isEqualTo(eur("0.04"));
    }

    @Test
    void a_file_with_a_bad_line_is_refused_naming_the_line_and_nothing_is_imported() {
        int before = contracts.statements(Optional.empty()).size();
        String badQuantity = HEADER
                + "NIGC-GAS-2024,2025-01-01,2025-01-31,775000000,m3,0,\n"
                + "TAVANIR-POWER-2024,2025-01-01,2025-01-31,lots,MWh,0,\n";
        assertThatThrownBy(() -> importCsv(badQuantity))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "DELIVERY_CSV_INVALID")
                .hasMessageStartingWith("line 3: metered_quantity");
        String unknownContract = HEADER + "NIGC-OIL-2024,2025-01-01,2025-01-31,1,m3,0,\n";
        assertThatThrownBy(() -> importCsv(unknownContract))
                .hasMessageStartingWith("line 2: no contract NIGC-OIL-2024");
        assertThatThrownBy(() -> importCsv(HEADER + "NIGC-GAS-2024,2025-01-01,2025-01-31,1,m3\n"))
                .hasMessageStartingWith("line 2: 5 fields where the header has 7");
        assertThatThrownBy(() -> importCsv("contract,period\n"))
                .hasMessageStartingWith("line 1: unknown column 'period'");
        assertThatThrownBy(() -> importCsv(HEADER + "NIGC-GAS-2024,2025-01-01,2025-01-31,10,m3,1,\n"))
                .hasMessageContaining("line 2:")
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> importCsv(HEADER + "NIGC-GAS-2024,2025-01-01,2025-01-31,10,MWh,0,\n"))
                .hasMessageStartingWith("line 2: GAS of NIGC-GAS-2024 is not metered in MWH");
        assertThatThrownBy(() -> importCsv(HEADER + "NIGC-GAS-2024,2025-01-01,2025-01-31,1,m3,0,\"open\n"))
                .hasMessageStartingWith("line 2: a quoted field is not closed");
        assertThatThrownBy(() -> importCsv(HEADER
                        + "NIGC-GAS-2024,2025-02-01,2025-02-28,1,m3,0,\n"
                        + "NIGC-GAS-2024,2025-02-01,2025-02-28,2,m3,0,\n"))
                .hasMessageStartingWith("line 3:");
        assertThatThrownBy(() -> importCsv("")).hasMessageStartingWith("line 1: the file is empty");
        assertThat(contracts.statements(Optional.empty())).hasSize(before);
    }

    @Test
    void a_statement_recorded_again_with_other_figures_is_a_conflict_and_corrections_are_notes() {
        StatementOutcome june = contracts.recordStatement(
                OPERATOR,
                Scenario.statement(
                        "TAVANIR-POWER-2024",
                        "2024-06",
                        "720000",
                        QuantityUnit.MWH,
                        "18000",
                        "Iranian curtailment hours"));
        assertThat(june.invoice().net()).isEqualTo(eur("52,650,000.00"));
        assertThatThrownBy(() -> contracts.recordStatement(
                        OPERATOR,
                        Scenario.statement("TAVANIR-POWER-2024", "2024-06", "721000", QuantityUnit.MWH, "0", null)))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "STATEMENT_EXISTS_WITH_DIFFERENT_CONTENT");
        String file = HEADER + "TAVANIR-POWER-2024,2024-06-01,2024-06-30,720000,MWh,0,\n";
        assertThatThrownBy(() -> importCsv(file)).hasMessageStartingWith("metering.csv:2: the statement of");

        // The dispute is settled: half the curtailment was MoE's own; a debit note bills it again.
        NewNote debit = new NewNote(
                UUID.randomUUID(),
                NoteKind.DEBIT,
                new BigDecimal("9000"),
                Optional.empty(),
                "dispute settled: 9,000 MWh were delivered",
                date("2024-08-01"));
        Note note =
                Scenario.assertDone(contracts.addNote(OPERATOR, june.invoice().number(), debit));
        assertThat(note.number()).isEqualTo("DN-TAVANIR-POWER-2024-2024-06-1");
        assertThat(note.amount()).isEqualTo(eur("675,000.00"));
        assertThat(Scenario.assertDone(
                        contracts.addNote(OPERATOR, june.invoice().number(), debit)))
                .isEqualTo(note);
        Invoice invoice = contracts.invoice(june.invoice().number());
        assertThat(invoice.net()).isEqualTo(eur("53,325,000.00"));
        assertThat(invoice.notes())
                .extracting(Note::number)
                .containsExactlyInAnyOrder("CN-TAVANIR-POWER-2024-2024-06-1", "DN-TAVANIR-POWER-2024-2024-06-1");
        assertThatThrownBy(() -> contracts.addNote(
                        OPERATOR,
                        june.invoice().number(),
                        new NewNote(
                                UUID.randomUUID(),
                                NoteKind.CREDIT,
                                new BigDecimal("10000000"),
                                Optional.empty(),
                                "too much",
                                date("2024-08-01"))))
                .hasFieldOrPropertyWithValue("code", "NOTE_EXCEEDS_INVOICE");
    }
}
