package org.corridor.payments;

import com.prowidesoftware.swift.model.mx.MxPacs00800109;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction43;
import com.prowidesoftware.swift.model.mx.dic.FIToFICustomerCreditTransferV09;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader93;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification13;
import com.prowidesoftware.swift.model.mx.dic.PostalAddress24;
import com.prowidesoftware.swift.model.mx.dic.Purpose2Choice;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.SettlementInstruction7;
import com.prowidesoftware.swift.model.mx.dic.SettlementMethod1Code;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * Writes a {@link PaymentInstruction} as an ISO 20022 pacs.008.001.09 customer credit transfer and
 * reads one back. Every message written is validated against the schema before it leaves; every
 * message read is validated (with hostile XML refused) before it is parsed. Thread-safe.
 */
public final class Pacs008 {

    private static final int MAX_TEXT_35 = 35;
    private static final int MAX_TEXT_140 = 140;

    private Pacs008() {}

    /** The pacs.008 XML of an instruction; refuses an instruction the schema would reject. */
    public static String write(PaymentInstruction instruction) {
        requireLength("message id", instruction.messageId(), MAX_TEXT_35);
        requireLength("end-to-end id", instruction.endToEndId(), MAX_TEXT_35);
        requireLength("instruction id", instruction.instructionId(), MAX_TEXT_35);
        if (!instruction.amount().isPositive()) {
            throw new InvalidInputException("PAYMENT_AMOUNT_NOT_POSITIVE", "a payment moves a positive amount");
        }
        GroupHeader93 header = new GroupHeader93()
                .setMsgId(instruction.messageId())
                .setCreDtTm(
                        instruction.createdAt().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
                .setNbOfTxs("1")
                .setSttlmInf(new SettlementInstruction7().setSttlmMtd(SettlementMethod1Code.INDA));
        FIToFICustomerCreditTransferV09 transfer = new FIToFICustomerCreditTransferV09().setGrpHdr(header);
        transfer.getCdtTrfTxInf().add(transaction(instruction));
        return validated(new MxPacs00800109().setFIToFICstmrCdtTrf(transfer));
    }

    /** The instruction's one credit transfer: ids, amount, date, the parties and their agents, purpose and remittance. */
    private static CreditTransferTransaction43 transaction(PaymentInstruction instruction) {
        CreditTransferTransaction43 transaction = new CreditTransferTransaction43()
                .setPmtId(new PaymentIdentification13()
                        .setInstrId(instruction.instructionId())
                        .setEndToEndId(instruction.endToEndId())
                        .setUETR(instruction.uetr().toString()))
                .setIntrBkSttlmAmt(new ActiveCurrencyAndAmount()
                        .setValue(instruction.amount().toDecimal())
                        .setCcy(instruction.amount().currency().code()))
                .setIntrBkSttlmDt(instruction.settlementDate())
                .setChrgBr(ChargeBearerType1Code.SHAR)
                .setInstgAgt(agent(instruction.debtor().agent()))
                .setInstdAgt(agent(
                        instruction.intermediary().orElse(instruction.creditor().agent())))
                .setDbtr(party(instruction.debtor()))
                .setDbtrAcct(account(instruction.debtor().account()))
                .setDbtrAgt(agent(instruction.debtor().agent()))
                .setCdtrAgt(agent(instruction.creditor().agent()))
                .setCdtr(party(instruction.creditor()))
                .setCdtrAcct(account(instruction.creditor().account()));
        instruction.intermediary().ifPresent(bic -> transaction.setIntrmyAgt1(agent(bic)));
        instruction.purposeCode().ifPresent(code -> transaction.setPurp(new Purpose2Choice().setCd(code)));
        if (!instruction.remittance().isEmpty()) {
            RemittanceInformation16 remittance = new RemittanceInformation16();
            for (String line : instruction.remittance()) {
                requireLength("remittance line", line, MAX_TEXT_140);
                remittance.addUstrd(line);
            }
            transaction.setRmtInf(remittance);
        }
        return transaction;
    }

    /** The message's XML, checked against the pacs.008 schema before it leaves. */
    private static String validated(MxPacs00800109 message) {
        MxWriteConfiguration format = new MxWriteConfiguration();
        format.documentPrefix = null; // the default namespace, as banks' gateways expect
        format.includeXMLDeclaration = true;
        String xml = message.message(format);
        List<SchemaViolation> violations = MessageSchemas.validatePacs008(xml);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(
                    "PAYMENT_SCHEMA_INVALID",
                    "the payment instruction breaks the pacs.008 schema: " + violations.get(0));
        }
        return xml;
    }

