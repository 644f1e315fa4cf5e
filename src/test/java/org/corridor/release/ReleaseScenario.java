package org.corridor.release;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.AuthorisationType;
import org.corridor.authorisation.Category;
import org.corridor.authorisation.MovementKind;
import org.corridor.authorisation.NewAuthorisation;
import org.corridor.identity.Role;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.screening.EntityType;
import org.corridor.screening.ListedEntity;
import org.corridor.screening.ListedName;
import org.corridor.screening.NameKind;
import org.corridor.screening.SanctionsList;
import org.corridor.screening.Screener;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestUsers;
import org.corridor.vessel.Imo;
import org.corridor.vessel.RiskIndicator;
import org.corridor.vessel.VesselRegistration;

/**
 * The world of the worked scenario of docs/domain.md steps 4 to 7 on a real database: W-19 (and W-20 when asked), NIGC-EUR-R
 * with EUR 99,850,000.00, the forwarder's ownership graph, the vessel with its AIS gap, and a list
 * holding the invented "Tehran Medico Trading" [IRGC]. The releases feature is wired here over a
 * screener the test can change, so that a vendor can become listed between approval and execution.
 */
final class ReleaseScenario implements AutoCloseable {

    static final Actor AGENT = new Actor("bashir", "BENEFICIARY_AGENT");
    static final Actor ANALYST = new Actor("amira", "COMPLIANCE_ANALYST");
    static final Actor REVIEWER = new Actor("rita", "COMPLIANCE_REVIEWER");
    static final Actor SECOND_REVIEWER = new Actor("reza", "COMPLIANCE_REVIEWER");
    static final Actor MAKER = new Actor("olga", "OPERATOR");
    /** A second operator, who records the Authority's approval. */
    static final Actor OPERATIONS = new Actor("omar", "OPERATOR");

    static final Actor CHECKER = new Actor("carla", "APPROVER");
    static final Actor SENIOR = new Actor("sami", "APPROVER");
    static final Currency EUR = Currency.EUR;

    static final String FORWARDER_CSV = """
            owner_id,owner_name,owner_kind,owner_listing,owned_id,owned_name,share_percent,kind,source,as_of
            entity-x,Entity X,ENTITY,DEMO:ENTITY-X,gulf-star-logistics-fze,Gulf Star Logistics FZE,30,OWNERSHIP,"Dubai DMCC register extract 2024-06-30",2024-06-30
            entity-y,Entity Y,ENTITY,DEMO:ENTITY-Y,gulf-star-logistics-fze,Gulf Star Logistics FZE,25,OWNERSHIP,"Dubai DMCC register extract 2024-06-30",2024-06-30
            harbour-nominees,Harbour Nominees Ltd,,,gulf-star-logistics-fze,Gulf Star Logistics FZE,45,,"Dubai DMCC register extract 2024-06-30",2024-06-30
            """;

    /**
     * The invented IRGC-tagged listing of 6(b) step 5. With the real name matcher its primary name
     * alone scores 0.40 against "Tehran Medical Supply Co." (below the 0.60 threshold), so the fixture
     * carries a listed alias, "Tehran Medico Supply Co.", which scores 0.82: the false hit of the scenario.
     */
    static final ListedEntity TEHRAN_MEDICO = listed(
            "DEMO-1001",
            List.of(
                    new ListedName("Tehran Medico Trading", NameKind.PRIMARY),
                    new ListedName("Tehran Medico Supply Co.", NameKind.STRONG_ALIAS)),
            "IRGC");

    static final ListedEntity UNRELATED = listed("DEMO-1002", "Caspian Shipping Lines", "IRAN");

    final MutableClock clock;
    final Corridor corridor;
    final AtomicReference<Screener> lists = new AtomicReference<>(Screener.of(List.of(TEHRAN_MEDICO, UNRELATED)));
    final Releases releases;
    Authorisation w19;
    Authorisation w20;
    RestrictedAccount nigcEur;

    ReleaseScenario() {
        this.clock = MutableClock.at("2024-07-05T06:00:00Z");
        this.corridor = TestCorridor.create(clock);
        this.releases = new Releases(
                corridor.database().transactions(),
                new Releases.Features(
                        corridor.audit(),
                        corridor.authorisations(),
                        corridor.eligibility(),
                        corridor.ownership(),
                        corridor.vessels(),
                        corridor.ledger(),
                        corridor.settlement(),
                        corridor.users()),
                party -> new PartyScreening.PartyCheck(
                        lists.get().screen(party),
                        Map.of("DEMO", Integer.toString(lists.get().size()))),
                ApprovalPolicy.DEFAULT,
                clock,
                corridor.zone());
        // The agent is a person bound to NIGC: requests come only from the holder's agents.
        TestUsers.token(corridor, AGENT.name(), Role.BENEFICIARY_AGENT, "NIGC");
        // A scheduled execution runs on its day for the user who scheduled it.
        TestUsers.token(corridor, OPERATIONS.name(), Role.OPERATOR);
    }

