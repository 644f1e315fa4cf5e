package org.corridor.cli;

import java.time.LocalDate;
import java.util.List;
import org.corridor.app.Corridor;
import org.corridor.identity.Permission;
import org.corridor.report.Alert;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description =
                "List the alerts as of a date: expiry, idle funds, waiting requests, overdue documents, new hits.")
final class AlertsCommand extends SignedInCommand {

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Default: today in the channel's zone.")
    String asOf;

    @Override
    void run(Corridor corridor) {
        LocalDate date = asOf == null ? corridor.reports().today() : SettlementCommand.date("--as-of", asOf);
        List<Alert> alerts = corridor.reports().alerts(date, actor(corridor, Permission.REPORT_READ));
        if (alerts.isEmpty()) {
            System.out.println("no alerts on " + date);
        }
        for (Alert alert : alerts) {
            System.out.println(alert.severity().toUpperCase(java.util.Locale.ROOT) + "  " + alert.kind() + "  "
                    + alert.subject() + "  " + alert.message());
        }
    }
}