    /**
     * Reads a pacs.008.001.09 document of one transaction. Refuses, with the line and column, any
     * document that is not schema-valid (including any DOCTYPE or external entity).
     */
    public static PaymentInstruction read(String xml) {
        List<SchemaViolation> violations = MessageSchemas.validatePacs008(xml);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(
                    "PAYMENT_SCHEMA_INVALID", "not a valid pacs.008.001.09 document: " + violations.get(0));
        }
        MxPacs00800109 message = MxPacs00800109.parse(xml);
        FIToFICustomerCreditTransferV09 transfer = message.getFIToFICstmrCdtTrf();
        if (transfer.getCdtTrfTxInf().size() != 1) {
            throw new InvalidInputException(
                    "PAYMENT_UNSUPPORTED", "Corridor reads pacs.008 messages of exactly one transaction");
        }
        CreditTransferTransaction43 transaction = transfer.getCdtTrfTxInf().get(0);
        ActiveCurrencyAndAmount amount = transaction.getIntrBkSttlmAmt();
        Currency currency = Currency.of(amount.getCcy());
        List<String> remittance = transaction.getRmtInf() == null
                ? List.of()
                : new ArrayList<>(transaction.getRmtInf().getUstrd());
        return new PaymentInstruction(
                transfer.getGrpHdr().getMsgId(),
                transaction.getPmtId().getEndToEndId(),
                Optional.ofNullable(transaction.getPmtId().getInstrId()).orElse(""),
                UUID.fromString(transaction.getPmtId().getUETR()),
                transfer.getGrpHdr().getCreDtTm().toInstant(),
                transaction.getIntrBkSttlmDt(),
                Money.parse(amount.getValue().stripTrailingZeros().toPlainString(), currency),
                partyOf(transaction.getDbtr(), transaction.getDbtrAcct(), transaction.getDbtrAgt()),
                partyOf(transaction.getCdtr(), transaction.getCdtrAcct(), transaction.getCdtrAgt()),
                Optional.ofNullable(transaction.getIntrmyAgt1())
                        .map(agent -> Bic.parse(agent.getFinInstnId().getBICFI())),
                remittance,
                Optional.ofNullable(transaction.getPurp()).map(Purpose2Choice::getCd));
    }

    private static PaymentParty partyOf(
            PartyIdentification135 party, CashAccount38 account, BranchAndFinancialInstitutionIdentification6 agent) {
        if (party == null
                || account == null
                || agent == null
                || account.getId() == null
                || account.getId().getIBAN() == null) {
            throw new InvalidInputException(
                    "PAYMENT_UNSUPPORTED", "Corridor reads parties identified by name, IBAN and BIC");
        }
        PostalAddress24 address = party.getPstlAdr();
        return new PaymentParty(
                party.getNm(),
                Iban.parse(account.getId().getIBAN()),
                Bic.parse(agent.getFinInstnId().getBICFI()),
                address == null || address.getCtry() == null ? "" : address.getCtry(),
                address == null ? List.of() : address.getAdrLine());
    }

    private static PartyIdentification135 party(PaymentParty party) {
        requireLength("party name", party.name(), MAX_TEXT_140);
        PostalAddress24 address = new PostalAddress24().setCtry(party.country());
        for (String line : party.addressLines()) {
            address.addAdrLine(line);
        }
        return new PartyIdentification135().setNm(party.name()).setPstlAdr(address);
    }

    private static CashAccount38 account(Iban iban) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban.value()));
    }

    private static BranchAndFinancialInstitutionIdentification6 agent(Bic bic) {
        return new BranchAndFinancialInstitutionIdentification6()
                .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(bic.value()));
    }

    private static void requireLength(String what, String value, int max) {
        if (value.isEmpty() || value.length() > max) {
            throw new InvalidInputException("PAYMENT_FIELD_LENGTH", what + " must be 1 to " + max + " characters");
        }
    }
}
