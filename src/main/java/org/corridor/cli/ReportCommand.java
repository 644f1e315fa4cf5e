package org.corridor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.corridor.app.Corridor;
import org.corridor.identity.Permission;
import org.corridor.report.ReportDocument;
import org.corridor.report.ReportFormat;
import org.corridor.report.ReportName;
import org.corridor.report.ReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
final class ReportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    SignIn signIn;

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

    @Override
    public Integer call() throws IOException {
        ReportName report = ReportName.parse(name);
        ReportFormat reportFormat = ReportFormat.parse(format);
        report.check(reportFormat);
        LocalDate first = SettlementCommand.date("--from", from);
        LocalDate last = SettlementCommand.date("--to", to);
        byte[] bytes;
        try (Corridor corridor = database.open()) {
            ReportDocument document = corridor.reports()
                    .report(report, first, last, signIn.actor(corridor, Permission.REPORT_READ, "report"));
            bytes = ReportRenderer.render(document, reportFormat);
        }
        if (output == null) {
            OutputStream out = System.out;
            out.write(bytes);
            out.flush();
        } else {
            Files.write(output, bytes);
            System.out.println("written " + report.code() + " to " + output + " (" + bytes.length + " bytes)");
        }
        return 0;
    }
}
