package org.corridor.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.AuthorisationType;
import org.corridor.authorisation.Category;
import org.corridor.authorisation.MovementKind;
import org.corridor.authorisation.NewAuthorisation;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * The accounts, authorisations, contracts and movements of the worked scenario of docs/domain.md, for the settlement and
 * report tests (the one fixture of the scenario): each step a method, so that a test can stop where
 * it needs to.
 */
public final class Scenario {

    public static final Actor OPERATOR = new Actor("olga", "OPERATOR");
    public static final Actor PAYER = new Actor("moe-treasury", "PAYER");
    public static final Actor REVIEWER = new Actor("rita", "COMPLIANCE_REVIEWER");
    public static final Currency IQD = Currency.IQD;
    public static final Currency EUR = Currency.EUR;
    static final BigDecimal RATE = new BigDecimal("1404");
    static final String RATE_SOURCE = "CBI 1,300 IQD/USD x 1.08 USD/EUR";
    /** Legacy balances are older than a year on 2024-07-01, and still on 2024-09-30. */
    static final LocalDate LEGACY = LocalDate.parse("2023-06-30");

    final Corridor corridor;
    final Settlement settlement;
    RestrictedAccount nigcIqd;
    RestrictedAccount tavIqd;
    RestrictedAccount nigcEur;
    Contract gas;
    Contract power;
    Authorisation w19;
    Authorisation w20;
    Conversion conversion;

    public Scenario(Corridor corridor) {
        this.corridor = corridor;
        this.settlement = corridor.settlement();
    }

    public static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    public static Money iqd(String amount) {
        return Money.parse(amount.replace(",", ""), IQD);
    }

    public static Money eur(String amount) {
        return Money.parse(amount.replace(",", ""), EUR);
    }

    /** W-19: 2024-03-11 to 2024-07-08; conversions and transfers to OM; prior approval for conversions. */
    static NewAuthorisation.Builder w19Terms() {
        return NewAuthorisation.builder("W-19", AuthorisationType.WAIVER)
                .series("IRAQ-ENERGY")
                .issuer("US Department of State")
                .legalBasis("National security waiver for Iraqi payments for Iranian gas and electricity")
                .valid(date("2024-03-11"), date("2024-07-08"))
                .purposes(Category.FOOD, Category.AGRI, Category.MEDICINE, Category.DEVICE)
                .movements(MovementKind.values())
                .currencies(IQD, EUR)
                .prohibitedCurrencies(Currency.USD)
                .locations("IQ", "OM")
                .priorApprovalFor(MovementKind.DISBURSEMENT, MovementKind.CONVERSION)
                .conditions("no USD; prior Authority approval per disbursement and conversion");
    }

    public Scenario waivers() {
        w19 = corridor.authorisations().register(REVIEWER, w19Terms().build());
        w20 = corridor.authorisations()
                .renew(
                        REVIEWER,
                        w19.id(),
                        w19Terms()
                                .reference("W-20")
                                .valid(date("2024-07-16"), date("2024-11-12"))
                                .build());
        return this;
    }

    public Scenario onlyW19() {
        w19 = corridor.authorisations().register(REVIEWER, w19Terms().build());
        return this;
    }

    public Scenario accounts() {
        RestrictedAccounts accounts = settlement.accounts();
        nigcIqd = accounts.open(OPERATOR, account("NIGC-IQD-R", "NIGC", IQD, "TBI", "IQ"));
        tavIqd = accounts.open(OPERATOR, account("TAV-IQD-R", "TAVANIR", IQD, "TBI", "IQ"));
        nigcEur = accounts.open(OPERATOR, account("NIGC-EUR-R", "NIGC", EUR, "Muscat Partner Bank", "OM"));
        return this;
    }

    static NewRestrictedAccount account(String name, String holder, Currency currency, String bank, String country) {
        return new NewRestrictedAccount(
                Optional.empty(), name, holder, currency, bank, country, AccountStatus.RESTRICTED);
    }

    public Scenario openingBalances() {
        assertDone(settlement
                .accounts()
                .recordOpeningBalance(
                        OPERATOR,
                        "NIGC-IQD-R",
                        new NewOpeningBalance(UUID.randomUUID(), iqd("9,828,000,000,000"), LEGACY, "legacy balance")));
        assertDone(settlement
                .accounts()
                .recordOpeningBalance(
                        OPERATOR,
                        "TAV-IQD-R",
                        new NewOpeningBalance(UUID.randomUUID(), iqd("1,404,000,000,000"), LEGACY, "legacy balance")));
        return this;
    }

    public Scenario contracts() {
        gas = settlement
                .contracts()
                .record(
                        OPERATOR,
                        new NewContract(
                                Optional.empty(),
                                "NIGC-GAS-2024",
                                "NIGC",
                                "MoE",
                                Commodity.GAS,
                                QuantityUnit.MMBTU,
                                new BigDecimal("7.25"),
                                EUR,
                                Map.of(QuantityUnit.M3, new BigDecimal("0.0363")),
                                "NIGC-IQD-R"));
        power = settlement
                .contracts()
                .record(
                        OPERATOR,
                        new NewContract(
                                Optional.empty(),
                                "TAVANIR-POWER-2024",
                                "TAVANIR",
                                "MoE",
                                Commodity.ELECTRICITY,
                                QuantityUnit.MWH,
                                new BigDecimal("75"),
                                EUR,
                                Map.of(),
                                "TAV-IQD-R"));
        return this;
    }

