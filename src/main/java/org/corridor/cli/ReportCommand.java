package org.corridor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.corridor.app.Corridor;
import org.corridor.identity.Permission;
import org.corridor.report.ReportDocument;
import org.corridor.report.ReportFormat;
import org.corridor.report.ReportName;
import org.corridor.report.ReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Produce a report over [--from, --to] (business dates, inclusive).",
            "NAME: rpt-1 .. rpt-10 (any case), or monthly-channel-report, idle-funds, authorisation-calendar,"
                    + " screening-hits, rejected-transactions, energy-reconciliation, disbursement-register,"
                    + " post-payment-exceptions, audit-extract, prior-approval-requests.",
            "Every report is produced as csv and json; rpt-1, rpt-2 and rpt-3 also as pdf with charts."
        })
final class ReportCommand extends SignedInCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "rpt-1 .. rpt-10, or a report's name.")
    String name;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First business date covered.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last business date covered.")
    String to;

    @Option(names = "--format", paramLabel = "csv|json|pdf", description = "Default: ${DEFAULT-VALUE}.")
    String format = "csv";

    @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of the console.")
    Path output;

    private ReportName report;
    private ReportFormat reportFormat;
    private LocalDate first;
    private LocalDate last;

    @Override
    void check() {
        report = ReportName.parse(name);
        reportFormat = ReportFormat.parse(format);
        report.check(reportFormat);
        first = SettlementCommand.date("--from", from);
        last = SettlementCommand.date("--to", to);
    }

    @Override
    void run(Corridor corridor) throws IOException {
        ReportDocument document =
                corridor.reports().report(report, first, last, actor(corridor, Permission.REPORT_READ));
        byte[] bytes = ReportRenderer.render(document, reportFormat);
        Output.bytes(
                output, bytes, () -> "written " + report.code() + " to " + output + " (" + bytes.length + " bytes)");
    }
}
