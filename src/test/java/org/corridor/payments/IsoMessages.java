package org.corridor.payments;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * Bank messages as a correspondent or the payer's bank would send them, written out as XML text
 * (not by Corridor's own writers, so that the readers are tested against documents built apart).
 */
public final class IsoMessages {

    private IsoMessages() {}

    /** The payment a status or return speaks of: its pacs.008 message id, end-to-end id and UETR. */
    public record Original(String messageId, String endToEndId, UUID uetr) {}

    /** A pacs.002.001.11 with one transaction status, and a reason code when {@code reason} is given. */
    public static String pacs002(String messageId, Original original, String status, Optional<String> reason) {
        String reasonXml = reason.map(code -> """
                      <StsRsnInf>
                        <Rsn><Cd>%s</Cd></Rsn>
                        <AddtlInf>Status reason given by the correspondent</AddtlInf>
                      </StsRsnInf>
                """.formatted(code)).orElse("");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.11">
                  <FIToFIPmtStsRpt>
                    <GrpHdr>
                      <MsgId>%s</MsgId>
                      <CreDtTm>2024-07-17T14:05:00Z</CreDtTm>
                    </GrpHdr>
                    <OrgnlGrpInfAndSts>
                      <OrgnlMsgId>%s</OrgnlMsgId>
                      <OrgnlMsgNmId>pacs.008.001.09</OrgnlMsgNmId>
                    </OrgnlGrpInfAndSts>
                    <TxInfAndSts>
                      <OrgnlEndToEndId>%s</OrgnlEndToEndId>
                      <OrgnlUETR>%s</OrgnlUETR>
                      <TxSts>%s</TxSts>
                %s    </TxInfAndSts>
                  </FIToFIPmtStsRpt>
                </Document>
                """.formatted(
                        messageId, original.messageId(), original.endToEndId(), original.uetr(), status, reasonXml);
    }

    /** A pacs.004.001.10 returning {@code returned} of {@code original}, with {@code charges} withheld. */
    public static String pacs004(
            String messageId,
            Original original,
            Money originalAmount,
            Money returned,
            Money charges,
            LocalDate settled,
            String reason) {
        String chargesXml =
                charges.isPositive() ? """
                      <ChrgsInf>
                        <Amt Ccy="%s">%s</Amt>
                        <Agt><FinInstnId><BICFI>UBSWCHZH80A</BICFI></FinInstnId></Agt>
                      </ChrgsInf>
                """.formatted(charges.currency().code(), charges.toDecimalString()) : "";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.004.001.10">
                  <PmtRtr>
                    <GrpHdr>
                      <MsgId>%s</MsgId>
                      <CreDtTm>%sT09:30:00Z</CreDtTm>
                      <NbOfTxs>1</NbOfTxs>
                      <SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf>
                    </GrpHdr>
                    <TxInf>
                      <RtrId>RTR-%s</RtrId>
                      <OrgnlGrpInf>
                        <OrgnlMsgId>%s</OrgnlMsgId>
                        <OrgnlMsgNmId>pacs.008.001.09</OrgnlMsgNmId>
                      </OrgnlGrpInf>
                      <OrgnlEndToEndId>%s</OrgnlEndToEndId>
                      <OrgnlUETR>%s</OrgnlUETR>
                      <OrgnlIntrBkSttlmAmt Ccy="%s">%s</OrgnlIntrBkSttlmAmt>
                      <RtrdIntrBkSttlmAmt Ccy="%s">%s</RtrdIntrBkSttlmAmt>
                      <IntrBkSttlmDt>%s</IntrBkSttlmDt>
                      <ChrgBr>CRED</ChrgBr>
                %s      <RtrRsnInf>
                        <Rsn><Cd>%s</Cd></Rsn>
                        <AddtlInf>Returned by the beneficiary's bank</AddtlInf>
                      </RtrRsnInf>
                    </TxInf>
                  </PmtRtr>
                </Document>
                """.formatted(
                        messageId,
                        settled,
                        messageId,
                        original.messageId(),
                        original.endToEndId(),
                        original.uetr(),
                        originalAmount.currency().code(),
                        originalAmount.toDecimalString(),
                        returned.currency().code(),
                        returned.toDecimalString(),
                        settled,
                        chargesXml,
                        reason);
    }

    /**
     * One credit of a camt.054: the bank's reference, the amount, the value date, the payer and its
     * remittance reference (an invoice number), and the rate of exchange the bank states, if any.
     */
    public record Credit(
            String servicerReference,
            Money amount,
            LocalDate valueDate,
            String debtor,
            String reference,
            Optional<String> exchange) {}

    /** A camt.054.001.08 announcing {@code credits} on the account {@code iban}. */
    public static String camt054(String messageId, String iban, List<Credit> credits) {
        StringBuilder entries = new StringBuilder();
        int number = 0;
        for (Credit credit : credits) {
            number++;
            String exchange = credit.exchange()
                    .map(rate -> """
                                  <AmtDtls>
                                    <InstdAmt>
                                      <Amt Ccy="%s">%s</Amt>
                                      <CcyXchg><SrcCcy>EUR</SrcCcy><TrgtCcy>%s</TrgtCcy><UnitCcy>EUR</UnitCcy><XchgRate>%s</XchgRate></CcyXchg>
                                    </InstdAmt>
                                  </AmtDtls>
                            """.formatted(
                                    credit.amount().currency().code(),
                                    credit.amount().toDecimalString(),
                                    credit.amount().currency().code(),
                                    rate))
                    .orElse("");
            entries.append("""
                          <Ntry>
                            <NtryRef>%d</NtryRef>
                            <Amt Ccy="%s">%s</Amt>
                            <CdtDbtInd>CRDT</CdtDbtInd>
                            <Sts><Cd>BOOK</Cd></Sts>
                            <BookgDt><Dt>%s</Dt></BookgDt>
                            <ValDt><Dt>%s</Dt></ValDt>
                            <AcctSvcrRef>%s</AcctSvcrRef>
                            <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                            <NtryDtls>
                              <TxDtls>
                                <Refs><AcctSvcrRef>%s</AcctSvcrRef><EndToEndId>%s</EndToEndId></Refs>
                                <Amt Ccy="%s">%s</Amt>
                                <CdtDbtInd>CRDT</CdtDbtInd>
                    %s            <RltdPties><Dbtr><Pty><Nm>%s</Nm></Pty></Dbtr></RltdPties>
                                <RmtInf>
                                  <Strd><CdtrRefInf><Ref>%s</Ref></CdtrRefInf></Strd>
                                </RmtInf>
                              </TxDtls>
                            </NtryDtls>
                          </Ntry>
                    """.formatted(
                            number,
                            credit.amount().currency().code(),
                            credit.amount().toDecimalString(),
                            credit.valueDate(),
                            credit.valueDate(),
                            credit.servicerReference(),
                            credit.servicerReference(),
                            credit.reference(),
                            credit.amount().currency().code(),
                            credit.amount().toDecimalString(),
                            exchange,
                            credit.debtor(),
                            credit.reference()));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr>
                      <MsgId>%s</MsgId>
                      <CreDtTm>2024-07-03T16:00:00Z</CreDtTm>
                    </GrpHdr>
                    <Ntfctn>
                      <Id>%s-1</Id>
                      <Acct>
                        <Id><IBAN>%s</IBAN></Id>
                      </Acct>
                %s    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """.formatted(messageId, messageId, iban, entries);
    }
}
