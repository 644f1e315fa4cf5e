package org.corridor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.settlement.Scenario.date;
import static org.corridor.settlement.Scenario.eur;
import static org.corridor.settlement.Scenario.iqd;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.settlement.Scenario;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RPT-2 and the idle-funds figures of the worked scenario of docs/domain.md step 9, from the scenario replayed through
 * settlement. The disbursement of EUR 4,704,000 on 2024-07-17 needs the release feature, so
 * NIGC-EUR-R still holds the whole EUR 99,850,000.00 here and nothing is disbursed yet.
 */
class IdleFundsTest {

    /** A reader who may read every report: an auditor. */
    private static final org.corridor.audit.Actor READER = new org.corridor.audit.Actor("test", "AUDITOR");

    private static Corridor corridor;
    private static Reports reports;

    @BeforeAll
    static void replay() {
        corridor = TestCorridor.create(MutableClock.at("2026-01-15T09:00:00Z"));
        new Scenario(corridor).all();
        reports = corridor.reports();
    }

    @AfterAll
    static void close() {
        corridor.close();
    }

    private static IdleFundsView.AccountAgeing account(IdleFundsView view, String name) {
        return view.accounts().stream()
                .filter(a -> a.account().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void step_9_balances_ageing_and_euro_equivalents_as_at_the_end_of_september() {
        IdleFundsView view = reports.idleFunds(date("2024-09-30"));
        assertThat(view.periodFrom()).isEqualTo(date("2024-07-01"));

        IdleFundsView.AccountAgeing nigc = account(view, "NIGC-IQD-R");
        assertThat(nigc.balance()).isEqualTo(iqd("10,627,232,651,100"));
        assertThat(nigc.balanceEur()).contains(eur("7,569,254,025.00"));
        assertThat(nigc.days0To30()).isEqualTo(iqd("286,360,717,500"));
        assertThat(nigc.days31To90()).isEqualTo(iqd("653,271,933,600"));
        assertThat(nigc.days91To365()).isEqualTo(iqd("0"));
        assertThat(nigc.over365Days()).isEqualTo(iqd("9,687,600,000,000"));
        assertThat(nigc.status()).isEqualTo("IDLE");

        IdleFundsView.AccountAgeing tav = account(view, "TAV-IQD-R");
        assertThat(tav.balance()).isEqualTo(iqd("1,634,607,000,000"));
        assertThat(tav.balanceEur()).contains(eur("1,164,250,000.00"));
        assertThat(tav.days0To30()).isEqualTo(iqd("70,508,880,000"));
        assertThat(tav.days31To90()).isEqualTo(iqd("160,098,120,000"));
        assertThat(tav.over365Days()).isEqualTo(iqd("1,404,000,000,000"));

        // 6(b) shows EUR 95,146,000 after the release of EUR 4,704,000; without releases it is all here.
        IdleFundsView.AccountAgeing euros = account(view, "NIGC-EUR-R");
        assertThat(euros.balance()).isEqualTo(eur("99,850,000.00"));
        assertThat(euros.days31To90()).isEqualTo(eur("99,850,000.00"));
        assertThat(euros.oldestDays()).isEqualTo(87);
        assertThat(euros.status()).isEqualTo("APPROACHING_IDLE");

        assertThat(view.rates()).singleElement().satisfies(rate -> {
            assertThat(rate.currency().code()).isEqualTo("IQD");
            assertThat(rate.rate()).isEqualByComparingTo("1404");
        });
        assertThat(view.totalEur()).isEqualTo(eur("8,833,354,025.00"));
    }

    @Test
    void q3_deposits_funds_older_than_90_days_gap_days_and_the_operational_note() {
        IdleFundsView view = reports.idleFunds(date("2024-09-30"));
        assertThat(view.depositedEur()).isEqualTo(eur("833,504,025.00"));
        assertThat(view.disbursedEur()).isEqualTo(eur("0.00"));
        assertThat(view.utilisationPercent()).contains(new BigDecimal("0.00"));
        assertThat(view.olderThan90DaysEur()).isEqualTo(eur("7,900,000,000.00"));
        assertThat(view.olderThan90DaysPercent()).contains(new BigDecimal("89.4"));
        assertThat(view.gapDays()).isEqualTo(7);
        assertThat(view.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.from()).isEqualTo(date("2024-07-09"));
            assertThat(gap.to()).isEqualTo(date("2024-07-15"));
            assertThat(gap.followingReference()).contains("W-20");
        });
        assertThat(view.note()).contains(IdleFunds.NOTE);
        assertThat(view.utilisation())
                .extracting(IdleFundsView.PeriodUtilisation::period)
                .containsExactly("2024-07", "2024-08", "2024-09");
        assertThat(view.utilisation().get(0).depositedEur()).isEqualTo(eur("289,507,500.00"));
        assertThat(view.held()).isEmpty();
    }

