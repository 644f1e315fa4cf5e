package org.corridor.authorisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/** The authorisations and movements of the worked scenario of docs/domain.md, for tests. */
final class Scenario {

    static final LocalDate W19_FROM = LocalDate.parse("2024-03-11");
    static final LocalDate W19_TO = LocalDate.parse("2024-07-08");
    static final LocalDate W20_FROM = LocalDate.parse("2024-07-16");
    static final LocalDate W20_TO = LocalDate.parse("2024-11-12");

    private Scenario() {}

    /** W-19: the waiver of 2024-03-11 to 2024-07-08: food, agri, medicine, devices; no USD; prior approval per disbursement. */
    static NewAuthorisation.Builder w19() {
        return NewAuthorisation.builder("W-19", AuthorisationType.WAIVER)
                .series("IRAQ-ENERGY")
                .issuer("US Department of State")
                .legalBasis("National security waiver for Iraqi payments for Iranian gas and electricity")
                .valid(W19_FROM, W19_TO)
                .purposes(Category.FOOD, Category.AGRI, Category.MEDICINE, Category.DEVICE)
                .movements(MovementKind.values())
                .currencies(Currency.IQD, Currency.EUR)
                .prohibitedCurrencies(Currency.USD)
                .locations("IQ", "OM")
                .priorApprovalFor(MovementKind.DISBURSEMENT, MovementKind.CONVERSION)
                .conditions("no USD; prior Authority approval per disbursement");
    }

    /** W-20: the renewal, valid 2024-07-16 to 2024-11-12, on the same terms. */
    static NewAuthorisation.Builder w20() {
        return w19().reference("W-20").valid(W20_FROM, W20_TO);
    }

    /** The release of DR-2024-0412-A from NIGC-EUR-R in Oman, with the Authority's approval. */
    static Movement release(LocalDate on) {
        return Movement.of(MovementKind.DISBURSEMENT, on, Money.parse("4704000.00", Currency.EUR))
                .withReference("DR-2024-0412-A")
                .withPurposes(Category.MEDICINE, Category.DEVICE)
                .withAccountLocation("OM")
                .withPriorApproval("AUTH-DSB-0412")
                .withLinkedPaymentKey("vendor:alpenmed");
    }

    /** MoE's deposit into NIGC-IQD-R at TBI. */
    static Movement deposit(LocalDate on) {
        return Movement.of(MovementKind.DEPOSIT, on, Money.parse("332547930000", Currency.IQD))
                .withReference("DEP-2024-07-03-NIGC")
                .withAccountLocation("IQ");
    }

    /** The conversion of IQD 140.4 bn to EUR into NIGC-EUR-R in Oman. */
    static Movement conversion(LocalDate on) {
        return Movement.of(MovementKind.CONVERSION, on, Money.parse("140400000000", Currency.IQD))
                .withReference("CNV-0711")
                .withCounterAmount(Money.parse("99850000.00", Currency.EUR))
                .withAccountLocation("IQ")
                .withDestinationLocation("OM")
                .withPriorApproval("AUTH-CNV-0711")
                .withLinkedPaymentKey("holder:nigc");
    }

    /** Terms as they would be recorded, without a database. */
    static Authorisation recorded(NewAuthorisation terms) {
        return Authorisation.of(
                UUID.randomUUID(),
                terms.series().orElse(terms.reference()),
                Optional.empty(),
                terms.validate(),
                Instant.parse("2024-03-11T08:00:00Z"),
                "test");
    }
}
