package org.corridor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.http.JsonSupport;
import org.corridor.settlement.ReconciliationReport;
import org.corridor.settlement.SettlementViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "reconciliation",
        description = "RPT-6: deliveries, invoices and deposits per contract and month, differences flagged.")
final class SettlementReconciliationCommand extends CorridorCommand {

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First period start, YYYY-MM-DD.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last period start, YYYY-MM-DD.")
    String to;

    @Option(names = "--format", paramLabel = "csv|json", description = "Default: ${DEFAULT-VALUE}.")
    String format = "csv";

    @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of the console.")
    Path output;

    @Override
    void check() {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new InvalidInputException("REPORT_FORMAT_UNKNOWN", "--format is csv or json");
        }
    }

    @Override
    void run(Corridor corridor) throws IOException {
        ReconciliationReport report = corridor.settlement()
                .reconciliation()
                .report(SettlementCommand.date("--from", from), SettlementCommand.date("--to", to));
        String text = format.equals("csv") ? report.csv() : json(report);
        Output.text(output, text, () -> "written " + output);
    }

    private static String json(ReconciliationReport report) throws JsonProcessingException {
        return JsonSupport.mapper()
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(SettlementViews.ReconciliationView.of(report))
                + "\n";
    }
}
