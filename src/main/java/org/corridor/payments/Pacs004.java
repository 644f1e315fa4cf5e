package org.corridor.payments;

import com.prowidesoftware.swift.model.mx.MxPacs00400110;
import com.prowidesoftware.swift.model.mx.dic.Charges7;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnReason6;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnV10;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction118;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.money.Money;

/**
 * Reads an ISO 20022 pacs.004.001.10 payment return. The document is validated against its schema
 * (hostile XML refused, with line and column) before it is parsed; the charges must be in the
 * currency of the money returned. Thread-safe.
 */
public final class Pacs004 {

    private Pacs004() {}

    /**
     * @throws InvalidInputException PAYMENT_SCHEMA_INVALID, RETURN_EMPTY, RETURN_DATE_MISSING or
     *     RETURN_CHARGES_CURRENCY
     */
    public static PaymentReturn read(String xml) {
        MessageSchemas.requireValid(MessageKind.PACS_004, xml);
        PaymentReturnV10 message = MxPacs00400110.parse(xml).getPmtRtr();
        List<ReturnedPayment> returns = new ArrayList<>();
        for (PaymentTransaction118 transaction : message.getTxInf()) {
            returns.add(returned(message, transaction));
        }
        if (returns.isEmpty()) {
            throw new InvalidInputException("RETURN_EMPTY", "the pacs.004 returns no payment");
        }
        return new PaymentReturn(
                message.getGrpHdr().getMsgId(), message.getGrpHdr().getCreDtTm().toInstant(), returns);
    }

    private static ReturnedPayment returned(PaymentReturnV10 message, PaymentTransaction118 transaction) {
        Money returned = IsoValues.money(transaction.getRtrdIntrBkSttlmAmt());
        Money charges = Money.zero(returned.currency());
        for (Charges7 charge : transaction.getChrgsInf()) {
            Money amount = IsoValues.money(charge.getAmt());
            if (!amount.currency().equals(returned.currency())) {
                throw new InvalidInputException(
                        "RETURN_CHARGES_CURRENCY",
                        "return " + transaction.getRtrId() + " withholds charges in " + amount.currency()
                                + ", not in the returned " + returned.currency());
            }
            charges = charges.plus(amount);
        }
        LocalDate settled = transaction.getIntrBkSttlmDt() != null
                ? transaction.getIntrBkSttlmDt()
                : message.getGrpHdr().getIntrBkSttlmDt();
        if (settled == null) {
            throw new InvalidInputException(
                    "RETURN_DATE_MISSING", "return " + transaction.getRtrId() + " gives no interbank settlement date");
        }
        Optional<String> originalMessage = transaction.getOrgnlGrpInf() != null
                ? IsoValues.text(transaction.getOrgnlGrpInf().getOrgnlMsgId())
                : Optional.ofNullable(message.getOrgnlGrpInf()).flatMap(group -> IsoValues.text(group.getOrgnlMsgId()));
        return new ReturnedPayment(
                transaction.getRtrId() == null ? message.getGrpHdr().getMsgId() : transaction.getRtrId(),
                originalMessage,
                IsoValues.text(transaction.getOrgnlEndToEndId()),
                IsoValues.uetr(transaction.getOrgnlUETR()),
                IsoValues.text(transaction.getOrgnlInstrId()),
                Optional.ofNullable(transaction.getOrgnlIntrBkSttlmAmt()).map(IsoValues::money),
                returned,
                charges,
                settled,
                reason(transaction.getRtrRsnInf()),
                information(transaction.getRtrRsnInf()));
    }

    private static Optional<String> reason(List<PaymentReturnReason6> reasons) {
        return reasons.stream()
                .filter(r -> r.getRsn() != null)
                .map(r -> r.getRsn().getCd() != null
                        ? r.getRsn().getCd()
                        : r.getRsn().getPrtry())
                .filter(r -> r != null && !r.isBlank())
                .findFirst();
    }

    private static List<String> information(List<PaymentReturnReason6> reasons) {
        List<String> lines = new ArrayList<>();
        reasons.forEach(r -> lines.addAll(IsoValues.lines(r.getAddtlInf())));
        return lines;
    }
}
