package org.corridor.payments;

import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchangeDetails3;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV08;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CurrencyExchange5;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation16;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * Reads an ISO 20022 camt.054.001.08 debit and credit notification into the movements it
 * announces. The document is validated against its schema (hostile XML refused, with line and
 * column) before it is parsed. Thread-safe.
 */
public final class Camt054 {

    private Camt054() {}

    /** @throws InvalidInputException PAYMENT_SCHEMA_INVALID, NOTIFICATION_EMPTY, ACCOUNT_MISSING */
    public static CreditNotification read(String xml) {
        MessageSchemas.requireValid(MessageKind.CAMT_054, xml);
        BankToCustomerDebitCreditNotificationV08 message =
                MxCamt05400108.parse(xml).getBkToCstmrDbtCdtNtfctn();
        String messageId = message.getGrpHdr().getMsgId();
        List<NotifiedMovement> movements = new ArrayList<>();
        for (AccountNotification17 notification : message.getNtfctn()) {
            String account = account(notification.getAcct());
            int entryNumber = 0;
            for (ReportEntry10 entry : notification.getNtry()) {
                entryNumber++;
                String place = messageId + "/" + notification.getId() + "/" + entryNumber;
                movements.addAll(movements(entry, account, place));
            }
        }
        if (movements.isEmpty()) {
            throw new InvalidInputException("NOTIFICATION_EMPTY", "the camt.054 announces no movement");
        }
        return new CreditNotification(
                messageId, message.getGrpHdr().getCreDtTm().toInstant(), movements);
    }

    private static String account(CashAccount39 account) {
        if (account == null || account.getId() == null) {
            throw new InvalidInputException("ACCOUNT_MISSING", "a notification names no account");
        }
        if (account.getId().getIBAN() != null) {
            return account.getId().getIBAN();
        }
        return account.getId().getOthr().getId();
    }

    /** One movement per transaction of the entry, or the entry itself when it has no details. */
    private static List<NotifiedMovement> movements(ReportEntry10 entry, String account, String place) {
        List<EntryTransaction10> transactions = entry.getNtryDtls().stream()
                .flatMap(details -> details.getTxDtls().stream())
                .toList();
        if (transactions.isEmpty()) {
            return List.of(movement(entry, Optional.empty(), account, place));
        }
        List<NotifiedMovement> movements = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i++) {
            movements.add(movement(entry, Optional.of(transactions.get(i)), account, place + "/" + (i + 1)));
        }
        return movements;
    }

    private static NotifiedMovement movement(
            ReportEntry10 entry, Optional<EntryTransaction10> transaction, String account, String place) {
        Money amount = transaction
                .filter(tx -> tx.getAmt() != null)
                .map(tx -> IsoValues.money(tx.getAmt()))
                .orElse(IsoValues.money(entry.getAmt()));
        CreditDebitCode side = transaction
                .map(EntryTransaction10::getCdtDbtInd)
                .filter(code -> code != null)
                .orElse(entry.getCdtDbtInd());
        Optional<String> servicerReference = transaction
                .flatMap(tx -> Optional.ofNullable(tx.getRefs()))
                .flatMap(refs -> IsoValues.text(refs.getAcctSvcrRef()))
                .or(() -> transaction.isEmpty() ? IsoValues.text(entry.getAcctSvcrRef()) : Optional.empty());
        return new NotifiedMovement(
                servicerReference.orElse(place),
                account,
                amount,
                side == CreditDebitCode.CRDT,
                Boolean.TRUE.equals(entry.isRvslInd()),
                entry.getSts().getCd() != null
                        ? entry.getSts().getCd()
                        : entry.getSts().getPrtry(),
                date(entry.getBookgDt()),
                date(entry.getValDt()),
                transaction
                        .flatMap(tx -> Optional.ofNullable(tx.getRefs()))
                        .flatMap(refs -> IsoValues.text(refs.getEndToEndId())),
                transaction.flatMap(Camt054::debtor),
                references(transaction.map(EntryTransaction10::getRmtInf).orElse(null)),
                exchange(transaction.map(EntryTransaction10::getAmtDtls).orElse(null))
                        .or(() -> exchange(entry.getAmtDtls())));
    }

    private static Optional<LocalDate> date(DateAndDateTime2Choice choice) {
        if (choice == null) {
            return Optional.empty();
        }
        return choice.getDt() != null
                ? Optional.of(choice.getDt())
                : Optional.ofNullable(choice.getDtTm()).map(t -> t.toLocalDate());
    }

    private static Optional<String> debtor(EntryTransaction10 transaction) {
        if (transaction.getRltdPties() == null
                || transaction.getRltdPties().getDbtr() == null
                || transaction.getRltdPties().getDbtr().getPty() == null) {
            return Optional.empty();
        }
        return IsoValues.text(transaction.getRltdPties().getDbtr().getPty().getNm());
    }

    /** Structured creditor references first (the invoice numbers), then the free lines. */
    private static List<String> references(RemittanceInformation16 remittance) {
        if (remittance == null) {
            return List.of();
        }
        List<String> references = new ArrayList<>();
        for (StructuredRemittanceInformation16 structured : remittance.getStrd()) {
            if (structured.getCdtrRefInf() != null) {
                IsoValues.text(structured.getCdtrRefInf().getRef()).ifPresent(references::add);
            }
            structured
                    .getRfrdDocInf()
                    .forEach(document -> IsoValues.text(document.getNb()).ifPresent(references::add));
        }
        references.addAll(IsoValues.lines(remittance.getUstrd()));
        return references;
    }

    private static Optional<NotifiedMovement.Exchange> exchange(AmountAndCurrencyExchange3 details) {
        if (details == null) {
            return Optional.empty();
        }
        return Stream.of(details.getInstdAmt(), details.getTxAmt(), details.getCntrValAmt(), details.getAnncdPstngAmt())
                .filter(amount -> amount != null && amount.getCcyXchg() != null)
                .map(AmountAndCurrencyExchangeDetails3::getCcyXchg)
                .findFirst()
                .map(Camt054::exchange);
    }

    private static NotifiedMovement.Exchange exchange(CurrencyExchange5 exchange) {
        Currency source = Currency.of(exchange.getSrcCcy());
        Currency target = exchange.getTrgtCcy() == null ? source : Currency.of(exchange.getTrgtCcy());
        Currency unit = exchange.getUnitCcy() == null ? source : Currency.of(exchange.getUnitCcy());
        return new NotifiedMovement.Exchange(source, target, unit, exchange.getXchgRate());
    }
}