    static ListedEntity listed(String id, String name, String programme) {
        return listed(id, List.of(new ListedName(name, NameKind.PRIMARY)), programme);
    }

    static ListedEntity listed(String id, List<ListedName> names, String programme) {
        return new ListedEntity(
                SanctionsList.OFAC_SDN,
                id,
                EntityType.ORGANISATION,
                names,
                List.of(),
                List.of(),
                List.of("IR"),
                List.of(),
                List.of(),
                List.of(programme),
                List.of());
    }

    /** Moves the clock to a local Baghdad time (UTC+3) such as "2024-07-08T10:12". */
    void at(String baghdad) {
        clock.set(LocalDateTime.parse(baghdad).atZone(ZoneId.of("Asia/Baghdad")).toInstant());
    }

    static NewAuthorisation.Builder w19Terms() {
        return NewAuthorisation.builder("W-19", AuthorisationType.WAIVER)
                .series("IRAQ-ENERGY")
                .issuer("US Department of State")
                .legalBasis("National security waiver for Iraqi payments for Iranian gas and electricity")
                .valid(LocalDate.parse("2024-03-11"), LocalDate.parse("2024-07-08"))
                .purposes(Category.FOOD, Category.AGRI, Category.MEDICINE, Category.DEVICE)
                .movements(MovementKind.values())
                .currencies(Currency.IQD, EUR)
                .prohibitedCurrencies(Currency.USD)
                .locations("IQ", "OM")
                .priorApprovalFor(MovementKind.DISBURSEMENT, MovementKind.CONVERSION)
                .conditions("no USD; prior Authority approval per disbursement");
    }

    /** W-19, NIGC-EUR-R with the converted euros, its bank details, the ownership graph and the vessel. */
    ReleaseScenario setUp() {
        w19 = corridor.authorisations().register(REVIEWER, w19Terms().build());
        ReleaseFixtures.openFundedAccount(
                corridor,
                "NIGC-EUR-R",
                "cnv-0711",
                Money.parse("99850000.00", EUR),
                LocalDate.parse("2024-07-05"),
                "conversion of 2024-07-05, IQD 140,400,000,000 at 1,404 less 0.15%");
        nigcEur = corridor.settlement().accounts().find("NIGC-EUR-R");
        releases.registerPayingAccount(
                MAKER,
                new Releases.PayingAccountInput(
                        "NIGC-EUR-R", "OM81 0180 0000 0129 9123 456", "MPBKOMRX", "NIGC restricted account"));
        corridor.ownership().importCsv(ANALYST, "forwarder.csv", new StringReader(FORWARDER_CSV), rows -> {});
        corridor.vessels()
                .register(
                        ANALYST,
                        new VesselRegistration(
                                Imo.parse("9000001"),
                                "MV Sea Lark",
                                Optional.of("PA"),
                                Optional.empty(),
                                Optional.empty(),
                                "Equasis 2024-07-01"),
                        List.of(RiskIndicator.aisGap(
                                LocalDate.parse("2024-06-18"),
                                new BigDecimal("41"),
                                "Gulf of Oman, off Khor Fakkan",
                                "AIS risk feed 2024-07-04")));
        return this;
    }

    /** W-20, the renewal, recorded on 2024-07-16. */
    void renew() {
        w20 = corridor.authorisations()
                .renew(
                        REVIEWER,
                        w19.id(),
                        w19Terms()
                                .reference("W-20")
                                .valid(LocalDate.parse("2024-07-16"), LocalDate.parse("2024-11-12"))
                                .build());
    }

    static NewRequest.PartyInput party(String name, String country) {
        return new NewRequest.PartyInput(Optional.empty(), name, country, Optional.empty());
    }

    static NewRequest.LineInput line(
            String number,
            String description,
            String hs,
            String quantity,
            String unit,
            String price,
            String category,
            List<NewRequest.EndUseInput> uses) {
        return new NewRequest.LineInput(number, description, hs, quantity, unit, price, "CH", category, uses);
    }

    static NewRequest.EndUseInput use(String endUser, String type, String quantity) {
        return new NewRequest.EndUseInput(endUser, type, quantity);
    }

    static NewRequest.ShipmentInput seaLark() {
        return new NewRequest.ShipmentInput(
                "Sea Lark Shipping", Optional.of("MV Sea Lark"), Optional.of("9000001"), "Genoa", "Bandar Abbas");
    }

    static NewRequest.ShipmentInput containerService() {
        return new NewRequest.ShipmentInput(
                "Alpine Container Line",
                Optional.of("Alpine Express"),
                Optional.of("9321483"),
                "Genoa",
                "Bandar Abbas");
    }