    static NewDeliveryStatement statement(
            String contract, String month, String metered, QuantityUnit unit, String disputed, String reason) {
        LocalDate start = LocalDate.parse(month + "-01");
        return new NewDeliveryStatement(
                contract,
                start,
                start.withDayOfMonth(start.lengthOfMonth()),
                new BigDecimal(metered),
                unit,
                new BigDecimal(disputed),
                Optional.ofNullable(reason),
                Optional.empty());
    }

    /** Step 1: June's deliveries, invoiced 2024-07-01; MoE disputes 18,000 MWh. */
    public Scenario june() {
        settlement
                .contracts()
                .recordStatement(
                        OPERATOR, statement("NIGC-GAS-2024", "2024-06", "900000000", QuantityUnit.M3, "0", null));
        settlement
                .contracts()
                .recordStatement(
                        OPERATOR,
                        statement(
                                "TAVANIR-POWER-2024",
                                "2024-06",
                                "720000",
                                QuantityUnit.MWH,
                                "18000",
                                "Iranian curtailment hours"));
        return this;
    }

    NewDeposit deposit(String contract, String amount, String valueDate) {
        return new NewDeposit(
                UUID.randomUUID(),
                contract,
                iqd(amount),
                date(valueDate),
                RATE,
                RATE_SOURCE,
                date(valueDate),
                Optional.empty(),
                Optional.empty());
    }

    /** Step 2: MoE pays June in full on 2024-07-03, within W-19. */
    public Scenario juneDeposits() {
        assertDone(settlement.deposits().record(PAYER, deposit("NIGC-GAS-2024", "332,547,930,000", "2024-07-03")));
        assertDone(settlement.deposits().record(PAYER, deposit("TAVANIR-POWER-2024", "73,920,600,000", "2024-07-03")));
        return this;
    }

    NewConversion conversionRequest() {
        return new NewConversion(
                UUID.randomUUID(),
                "NIGC-IQD-R",
                "NIGC-EUR-R",
                iqd("140,400,000,000"),
                date("2024-07-04"),
                Optional.of("AUTH-CNV-0711"),
                new ExchangeRate(EUR, IQD, RATE, "CBI fixing", date("2024-07-05")),
                new BigDecimal("0.15"),
                Optional.empty());
    }

    /** Step 3: requested 2024-07-04 with AUTH-CNV-0711, executed 2024-07-05 at 1,404 less 0.15%. */
    public Scenario conversion() {
        conversion = assertDone(settlement.conversions().request(OPERATOR, conversionRequest()));
        assertThat(conversion.status()).isEqualTo(ConversionStatus.APPROVED);
        assertDone(settlement
                .conversions()
                .execute(
                        OPERATOR,
                        conversion.id(),
                        new NewExecution(UUID.randomUUID(), date("2024-07-05"), Optional.empty(), Optional.empty())));
        return this;
    }

    /** Step 8: July and August, paid 2024-08-05 and 2024-09-04 under W-20. */
    public Scenario julyAndAugust() {
        settlement
                .contracts()
                .recordStatement(
                        OPERATOR, statement("NIGC-GAS-2024", "2024-07", "868000000", QuantityUnit.M3, "0", null));
        settlement
                .contracts()
                .recordStatement(
                        OPERATOR, statement("TAVANIR-POWER-2024", "2024-07", "818400", QuantityUnit.MWH, "0", null));
        settlement
                .contracts()
                .recordStatement(
                        OPERATOR, statement("NIGC-GAS-2024", "2024-08", "775000000", QuantityUnit.M3, "0", null));
        settlement
                .contracts()
                .recordStatement(
                        OPERATOR, statement("TAVANIR-POWER-2024", "2024-08", "669600", QuantityUnit.MWH, "0", null));
        assertDone(settlement.deposits().record(PAYER, deposit("NIGC-GAS-2024", "320,724,003,600", "2024-08-05")));
        assertDone(settlement.deposits().record(PAYER, deposit("TAVANIR-POWER-2024", "86,177,520,000", "2024-08-05")));
        assertDone(settlement.deposits().record(PAYER, deposit("NIGC-GAS-2024", "286,360,717,500", "2024-09-04")));
        assertDone(settlement.deposits().record(PAYER, deposit("TAVANIR-POWER-2024", "70,508,880,000", "2024-09-04")));
        return this;
    }

    public Scenario all() {
        return waivers()
                .accounts()
                .openingBalances()
                .contracts()
                .june()
                .juneDeposits()
                .conversion()
                .julyAndAugust();
    }

    static <T> T assertDone(SettlementOutcome<T> outcome) {
        assertThat(outcome).as("%s", outcome).isInstanceOf(SettlementOutcome.Done.class);
        return ((SettlementOutcome.Done<T>) outcome).value();
    }

    static SettlementOutcome.Refused<?> assertRefused(SettlementOutcome<?> outcome) {
        assertThat(outcome).as("%s", outcome).isInstanceOf(SettlementOutcome.Refused.class);
        return (SettlementOutcome.Refused<?>) outcome;
    }

    List<Invoice> invoices(String contract) {
        return settlement.contracts().invoices(Optional.of(contract));
    }
}
