package org.corridor.payments;

import com.prowidesoftware.swift.model.mx.MxPacs00200111;
import com.prowidesoftware.swift.model.mx.dic.FIToFIPaymentStatusReportV11;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupHeader17;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction123;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.InvalidInputException;

/**
 * Reads an ISO 20022 pacs.002.001.11 payment status report. The document is validated against its
 * schema (hostile XML refused, with line and column) before it is parsed. Thread-safe.
 */
public final class Pacs002 {

    private Pacs002() {}

    /**
     * The report's statuses, one per payment it names; a report with only a group status gives one
     * status for its original message.
     *
     * @throws InvalidInputException PAYMENT_SCHEMA_INVALID, or STATUS_REPORT_EMPTY when it names no
     *     payment and no group status
     */
    public static StatusReport read(String xml) {
        MessageSchemas.requireValid(MessageKind.PACS_002, xml);
        FIToFIPaymentStatusReportV11 report = MxPacs00200111.parse(xml).getFIToFIPmtStsRpt();
        List<PaymentStatus> statuses = new ArrayList<>();
        for (PaymentTransaction123 transaction : report.getTxInfAndSts()) {
            statuses.add(transaction(report, transaction));
        }
        if (statuses.isEmpty()) {
            for (OriginalGroupHeader17 group : report.getOrgnlGrpInfAndSts()) {
                if (group.getGrpSts() != null) {
                    statuses.add(new PaymentStatus(
                            IsoValues.text(group.getOrgnlMsgId()),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            group.getGrpSts(),
                            reason(group.getStsRsnInf()),
                            information(group.getStsRsnInf()),
                            Optional.empty()));
                }
            }
        }
        if (statuses.isEmpty()) {
            throw new InvalidInputException(
                    "STATUS_REPORT_EMPTY", "the pacs.002 gives the status of no payment and no group");
        }
        return new StatusReport(
                report.getGrpHdr().getMsgId(), report.getGrpHdr().getCreDtTm().toInstant(), statuses);
    }

    private static PaymentStatus transaction(FIToFIPaymentStatusReportV11 report, PaymentTransaction123 transaction) {
        Optional<String> originalMessage = transaction.getOrgnlGrpInf() != null
                ? IsoValues.text(transaction.getOrgnlGrpInf().getOrgnlMsgId())
                : report.getOrgnlGrpInfAndSts().stream()
                        .map(OriginalGroupHeader17::getOrgnlMsgId)
                        .findFirst()
                        .flatMap(IsoValues::text);
        String status = transaction.getTxSts() != null
                ? transaction.getTxSts()
                : report.getOrgnlGrpInfAndSts().stream()
                        .map(OriginalGroupHeader17::getGrpSts)
                        .filter(s -> s != null)
                        .findFirst()
                        .orElseThrow(() -> new InvalidInputException(
                                "STATUS_MISSING", "a transaction of the pacs.002 carries no status"));
        return new PaymentStatus(
                originalMessage,
                IsoValues.text(transaction.getOrgnlEndToEndId()),
                IsoValues.uetr(transaction.getOrgnlUETR()),
                IsoValues.text(transaction.getOrgnlInstrId()),
                status,
                reason(transaction.getStsRsnInf()),
                information(transaction.getStsRsnInf()),
                IsoValues.instant(transaction.getAccptncDtTm()));
    }

    private static Optional<String> reason(List<StatusReasonInformation12> reasons) {
        return reasons.stream()
                .filter(r -> r.getRsn() != null)
                .map(r -> r.getRsn().getCd() != null
                        ? r.getRsn().getCd()
                        : r.getRsn().getPrtry())
                .filter(r -> r != null && !r.isBlank())
                .findFirst();
    }

    private static List<String> information(List<StatusReasonInformation12> reasons) {
        List<String> lines = new ArrayList<>();
        reasons.forEach(r -> lines.addAll(IsoValues.lines(r.getAddtlInf())));
        return lines;
    }
}
