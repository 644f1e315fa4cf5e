package org.corridor.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.settlement.Conversion;
import org.corridor.settlement.ConversionExecution;
import org.corridor.settlement.Deposit;
import org.corridor.settlement.RestrictedTransfer;
import org.corridor.settlement.Settlement;
import org.corridor.transaction.Transactions;

/**
 * Retention and legal holds (FR-34): a record is kept for the configured years after its date
 * (default 10), and beyond while a legal hold covers it. Holds are placed and released with a
 * reason, audited. The check reports; it never deletes anything, and the audit chain is never
 * shortened. Thread-safe.
 */
public final class Retention {

    private static final int PAGE = 1_000;

    private final Transactions transactions;
    private final LegalHoldStore store = new LegalHoldStore();
    private final Settlement settlement;
    private final AuditLog audit;
    private final ReleaseRecords releases;
    private final ReportSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    Retention(
            Transactions transactions,
            Settlement settlement,
            AuditLog audit,
            ReleaseRecords releases,
            ReportSettings settings,
            Clock clock,
            ZoneId zone) {
        this.transactions = transactions;
        this.settlement = settlement;
        this.audit = audit;
        this.releases = releases;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
    }

    public LegalHold place(Actor by, String subject, String reason) {
        String cleanSubject = subject(subject);
        String cleanReason = reason(reason);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LegalHold hold = new LegalHold(
                UUID.randomUUID(),
                cleanSubject,
                cleanReason,
                by.name(),
                now,
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty());
        transactions.useTransaction(tx -> {
            store.insert(tx, hold);
            audit.append(
                    tx,
                    AuditEvent.of(
                            by,
                            "LEGAL_HOLD_PLACED",
                            "legal-hold:" + hold.id(),
                            CanonicalJson.fields("subject", cleanSubject, "reason", cleanReason),
                            CanonicalJson.fields("id", hold.id().toString())));
        });
        return hold;
    }