    @Test
    void utilisation_is_disbursed_over_deposited_as_in_step_9() {
        assertThat(IdleFunds.utilisation(eur("4,704,000.00"), eur("833,504,025.00")))
                .contains(new BigDecimal("0.56"));
        assertThat(IdleFunds.utilisation(eur("1.00"), eur("0.00"))).isEmpty();
    }

    @Test
    void a_date_before_anything_happened_shows_empty_accounts_and_no_rate() {
        IdleFundsView view = reports.idleFunds(date("2023-01-01"));
        assertThat(view.accounts()).allSatisfy(a -> assertThat(a.status()).isEqualTo("EMPTY"));
        assertThat(view.totalEur()).isEqualTo(eur("0.00"));
        assertThat(view.olderThan90DaysPercent()).isEmpty();
        assertThat(view.note()).isEmpty();
    }

    @Test
    void rpt_2_renders_in_every_format_with_the_figures() {
        ReportDocument report = reports.report(ReportName.RPT_2, date("2024-07-01"), date("2024-09-30"), READER);
        String csv = new String(ReportRenderer.render(report, ReportFormat.CSV), StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("NIGC-IQD-R,NIGC,TBI,IQ,IQD,10627232651100.000,7569254025.00,286360717500.000")
                .contains("IRAQ-ENERGY,2024-07-09,2024-07-15,7,W-19,W-20")
                .contains("Utilisation far below inflows");
        String json = new String(ReportRenderer.render(report, ReportFormat.JSON), StandardCharsets.UTF_8);
        assertThat(json).contains("\"report\" : \"RPT-2\"").contains("\"days_over_365\" : \"9687600000000.000\"");
        byte[] pdf = ReportRenderer.render(report, ReportFormat.PDF);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void alerts_name_the_idle_accounts_and_the_missing_authorisation() {
        List<Alert> september = reports.alerts(date("2024-09-30"), READER);
        assertThat(september)
                .extracting(Alert::kind, Alert::subject)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("FUNDS_IDLE", "NIGC-IQD-R"),
                        org.assertj.core.groups.Tuple.tuple("FUNDS_IDLE", "TAV-IQD-R"),
                        org.assertj.core.groups.Tuple.tuple("FUNDS_APPROACHING_IDLE", "NIGC-EUR-R"));
        assertThat(september).extracting(Alert::kind).doesNotContain("NO_VALID_AUTHORISATION");

        List<Alert> inTheGap = reports.alerts(date("2024-07-10"), READER);
        assertThat(inTheGap).anySatisfy(alert -> {
            assertThat(alert.kind()).isEqualTo("NO_VALID_AUTHORISATION");
            assertThat(alert.since()).isEqualTo(Optional.of(date("2024-07-09")));
        });
        List<Alert> beforeExpiry = reports.alerts(date("2024-07-05"), READER);
        assertThat(beforeExpiry).anySatisfy(alert -> {
            assertThat(alert.kind()).isEqualTo("AUTHORISATION_EXPIRY");
            assertThat(alert.subject()).isEqualTo("W-19");
            assertThat(alert.message()).contains("renewed by W-20");
        });
    }

    @Test
    void business_days_skip_weekends() {
        // 6(b): rejected 2024-07-08, report due 2024-07-22, ten business days later.
        assertThat(Alerts.businessDaysBetween(date("2024-07-08"), date("2024-07-22")))
                .isEqualTo(10);
    }
}
