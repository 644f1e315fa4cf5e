package org.corridor.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditLog;
import org.corridor.audit.Checkpoints;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.Eligibility;
import org.corridor.db.Database;
import org.corridor.identity.Users;
import org.corridor.ledger.Ledger;
import org.corridor.ownership.ListingLookup;
import org.corridor.ownership.Ownership;
import org.corridor.payments.Statements;
import org.corridor.release.ApprovalPolicy;
import org.corridor.release.FollowUpDeadlines;
import org.corridor.release.PartyScreening;
import org.corridor.release.PaymentMessages;
import org.corridor.release.Releases;
import org.corridor.report.Alert;
import org.corridor.report.ReportSettings;
import org.corridor.report.Reports;
import org.corridor.screening.Screener;
import org.corridor.screening.Screening;
import org.corridor.screening.ScreeningListings;
import org.corridor.screening.ScreeningResult;
import org.corridor.settlement.Settlement;
import org.corridor.vessel.Vessels;

/**
 * One running Corridor: the database and every feature wired to it. The edges hold one instance
 * and ask it for the features they expose. Thread-safe; close it to release the database.
 */
public final class Corridor implements AutoCloseable {

    private final Config config;
    private final Database database;
    private final Clock clock;
    private final AuditLog auditLog;
    private final Users users;
    private final PrometheusMeterRegistry metrics;
    private final Authorisations authorisations;
    private final Eligibility eligibility;
    private final Screening screening;
    private final Ownership ownership;
    private final Vessels vessels;
    private final Ledger ledger;
    private final Settlement settlement;
    private final Reports reports;
    private final Releases releases;
    private final PaymentMessages paymentMessages;
    private final Statements statements;

    public Corridor(Config config, Database database, Clock clock, PrometheusMeterRegistry metrics) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.metrics = metrics;
        this.auditLog = new AuditLog(
                database.transactions(),
                clock,
                Optional.of(new Checkpoints.Place(
                        config.safeguards().auditKeyIn(config.dataDir()),
                        config.safeguards().auditCheckpointsIn(config.dataDir()))));
        this.users = new Users(database.transactions(), auditLog, clock);
        this.authorisations = new Authorisations(database.transactions(), auditLog, clock, config.zone());
        this.eligibility = new Eligibility(database.transactions(), auditLog, clock, config.zone());
        this.screening = new Screening(
                database.transactions(),
                auditLog,
                clock,
                config.safeguards().lists(),
                config.safeguards().screeningIndexIn(config.dataDir()));
        // Who is listed: exact IMO numbers and name hits from the active sanctions lists, and the
        // graph's own designations (the vessels ask both).
        ListingLookup screeningLookup = new ScreeningListings(screening);
        this.ownership = new Ownership(
                database.transactions(),
                auditLog,
                screeningLookup,
                OwnerScreenings.over(screening),
                clock,
                config.zone());
        this.vessels = new Vessels(
                database.transactions(),
                auditLog,
                ownership,
                ListingLookup.allOf(List.of(screeningLookup, ownership.designations())),
                clock,
                config.zone());
        this.ledger = new Ledger(
                database.transactions(),
                database.singleAttempts(),
                database.reports(),
                auditLog,
                clock,
                config.groupCommit());
        this.settlement =
                new Settlement(database.transactions(), ledger, authorisations, auditLog, clock, config.zone());
        Releases.Features features = new Releases.Features(
                auditLog, authorisations, eligibility, ownership, vessels, ledger, settlement, users);
        this.releases = new Releases(
                database.transactions(),
                features,
                party -> {
                    ScreeningResult result = screening.screen(party);
                    Map<String, String> versions = new TreeMap<>();
                    result.listVersions().forEach((list, version) -> versions.put(list.name(), version));
                    return new PartyScreening.PartyCheck(result.outcome(), versions);
                },
                ApprovalPolicy.DEFAULT,
                FollowUpDeadlines.fromEnvironment(System.getenv()),
                clock,
                config.zone());
        this.paymentMessages = new PaymentMessages(database.transactions(), features, clock, config.zone());
        this.statements = new Statements(ledger, settlement, clock, config.zone());
        // FR-21: a new list version re-screens the parties of every open request against what changed.
        screening.onListsChanged(change -> releases.rescreen(change.delta().entitiesToRescreen(), Actor.SYSTEM));
        // Issue 23: the owners and controllers of the ownership graph, against what changed.
        screening.onListsChanged(change -> ownership
                .ownerHits()
                .rescreen(
                        OwnerScreenings.overChanged(
                                Screener.of(change.delta().entitiesToRescreen()),
                                Map.of(change.list().name(), change.current().label())),
                        Actor.SYSTEM));
        this.reports = new Reports(
                settlement,
                authorisations,
                auditLog,
                database.transactions(),
                releases.reportRecords(),
                ReportSettings.fromEnvironment(System.getenv()),
                clock,
                config.zone(),
                date -> listAlerts(screening, date, LocalDate.now(clock.withZone(config.zone()))));
    }

    /** Screening's notices as alerts (issue 16), for today or later: the lists' past state is not kept. */
    private static List<Alert> listAlerts(Screening screening, LocalDate date, LocalDate today) {
        if (date.isBefore(today)) {
            return List.of();
        }
        return screening.notices().stream()
                .map(notice -> new Alert(
                        notice.kind(),
                        notice.kind().equals("LIST_STALE") ? "bad" : "warn",
                        notice.list().name(),
                        notice.list() + ": " + notice.message(),
                        Optional.empty(),
                        Optional.empty()))
                .toList();
    }

    /** Opens the configured database, applies pending migrations and wires the features. */
    public static Corridor open(Config config) {
        return open(config, Clock.systemUTC());
    }

    /** As {@link #open(Config)}, on the given clock (the demo replays a dated scenario). */
    public static Corridor open(Config config, Clock clock) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Database database = Database.open(config.databaseSettings(), metrics);
        try {
            database.migrate();
            return new Corridor(config, database, clock, metrics);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Config config() {
        return config;
    }

    public ZoneId zone() {
        return config.zone();
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public AuditLog audit() {
        return auditLog;
    }

    /** The registry that /metrics publishes; features may add their own meters. */
    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    public Users users() {
        return users;
    }

    /** The authorisation register and movement coverage. */
    public Authorisations authorisations() {
        return authorisations;
    }

    /** Goods eligibility under the versioned rules. */
    public Eligibility eligibility() {
        return eligibility;
    }

    /** Sanctions screening against the active list versions, list imports and their listeners. */
    public Screening screening() {
        return screening;
    }

    /** The ownership graph and the 50 Percent Rule. */
    public Ownership ownership() {
        return ownership;
    }

    public Vessels vessels() {
        return vessels;
    }

    /** The book of record: restricted accounts, transfers and holds. */
    public Ledger ledger() {
        return ledger;
    }

    /** Energy settlement: restricted accounts and their lots, contracts, deposits, conversions. */
    public Settlement settlement() {
        return settlement;
    }

    /** Reports, idle funds, alerts and retention. */
    public Reports reports() {
        return reports;
    }

    /** Disbursement requests from submission to payment (the only way money leaves a restricted account). */
    public Releases releases() {
        return releases;
    }

    /** Bank messages after the pacs.008: status reports, returns and credit notifications. */
    public PaymentMessages paymentMessages() {
        return paymentMessages;
    }

    /** Bank statements (camt.053) of the restricted accounts. */
    public Statements statements() {
        return statements;
    }

    @Override
    public void close() {
        database.close();
    }
}
