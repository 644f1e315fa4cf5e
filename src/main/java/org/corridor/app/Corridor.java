package org.corridor.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.audit.AuditLog;
import org.corridor.audit.AuditStore;
import org.corridor.authorisation.AuthorisationStore;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.Eligibility;
import org.corridor.authorisation.EligibilityRuleStore;
import org.corridor.db.Database;
import org.corridor.identity.UserStore;
import org.corridor.identity.Users;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.LedgerStore;
import org.corridor.ownership.ListingLookup;
import org.corridor.ownership.Ownership;
import org.corridor.ownership.OwnershipStore;
import org.corridor.release.ApprovalPolicy;
import org.corridor.release.PartyScreening;
import org.corridor.release.ReleaseStore;
import org.corridor.release.Releases;
import org.corridor.screening.ListSnapshot;
import org.corridor.screening.Screener;
import org.corridor.screening.ShippedLists;
import org.corridor.settlement.Settlement;
import org.corridor.settlement.SettlementStore;
import org.corridor.vessel.VesselStore;
import org.corridor.vessel.Vessels;

/**
 * One running Corridor: the database and every feature wired to it. The edges hold one instance
 * and ask it for the features they expose. Thread-safe; close it to release the database.
 */
public final class Corridor implements AutoCloseable {

    private final Config config;
    private final Database database;
    private final Clock clock;
    private final AuditStore auditStore;
    private final AuditLog auditLog;
    private final Users users;
    private final PrometheusMeterRegistry metrics;
    private final Authorisations authorisations;
    private final Eligibility eligibility;
    private final Ownership ownership;
    private final Vessels vessels;
    private final LedgerStore ledgerStore;
    private final Ledger ledger;
    private final Settlement settlement;
    private final Releases releases;
    private volatile PartyScreening shippedLists;

    public Corridor(Config config, Database database, Clock clock, PrometheusMeterRegistry metrics) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.metrics = metrics;
        this.auditStore = new AuditStore(database, clock);
        this.auditLog = new AuditLog(auditStore);
        this.users = new Users(new UserStore(database, auditStore), clock);
        this.authorisations =
                new Authorisations(new AuthorisationStore(database, auditStore, clock), clock, config.zone());
        this.eligibility = new Eligibility(new EligibilityRuleStore(database, auditStore), clock, config.zone());
        // Who is listed: the graph's own designations for now; the screening engine's ListingLookup
        // joins here (passed to Ownership, and added to the vessels' lookup) once it lands.
        this.ownership =
                new Ownership(new OwnershipStore(database, auditStore), ListingLookup.NONE, clock, config.zone());
        this.vessels = new Vessels(
                new VesselStore(database, auditStore), ownership, ownership.designations(), clock, config.zone());
        this.ledgerStore = new LedgerStore(database, auditStore, clock);
        this.ledger = new Ledger(ledgerStore, clock);
        this.settlement = new Settlement(
                new SettlementStore(database, auditStore, ledgerStore, authorisations.store(), clock),
                ledger,
                authorisations,
                clock,
                config.zone());
        // Releases screen names over the shipped list snapshots, loaded on first use; the
        // database-backed screening facade takes this place when it lands.
        this.releases = new Releases(
                new ReleaseStore(
                        database, auditStore, ledgerStore, settlement.lots().store(), authorisations.store(), clock),
                party -> shippedLists().screen(party),
                authorisations,
                eligibility,
                ownership,
                vessels,
                ledger,
                settlement,
                ApprovalPolicy.DEFAULT,
                clock,
                config.zone());
    }

    private PartyScreening shippedLists() {
        PartyScreening lists = shippedLists;
        if (lists == null) {
            synchronized (this) {
                if (shippedLists == null) {
                    List<ListSnapshot> snapshots = ShippedLists.load();
                    Map<String, String> versions = new TreeMap<>();
                    snapshots.forEach(snapshot -> versions.put(
                            snapshot.list().name(), snapshot.publishedOn() + "/" + snapshot.sourceSha256()));
                    shippedLists = PartyScreening.over(Screener.ofSnapshots(snapshots), versions);
                }
                lists = shippedLists;
            }
        }
        return lists;
    }

    /** Opens the configured database, applies pending migrations and wires the features. */
    public static Corridor open(Config config) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Database database = Database.open(config.databaseSettings(), metrics);
        try {
            database.migrate();
            return new Corridor(config, database, Clock.systemUTC(), metrics);
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

    public AuditStore auditStore() {
        return auditStore;
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

    /** For features that post inside their own transaction ({@link LedgerStore#postWithin}). */
    public LedgerStore ledgerStore() {
        return ledgerStore;
    }

    /** Energy settlement: restricted accounts and their lots, contracts, deposits, conversions. */
    public Settlement settlement() {
        return settlement;
    }

    /** Disbursement requests from submission to payment (the only way money leaves a restricted account). */
    public Releases releases() {
        return releases;
    }

    @Override
    public void close() {
        database.close();
    }
}
