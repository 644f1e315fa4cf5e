package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.payments.BankStatement;
import org.corridor.payments.Camt053;
import org.corridor.payments.MessageKind;
import org.corridor.payments.MessageSchemas;
import org.corridor.payments.Pacs008;
import org.corridor.payments.PaymentInstruction;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `corridor demo --no-serve` plays the worked scenario of docs/domain.md through the API on a fresh embedded database, and
 * every figure it reports is the one 6(b) gives.
 */
class DemoTest {

    @TempDir
    Path dataDir;

    @Test
    void the_demo_replays_the_scenario_and_reports_the_figures_of_domain_6b() throws Exception {
        Cli.Run demo = Cli.run("demo", "--no-serve", "--yes", "--data-dir", dataDir.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains("step 1  June invoices")
                .contains("net invoiced EUR 289,507,500")
                .contains("EUR 99,850,000 credited to NIGC-EUR-R")
                .contains("gap 2024-07-09 to 2024-07-15, 7 days")
                .contains("A EUR 4,704,000 IN_REVIEW")
                .contains("B EUR 950,000 HELD SPECIFIC_LICENCE_REQUIRED")
                .contains("FALSE_POSITIVE by ali.analyst, confirmed by rita.reviewer")
                .contains("BLOCKED_BY_OWNERSHIP")
                .contains("RPT-5 due 2024-07-22")
                .contains("AIS gap of 41 hours")
                .contains("execution on 2024-07-10: HELD / AUTHORISATION_EXPIRED")
                .contains(
                        "DR-2024-0412-A EXECUTED, EUR 4,704,000 from NIGC-EUR-R to Alpenmed Pharma AG under W-20 and AUTH-DSB-0412");
        assertThat(demo.outLines())
                .anyMatch(line -> line.matches("\\s+AUDITOR\\s+aida\\.auditor\\s+cor_[A-Za-z0-9_-]{43}"));

        JsonNode summary = new ObjectMapper().readTree(Files.readString(dataDir.resolve("demo-summary.json")));
        assertThat(summary.get("invoiced_eur").asText()).isEqualTo("289507500.00");
        assertThat(summary.get("converted_eur").asText()).isEqualTo("99850000.00");
        assertThat(summary.get("deposits_iqd").get("NIGC-IQD-R").asText()).isEqualTo("939632651100.000");
        assertThat(summary.get("deposits_iqd").get("TAV-IQD-R").asText()).isEqualTo("230607000000.000");
        assertThat(summary.get("deposits_iqd").get("total").asText()).isEqualTo("1170239651100.000");
        assertThat(summary.get("gap_days").asInt()).isEqualTo(7);
        assertThat(summary.get("released_eur").asText()).isEqualTo("4704000.00");
        assertThat(summary.get("held_eur").asText()).isEqualTo("950000.00");
        assertThat(summary.get("utilisation_q3_percent").asText()).isEqualTo("0.56");
        assertThat(summary.get("idle_over_90_days_percent").asText()).isEqualTo("89.5");
        assertThat(summary.get("channel_funds_eur").asText()).isEqualTo("8828650025.00");

        // The payment instruction is valid against its schema and carries the references of 6(b).
        String pacs008 = Files.readString(dataDir.resolve("payments").resolve("DR-2024-0412-A.pacs008.xml"));
        assertThat(MessageSchemas.validatePacs008(pacs008)).isEmpty();
        PaymentInstruction payment = Pacs008.read(pacs008);
        assertThat(payment.amount()).isEqualTo(Money.parse("4704000.00", Currency.EUR));
        assertThat(payment.settlementDate()).isEqualTo(LocalDate.parse("2024-07-17"));
        assertThat(String.join(" ", payment.remittance())).contains("W-20").contains("AUTH-DSB-0412");

        // Every report as JSON, RPT-1 to RPT-3 also as PDF.
        Path reports = dataDir.resolve("reports");
        for (int number = 1; number <= 10; number++) {
            String stem = number == 1 ? "rpt-1-2024-07" : "rpt-" + number + "-2024-Q3";
            assertThat(new ObjectMapper()
                            .readTree(Files.readString(reports.resolve(stem + ".json")))
                            .isObject())
                    .as(stem)
                    .isTrue();
            if (number <= 3) {
                assertThat(Files.readAllBytes(reports.resolve(stem + ".pdf"))).startsWith("%PDF".getBytes());
            }
        }

        // The camt.053 statements of every restricted account: valid, and for every day of the scenario
        // their opening and closing booked balances are the ledger's, and their entries add up.
        statementsAgreeWithTheLedger(dataDir.resolve("statements"));

        // The hit queue (GET /hits with no state) holds every hit RPT-4 reports, superseded ones included.
        java.util.Set<String> reported = new java.util.TreeSet<>();
        new ObjectMapper()
                .readTree(Files.readString(reports.resolve("rpt-4-2024-Q3.json")))
                .get("sections")
                .get(0)
                .get("rows")
                .forEach(row -> reported.add(row.get("hit").asText()));
        try (Corridor corridor = Corridor.open(Config.fromEnvironment().withDataDir(dataDir))) {
            assertThat(corridor.releases().hits(java.util.Optional.empty(), 500))
                    .extracting(hit -> hit.id().toString())
                    .hasSize(3)
                    .containsExactlyInAnyOrderElementsOf(reported);
        }

        // The folder carries the demo's marker, so a second run may wipe it, but only when told to.
        assertThat(dataDir.resolve(DemoCommand.MARKER)).isRegularFile();
        Cli.Run again = Cli.run("demo", "--no-serve", "--data-dir", dataDir.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("--yes");
    }

    private void statementsAgreeWithTheLedger(Path folder) throws Exception {
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.sorted().toList();
        }
        assertThat(files)
                .extracting(path -> path.getFileName().toString())
                .containsExactly(
                        "NIGC-EUR-R-2024-07-01-2024-09-30.camt053.xml",
                        "NIGC-IQD-R-2024-07-01-2024-09-30.camt053.xml",
                        "TAV-IQD-R-2024-07-01-2024-09-30.camt053.xml");
        try (Corridor corridor = Corridor.open(Config.fromEnvironment().withDataDir(dataDir))) {
            ZoneId zone = corridor.zone();
            for (Path file : files) {
                String xml = Files.readString(file);
                assertThat(MessageSchemas.validate(MessageKind.CAMT_053, xml))
                        .as(file.toString())
                        .isEmpty();
                BankStatement statement = Camt053.read(xml);
                RestrictedAccount account = corridor.settlement()
                        .accounts()
                        .find(statement.account().identification());
                assertThat(statement.days()).hasSize(92);
                for (BankStatement.Day day : statement.days()) {
                    Instant start = day.date().atStartOfDay(zone).toInstant();
                    Instant end = day.date().plusDays(1).atStartOfDay(zone).toInstant();
                    assertThat(day.opening())
                            .as(account.name() + " opening " + day.date())
                            .isEqualTo(posted(corridor, account, start.minus(1, ChronoUnit.MICROS)));
                    assertThat(day.closing())
                            .as(account.name() + " closing " + day.date())
                            .isEqualTo(posted(corridor, account, end.minus(1, ChronoUnit.MICROS)));
                    Money moved = day.opening();
                    for (BankStatement.Entry entry : day.entries()) {
                        moved = entry.credit() ? moved.plus(entry.amount()) : moved.minus(entry.amount());
                    }
                    assertThat(moved)
                            .as(account.name() + " entries of " + day.date())
                            .isEqualTo(day.closing());
                }
                assertThat(statement.days().get(91).closing())
                        .isEqualTo(
                                corridor.ledger().requireAccount(account.id()).postedCreditBalance());
            }
            BankStatement eur = Camt053.read(Files.readString(files.get(0)));
            assertThat(eur.days().stream().flatMap(day -> day.entries().stream()))
                    .anySatisfy(entry -> {
                        assertThat(entry.endToEndId()).contains("DR-2024-0412-A");
                        assertThat(entry.amount()).isEqualTo(Money.parse("4704000.00", Currency.EUR));
                        assertThat(entry.credit()).isFalse();
                        assertThat(entry.code().proprietary()).isEqualTo("RELEASE");
                    });
        }
    }

    private static Money posted(Corridor corridor, RestrictedAccount account, Instant at) {
        return Money.ofMinor(corridor.ledger().balanceAt(account.id(), at).postedCreditBalance(), account.currency());
    }
}