    public LegalHold release(Actor by, UUID id, String reason) {
        String cleanReason = reason(reason);
        LegalHold hold = get(id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean released = transactions.inTransaction(tx -> {
            if (!store.release(tx, id, by.name(), now, cleanReason)) {
                return false;
            }
            audit.append(
                    tx,
                    AuditEvent.of(
                            by,
                            "LEGAL_HOLD_RELEASED",
                            "legal-hold:" + id,
                            CanonicalJson.fields("subject", hold.subject(), "reason", cleanReason),
                            CanonicalJson.fields("id", id.toString())));
            return true;
        });
        if (!released) {
            throw new org.corridor.ConflictException(
                    "LEGAL_HOLD_ALREADY_RELEASED", "the legal hold " + id + " is already released");
        }
        return get(id);
    }

    public LegalHold get(UUID id) {
        return transactions
                .read(tx -> store.byId(tx, id))
                .orElseThrow(() -> new NotFoundException("LEGAL_HOLD_NOT_FOUND", "no legal hold with id " + id));
    }

    public List<LegalHold> holds() {
        return transactions.read(store::all);
    }

    /** What is past retention as of {@code asOf}, and which holds keep what. */
    public RetentionView check(LocalDate asOf) {
        LocalDate cutoff = asOf.minusYears(settings.retentionYears());
        List<LegalHold> active = holds().stream().filter(LegalHold::active).toList();
        List<RetentionView.RetentionRecord> records = new ArrayList<>();
        for (Dated record : businessRecords(cutoff)) {
            if (record.date().isBefore(cutoff)) {
                records.add(retentionRecord(record, active));
            }
        }
        records.sort(Comparator.comparing(RetentionView.RetentionRecord::date)
                .thenComparing(RetentionView.RetentionRecord::id));
        return new RetentionView(asOf, settings.retentionYears(), cutoff, records, auditEntriesBefore(cutoff), active);
    }

    /** A business record: the date its retention runs from, and the subjects a hold may name to keep it. */
    private record Dated(String kind, String id, LocalDate date, List<String> subjects) {}

    /** Deposits, conversions, restricted transfers, and disbursements up to {@code cutoff}. */
    private List<Dated> businessRecords(LocalDate cutoff) {
        AccountNames accounts = AccountNames.of(settlement);
        List<Dated> all = new ArrayList<>();
        for (Deposit deposit : settlement.deposits().list(java.util.Optional.empty())) {
            all.add(new Dated(
                    RetentionView.RetentionRecord.Kind.DEPOSIT.name(),
                    deposit.id().toString(),
                    deposit.valueDate(),
                    List.of(
                            "deposit:" + deposit.id(),
                            "account:" + accounts.name(deposit.accountId()),
                            "contract:" + deposit.contractReference())));
        }
        for (Conversion conversion : settlement.conversions().list()) {
            LocalDate last = conversion.executions().stream()
                    .map(ConversionExecution::valueDate)
                    .max(Comparator.naturalOrder())
                    .orElse(conversion.requestedOn());
            all.add(new Dated(
                    RetentionView.RetentionRecord.Kind.CONVERSION.name(),
                    conversion.id().toString(),
                    last,
                    List.of(
                            "conversion:" + conversion.id(),
                            "account:" + accounts.name(conversion.sourceAccountId()),
                            "account:" + accounts.name(conversion.destinationAccountId()))));
        }
        for (RestrictedTransfer transfer : settlement.transfers().list()) {
            all.add(new Dated(
                    RetentionView.RetentionRecord.Kind.RESTRICTED_TRANSFER.name(),
                    transfer.id().toString(),
                    transfer.valueDate(),
                    List.of(
                            "transfer:" + transfer.id(),
                            "account:" + accounts.name(transfer.sourceAccountId()),
                            "account:" + accounts.name(transfer.destinationAccountId()))));
        }
        for (ReleaseRecords.Disbursement disbursement : releases.disbursements(LocalDate.of(1900, 1, 1), cutoff)) {
            all.add(new Dated(
                    RetentionView.RetentionRecord.Kind.DISBURSEMENT.name(),
                    disbursement.requestId(),
                    disbursement.valueDate(),
                    List.of("request:" + disbursement.requestId(), "account:" + disbursement.sourceAccount())));
        }
        return all;
    }

    private RetentionView.RetentionRecord retentionRecord(Dated record, List<LegalHold> active) {
        List<String> holding = active.stream()
                .filter(hold -> record.subjects().stream().anyMatch(hold::covers))
                .map(hold -> hold.id().toString())
                .toList();
        return new RetentionView.RetentionRecord(
                record.kind(),
                record.id(),
                record.date(),
                record.date().plusYears(settings.retentionYears()),
                record.subjects(),
                (holding.isEmpty()
                                ? RetentionView.RetentionRecord.Status.ELIGIBLE
                                : RetentionView.RetentionRecord.Status.LEGAL_HOLD)
                        .name(),
                holding);
    }

    private long auditEntriesBefore(LocalDate cutoff) {
        Instant end = cutoff.atStartOfDay(zone).toInstant();
        long count = 0;
        long after = 0;
        while (true) {
            List<AuditEntry> page = audit.list(Instant.EPOCH, end, after, PAGE);
            count += page.size();
            if (page.size() < PAGE) {
                return count;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    private static String subject(String subject) {
        String value = subject == null ? "" : subject.trim();
        if (!value.equals("all") && !value.matches("[a-z]+:[^\\s].{0,190}")) {
            throw new InvalidInputException(
                    "LEGAL_HOLD_SUBJECT_INVALID",
                    "a legal hold names 'all' or kind:key, e.g. account:NIGC-IQD-R, contract:NIGC-GAS-2024, request:DR-2024-0412");
        }
        return value;
    }

    private static String reason(String reason) {
        String value = reason == null ? "" : reason.trim();
        if (value.isEmpty() || value.length() > 2000) {
            throw new InvalidInputException(
                    "LEGAL_HOLD_REASON_REQUIRED", "a legal hold needs a reason (up to 2000 characters)");
        }
        return value;
    }
}