    /** DR-2024-0412 as the beneficiary's agent submits it (6(b) step 4). */
    static NewRequest dr0412() {
        return request(
                "DR-2024-0412", party("Alpenmed Pharma AG", "CH"), Optional.of(party("Gulf Star Logistics FZE", "AE")));
    }

    static NewRequest request(
            String reference, NewRequest.PartyInput vendor, Optional<NewRequest.PartyInput> forwarder) {
        List<NewRequest.LineInput> lines = new ArrayList<>();
        lines.add(line(
                "1",
                "Imatinib 400 mg tablets (oncology)",
                "3004.90",
                "120000",
                "pack",
                "25.00",
                "MEDICINE",
                List.of(use("Ministry of Health hospitals", "HOSPITAL", "120000"))));
        lines.add(line(
                "2",
                "Insulin glargine pre-filled pens",
                "3004.31",
                "200000",
                "pen",
                "6.80",
                "MEDICINE",
                List.of(
                        use("Ministry of Health hospitals", "HOSPITAL", "180000"),
                        use("Law-enforcement command hospital", "LAW_ENFORCEMENT", "20000"))));
        lines.add(line(
                "3",
                "Patient monitors",
                "9018.19",
                "200",
                "unit",
                "2400",
                "DEVICE",
                List.of(use("Ministry of Health hospitals", "HOSPITAL", "200"))));
        lines.add(line(
                "4",
                "128-slice CT scanner",
                "9022.12",
                "1",
                "unit",
                "950000",
                "DEVICE",
                List.of(use("Ministry of Health hospitals", "HOSPITAL", "1"))));
        return new NewRequest(
                reference,
                "NIGC",
                "NIGC-EUR-R",
                party("Tehran Medical Supply Co.", "IR"),
                List.of(party("Ministry of Health hospitals", "IR")),
                vendor,
                new NewRequest.BankAccountInput("CH93 0076 2011 6238 5295 7", "UBSWCHZH80A", "Swiss Commercial Bank"),
                Optional.empty(),
                lines,
                "CIP",
                seaLark(),
                forwarder,
                Optional.of(List.of(new NewRequest.DocumentInput(
                        "PI",
                        "PI-7781.pdf",
                        Base64.getEncoder()
                                .encodeToString("PI-7781 Alpenmed Pharma AG".getBytes(StandardCharsets.UTF_8))))));
    }

    /** A small request (25,000 EUR of imatinib) without a forwarder and on the container service, its purchaser's hit cleared, fully approved. */
    Release approvedWithoutHits(String reference, String authorityReference) {
        Release a = submittedWithoutHits(reference, "1000");
        releases.approve(MAKER, a.id(), new Releases.ApprovalInput("MAKER", Optional.empty(), Optional.empty()));
        releases.approve(CHECKER, a.id(), new Releases.ApprovalInput("COMPLIANCE", Optional.empty(), Optional.empty()));
        return releases.approve(
                SENIOR,
                a.id(),
                new Releases.ApprovalInput("AUTHORITY", Optional.of(authorityReference), Optional.empty()));
    }

    /** {@code packs} packs of imatinib at EUR 25.00 on the container service, its purchaser's hit cleared. */
    Release submittedWithoutHits(String reference, String packs) {
        NewRequest request = new NewRequest(
                reference,
                "NIGC",
                "NIGC-EUR-R",
                party("Tehran Medical Supply Co.", "IR"),
                List.of(party("Ministry of Health hospitals", "IR")),
                party("Alpenmed Pharma AG", "CH"),
                new NewRequest.BankAccountInput("CH93 0076 2011 6238 5295 7", "UBSWCHZH80A", "Swiss Commercial Bank"),
                Optional.empty(),
                List.of(line(
                        "1",
                        "Imatinib 400 mg tablets (oncology)",
                        "3004.90",
                        packs,
                        "pack",
                        "25.00",
                        "MEDICINE",
                        List.of(use("Ministry of Health hospitals", "HOSPITAL", packs)))),
                "CIP",
                containerService(),
                Optional.empty(),
                Optional.empty());
        Release a = releases.submit(AGENT, request).request();
        for (ScreeningHit hit : releases.get(a.id()).hits()) {
            releases.dispose(ANALYST, hit.id(), new Releases.Disposition("FALSE_POSITIVE", "different entity"));
            releases.dispose(REVIEWER, hit.id(), new Releases.Disposition("FALSE_POSITIVE", "confirmed"));
        }
        return releases.get(a.id());
    }

    /** The code of the domain refusal {@code call} throws. */
    static String code(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        org.assertj.core.api.Assertions.assertThat(thrown).isInstanceOf(org.corridor.DomainException.class);
        return ((org.corridor.DomainException) thrown).code();
    }

    Money balance() {
        return corridor.ledger().requireAccount(nigcEur.id()).postedCreditBalance();
    }

    Money available() {
        return corridor.ledger().requireAccount(nigcEur.id()).availableCreditBalance();
    }

    @Override
    public void close() {
        corridor.close();
    }
}
