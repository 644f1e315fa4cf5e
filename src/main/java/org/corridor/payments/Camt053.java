package org.corridor.payments;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.AmountAndDirection35;
import com.prowidesoftware.swift.model.mx.dic.BalanceType10Choice;
import com.prowidesoftware.swift.model.mx.dic.BalanceType13;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerStatementV08;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure5;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure6;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.DateTimePeriod1;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.NumberAndSumOfTransactions1;
import com.prowidesoftware.swift.model.mx.dic.NumberAndSumOfTransactions4;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.ProprietaryBankTransactionCodeStructure1;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.TotalTransactions6;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * Writes a {@link BankStatement} as an ISO 20022 camt.053.001.08 document and reads one back. What
 * is written is validated against the schema before it leaves; what is read is validated (hostile
 * XML refused) before it is parsed. Thread-safe.
 */
public final class Camt053 {

    /** The issuer named with the channel's own transaction codes. */
    public static final String ISSUER = "CORRIDOR";

    private static final int MAX_TEXT_35 = 35;
    private static final int MAX_TEXT_140 = 140;
    private static final int MAX_TEXT_500 = 500;

    private Camt053() {}

    /** The camt.053 XML of a statement; refuses one the schema would reject. */
    public static String write(BankStatement statement) {
        requireLength("message id", statement.messageId(), MAX_TEXT_35);
        BankToCustomerStatementV08 document = new BankToCustomerStatementV08()
                .setGrpHdr(new GroupHeader81()
                        .setMsgId(statement.messageId())
                        .setCreDtTm(statement
                                .createdAt()
                                .truncatedTo(ChronoUnit.MILLIS)
                                .atOffset(ZoneOffset.UTC)));
        for (BankStatement.Day day : statement.days()) {
            document.addStmt(day(statement, day));
        }
        MxWriteConfiguration format = new MxWriteConfiguration();
        format.documentPrefix = null;
        format.includeXMLDeclaration = true;
        String xml = new MxCamt05300108().setBkToCstmrStmt(document).message(format);
        List<SchemaViolation> violations = MessageSchemas.validate(MessageKind.CAMT_053, xml);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(
                    "STATEMENT_SCHEMA_INVALID", "the statement breaks the camt.053 schema: " + violations.get(0));
        }
        return xml;
    }

    private static AccountStatement9 day(BankStatement statement, BankStatement.Day day) {
        requireLength("statement id", day.id(), MAX_TEXT_35);
        AccountStatement9 out = new AccountStatement9()
                .setId(day.id())
                .setElctrncSeqNb(BigDecimal.valueOf(day.sequence()))
                .setCreDtTm(statement.createdAt().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
                .setFrToDt(new DateTimePeriod1()
                        .setFrDtTm(day.from().atOffset(ZoneOffset.UTC))
                        .setToDtTm(day.to().minusSeconds(1).atOffset(ZoneOffset.UTC)))
                .setAcct(account(statement.account()));
        out.addBal(balance("OPBD", day.opening(), day));
        out.addBal(balance("CLBD", day.closing(), day));
        out.addBal(balance("CLAV", day.closingAvailable(), day));
        out.setTxsSummry(summary(day));
        for (BankStatement.Entry entry : day.entries()) {
            out.addNtry(entry(entry));
        }
        return out;
    }

    private static CashAccount39 account(BankStatement.Account account) {
        AccountIdentification4Choice id = account.iban().isPresent()
                ? new AccountIdentification4Choice().setIBAN(account.iban().get())
                : new AccountIdentification4Choice()
                        .setOthr(new GenericAccountIdentification1()
                                .setId(account.identification())
                                .setSchmeNm(new AccountSchemeName1Choice().setPrtry(ISSUER)));
        return new CashAccount39()
                .setId(id)
                .setCcy(account.currency().code())
                .setNm(account.name())
                .setOwnr(new PartyIdentification135().setNm(account.owner()))
                .setSvcr(new BranchAndFinancialInstitutionIdentification6()
                        .setFinInstnId(new FinancialInstitutionIdentification18().setNm(account.servicer())));
    }

    private static CashBalance8 balance(String type, Money amount, BankStatement.Day day) {
        return new CashBalance8()
                .setTp(new BalanceType13().setCdOrPrtry(new BalanceType10Choice().setCd(type)))
                .setAmt(IsoValues.amount(absolute(amount)))
                .setCdtDbtInd(amount.isNegative() ? CreditDebitCode.DBIT : CreditDebitCode.CRDT)
                .setDt(new DateAndDateTime2Choice().setDt(day.date()));
    }

    private static TotalTransactions6 summary(BankStatement.Day day) {
        Currency currency = day.opening().currency();
        Money credits = Money.zero(currency);
        Money debits = Money.zero(currency);
        int creditCount = 0;
        for (BankStatement.Entry entry : day.entries()) {
            if (entry.credit()) {
                credits = credits.plus(entry.amount());
                creditCount++;
            } else {
                debits = debits.plus(entry.amount());
            }
        }
        Money net = credits.minus(debits);
        return new TotalTransactions6()
                .setTtlNtries(new NumberAndSumOfTransactions4()
                        .setNbOfNtries(Integer.toString(day.entries().size()))
                        .setSum(credits.plus(debits).toDecimal())
                        .setTtlNetNtry(new AmountAndDirection35()
                                .setAmt(absolute(net).toDecimal())
                                .setCdtDbtInd(net.isNegative() ? CreditDebitCode.DBIT : CreditDebitCode.CRDT)))
                .setTtlCdtNtries(new NumberAndSumOfTransactions1()
                        .setNbOfNtries(Integer.toString(creditCount))
                        .setSum(credits.toDecimal()))
                .setTtlDbtNtries(new NumberAndSumOfTransactions1()
                        .setNbOfNtries(Integer.toString(day.entries().size() - creditCount))
                        .setSum(debits.toDecimal()));
    }

    private static ReportEntry10 entry(BankStatement.Entry entry) {
        requireLength("entry reference", entry.reference(), MAX_TEXT_35);
        requireLength("servicer reference", entry.servicerReference(), MAX_TEXT_35);
        TransactionReferences6 references = new TransactionReferences6().setAcctSvcrRef(entry.servicerReference());
        entry.endToEndId().ifPresent(id -> references.setEndToEndId(truncate(id, MAX_TEXT_35)));
        entry.uetr().ifPresent(uetr -> references.setUETR(uetr.toString()));
        EntryTransaction10 transaction = new EntryTransaction10()
                .setRefs(references)
                .setAmt(IsoValues.amount(entry.amount()))
                .setCdtDbtInd(entry.credit() ? CreditDebitCode.CRDT : CreditDebitCode.DBIT);
        if (!entry.remittance().isEmpty()) {
            RemittanceInformation16 remittance = new RemittanceInformation16();
            entry.remittance().forEach(line -> remittance.addUstrd(truncate(line, MAX_TEXT_140)));
            transaction.setRmtInf(remittance);
        }
        ReportEntry10 out = new ReportEntry10()
                .setNtryRef(entry.reference())
                .setAmt(IsoValues.amount(entry.amount()))
                .setCdtDbtInd(entry.credit() ? CreditDebitCode.CRDT : CreditDebitCode.DBIT)
                .setSts(new EntryStatus1Choice().setCd("BOOK"))
                .setBookgDt(new DateAndDateTime2Choice()
                        .setDtTm(entry.bookedAt().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC)))
                .setValDt(new DateAndDateTime2Choice().setDt(entry.valueDate()))
                .setAcctSvcrRef(entry.servicerReference())
                .setBkTxCd(code(entry.code()))
                .addNtryDtls(new EntryDetails9().addTxDtls(transaction));
        if (entry.reversal()) {
            out.setRvslInd(Boolean.TRUE);
        }
        if (!entry.information().isBlank()) {
            out.setAddtlNtryInf(truncate(entry.information(), MAX_TEXT_500));
        }
        return out;
    }

    private static BankTransactionCodeStructure4 code(BankStatement.TransactionCode code) {
        BankTransactionCodeStructure4 out = new BankTransactionCodeStructure4()
                .setPrtry(new ProprietaryBankTransactionCodeStructure1()
                        .setCd(code.proprietary())
                        .setIssr(ISSUER));
        if (code.domain().isPresent()) {
            out.setDomn(new BankTransactionCodeStructure5()
                    .setCd(code.domain().get())
                    .setFmly(new BankTransactionCodeStructure6()
                            .setCd(code.family().orElseThrow())
                            .setSubFmlyCd(code.subFamily().orElseThrow())));
        }
        return out;
    }

    /**
     * Reads a camt.053.001.08 statement back: its days with their booked balances and entries.
     *
     * @throws InvalidInputException PAYMENT_SCHEMA_INVALID, STATEMENT_BALANCE_MISSING
     */
    public static BankStatement read(String xml) {
        MessageSchemas.requireValid(MessageKind.CAMT_053, xml);
        BankToCustomerStatementV08 document = MxCamt05300108.parse(xml).getBkToCstmrStmt();
        List<BankStatement.Day> days = new ArrayList<>();
        BankStatement.Account account = null;
        for (AccountStatement9 statement : document.getStmt()) {
            account = readAccount(statement.getAcct());
            days.add(readDay(statement, account.currency()));
        }
        if (account == null) {
            throw new InvalidInputException("STATEMENT_EMPTY", "the camt.053 holds no statement");
        }
        return new BankStatement(
                document.getGrpHdr().getMsgId(),
                document.getGrpHdr().getCreDtTm().toInstant(),
                account,
                days);
    }

    private static BankStatement.Account readAccount(CashAccount39 account) {
        Optional<String> iban = Optional.ofNullable(account.getId().getIBAN());
        String identification = iban.orElseGet(() -> account.getId().getOthr().getId());
        Currency currency = Currency.of(account.getCcy());
        return new BankStatement.Account(
                identification,
                iban,
                currency,
                account.getNm() == null ? "" : account.getNm(),
                account.getOwnr() == null || account.getOwnr().getNm() == null
                        ? ""
                        : account.getOwnr().getNm(),
                account.getSvcr() == null
                        ? ""
                        : account.getSvcr().getFinInstnId().getNm());
    }

    private static BankStatement.Day readDay(AccountStatement9 statement, Currency currency) {
        List<BankStatement.Entry> entries = new ArrayList<>();
        for (ReportEntry10 entry : statement.getNtry()) {
            entries.add(readEntry(entry));
        }
        return new BankStatement.Day(
                statement.getId(),
                statement.getElctrncSeqNb() == null
                        ? 0
                        : statement.getElctrncSeqNb().longValueExact(),
                balanceOf(statement, "CLBD").getDt().getDt(),
                statement.getFrToDt().getFrDtTm().toInstant(),
                statement.getFrToDt().getToDtTm().toInstant().plusSeconds(1),
                signed(balanceOf(statement, "OPBD")),
                signed(balanceOf(statement, "CLBD")),
                signedOptional(statement, "CLAV").orElse(signed(balanceOf(statement, "CLBD"))),
                entries);
    }

    private static BankStatement.Entry readEntry(ReportEntry10 entry) {
        Optional<EntryTransaction10> transaction = entry.getNtryDtls().stream()
                .flatMap(details -> details.getTxDtls().stream())
                .findFirst();
        Optional<TransactionReferences6> references = transaction.map(EntryTransaction10::getRefs);
        BankTransactionCodeStructure4 code = entry.getBkTxCd();
        BankStatement.TransactionCode transactionCode = new BankStatement.TransactionCode(
                Optional.ofNullable(code.getDomn()).map(BankTransactionCodeStructure5::getCd),
                Optional.ofNullable(code.getDomn()).map(d -> d.getFmly().getCd()),
                Optional.ofNullable(code.getDomn()).map(d -> d.getFmly().getSubFmlyCd()),
                code.getPrtry() == null ? "" : code.getPrtry().getCd());
        return new BankStatement.Entry(
                entry.getNtryRef() == null ? "" : entry.getNtryRef(),
                IsoValues.money(entry.getAmt()),
                entry.getCdtDbtInd() == CreditDebitCode.CRDT,
                Boolean.TRUE.equals(entry.isRvslInd()),
                entry.getBookgDt().getDtTm().toInstant(),
                entry.getValDt().getDt(),
                entry.getAcctSvcrRef() == null ? "" : entry.getAcctSvcrRef(),
                transactionCode,
                references.flatMap(r -> IsoValues.text(r.getEndToEndId())),
                references.flatMap(r -> IsoValues.uetr(r.getUETR())),
                transaction
                        .map(EntryTransaction10::getRmtInf)
                        .map(remittance -> IsoValues.lines(remittance.getUstrd()))
                        .orElse(List.of()),
                entry.getAddtlNtryInf() == null ? "" : entry.getAddtlNtryInf());
    }

    private static CashBalance8 balanceOf(AccountStatement9 statement, String type) {
        return statement.getBal().stream()
                .filter(balance -> type.equals(balance.getTp().getCdOrPrtry().getCd()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "STATEMENT_BALANCE_MISSING",
                        "statement " + statement.getId() + " has no " + type + " balance"));
    }

    private static Optional<Money> signedOptional(AccountStatement9 statement, String type) {
        return statement.getBal().stream()
                .filter(balance -> type.equals(balance.getTp().getCdOrPrtry().getCd()))
                .findFirst()
                .map(Camt053::signed);
    }

    private static Money signed(CashBalance8 balance) {
        Money amount = IsoValues.money(balance.getAmt());
        return balance.getCdtDbtInd() == CreditDebitCode.DBIT ? amount.negate() : amount;
    }

    private static Money absolute(Money amount) {
        return amount.isNegative() ? amount.negate() : amount;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static void requireLength(String what, String value, int max) {
        if (value == null || value.isEmpty() || value.length() > max) {
            throw new InvalidInputException("STATEMENT_FIELD_LENGTH", what + " must be 1 to " + max + " characters");
        }
    }
}
