package org.corridor.release;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.DomainException;
import org.corridor.ForbiddenException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.audit.Hashing;
import org.corridor.identity.Permission;
import org.corridor.identity.Role;
import org.corridor.identity.RoleMatrix;
import org.corridor.payments.Camt054;
import org.corridor.payments.CreditNotification;
import org.corridor.payments.MessageKind;
import org.corridor.payments.MessageSchemas;
import org.corridor.payments.Pacs002;
import org.corridor.payments.Pacs004;
import org.corridor.payments.PaymentReturn;
import org.corridor.payments.StatusReport;
import org.corridor.transaction.Transactions;

/**
 * The one door for bank messages after the pacs.008 (issue 18): a correspondent's pacs.002 status
 * reports and pacs.004 returns of paid releases, and the payer's bank's camt.054 credit
 * notifications. Each message is validated against its schema, taken by the person whose role may
 * do what it does, and kept once per kind and message id: the same message again is recognised and
 * nothing is applied twice; another message under a used id is refused. Every item (a status, a
 * return, a credit) is applied in a unit of work of its own, and a bad item is named without
 * stopping the good ones. Thread-safe.
 */
public final class PaymentMessages {

    private static final TypeReference<List<PaymentMessageImport.Item>> ITEMS = new TypeReference<>() {};

    private final Transactions transactions;
    private final ReleaseStore store;
    private final PaymentMessageStore messages = new PaymentMessageStore();
    private final PaidRequests paid;
    private final PaymentStatuses statuses;
    private final Returns returns;
    private final CreditImports credits;
    private final AuditLog audit;
    private final ReleaseClock clock;

    public PaymentMessages(Transactions transactions, Releases.Features features, Clock clock, ZoneId zone) {
        this.transactions = transactions;
        this.store = new ReleaseStore(clock);
        this.audit = features.audit();
        this.clock = new ReleaseClock(clock, zone);
        this.paid = new PaidRequests(transactions, store, messages);
        MoneyBack money = new MoneyBack(features.ledger(), features.settlement());
        this.statuses = new PaymentStatuses(transactions, store, messages, paid, money, audit, this.clock);
        this.returns = new Returns(transactions, store, messages, paid, money, audit, this.clock);
        this.credits = new CreditImports(transactions, messages, features.settlement());
    }

    /** What a message of {@code kind} does, and so the permission of whoever imports it. */
    public static Permission permissionFor(MessageKind kind) {
        return switch (kind) {
            case PACS_002, PACS_004 -> Permission.PAYMENT_STATUS_RECORD;
            case CAMT_054 -> Permission.DEPOSIT_RECORD;
            case PACS_008, CAMT_053 ->
                throw new InvalidInputException(
                        "MESSAGE_KIND_NOT_IMPORTED", "Corridor writes " + kind.version() + "; it does not import it");
        };
    }

    /**
     * Imports one bank message.
     *
     * @throws ForbiddenException PAYMENT_MESSAGE_ROLE when the importer's role may not do what the
     *     message does
     * @throws org.corridor.ConflictException MESSAGE_ID_REUSED when another message came under its id
     * @throws DomainException the first item's refusal, when no item of the message could be applied
     */
    public PaymentMessageImport importMessage(Actor by, String xml) {
        MessageKind kind = MessageSchemas.kindOf(xml);
        requireRole(by, kind);
        String sha256 = Hashing.sha256Hex(xml);
        Parsed parsed = parse(kind, xml);
        Optional<PaymentMessageStore.StoredMessage> earlier =
                transactions.read(tx -> messages.message(tx, parsed.kind(), parsed.messageId()));
        if (earlier.isPresent()) {
            return repeat(earlier.get(), sha256);
        }
        List<DomainException> refusals = new ArrayList<>();
        List<PaymentMessageImport.Item> items = apply(by, parsed, refusals);
        PaymentMessageImport result = new PaymentMessageImport(parsed.kind(), parsed.messageId(), sha256, false, items);
        if (!result.applied()) {
            refuse(by, result);
            if (!refusals.isEmpty()) {
                throw refusals.get(0);
            }
            throw new InvalidInputException(
                    "MESSAGE_NOTHING_TO_APPLY",
                    "the message holds nothing Corridor takes: "
                            + items.stream()
                                    .map(PaymentMessageImport.Item::detail)
                                    .distinct()
                                    .toList());
        }
        record(by, result, xml);
        return result;
    }

    /** A release's payment: its pacs.008 and every status report and return that came back. */
    public ReleasePayment payment(String idOrReference) {
        String key = idOrReference == null ? "" : idOrReference.strip();
        return transactions.read(tx -> {
            Optional<RequestRow> row;
            try {
                row = store.request(tx, UUID.fromString(key));
            } catch (IllegalArgumentException e) {
                row = store.requestByReference(tx, key);
            }
            return paid.payment(
                    tx, row.orElseThrow(() -> new NotFoundException("RELEASE_NOT_FOUND", "no release request " + key)));
        });
    }

    /** A message parsed: its kind as stored, its id, and its content as read. */
    private record Parsed(String kind, String messageId, Object content) {}

    private static Parsed parse(MessageKind kind, String xml) {
        return switch (kind) {
            case PACS_002 -> {
                StatusReport report = Pacs002.read(xml);
                yield new Parsed(PaymentStatuses.KIND, report.messageId(), report);
            }
            case PACS_004 -> {
                PaymentReturn message = Pacs004.read(xml);
                yield new Parsed(Returns.KIND, message.messageId(), message);
            }
            case CAMT_054 -> {
                CreditNotification notification = Camt054.read(xml);
                yield new Parsed(CreditImports.KIND, notification.messageId(), notification);
            }
            case PACS_008, CAMT_053 -> throw new IllegalStateException("refused by permissionFor");
        };
    }

    /** One item of a message: how it is named, and how it is applied. */
    private record Step(String item, String subject, java.util.function.Supplier<PaymentMessageImport.Item> apply) {}

    /** Applies every item of the message, each on its own; a refused item is named and kept going past. */
    private List<PaymentMessageImport.Item> apply(Actor by, Parsed parsed, List<DomainException> refusals) {
        List<PaymentMessageImport.Item> items = new ArrayList<>();
        for (Step step : steps(by, parsed)) {
            try {
                items.add(step.apply().get());
            } catch (DomainException e) {
                refusals.add(e);
                items.add(new PaymentMessageImport.Item(
                        step.item(), step.subject(), "REFUSED", e.code(), e.getMessage()));
            }
        }
        return items;
    }

    private List<Step> steps(Actor by, Parsed parsed) {
        List<Step> steps = new ArrayList<>();
        if (parsed.content() instanceof StatusReport report) {
            for (int i = 0; i < report.statuses().size(); i++) {
                int number = i + 1;
                var status = report.statuses().get(i);
                String subject = status.originalEndToEndId()
                        .or(() -> status.originalUetr().map(UUID::toString))
                        .or(status::originalMessageId)
                        .orElse("");
                steps.add(new Step("status " + number, subject, () -> statuses.apply(by, report, number, status)));
            }
        } else if (parsed.content() instanceof PaymentReturn message) {
            message.returns()
                    .forEach(returned -> steps.add(new Step(
                            "return " + returned.returnId(),
                            returned.originalEndToEndId().orElse(""),
                            () -> returns.apply(by, message, returned))));
        } else if (parsed.content() instanceof CreditNotification notification) {
            for (int i = 0; i < notification.movements().size(); i++) {
                int number = i + 1;
                var movement = notification.movements().get(i);
                steps.add(new Step(
                        "credit " + number, movement.key(), () -> credits.apply(by, notification, number, movement)));
            }
        }
        return steps;
    }

    private PaymentMessageImport repeat(PaymentMessageStore.StoredMessage earlier, String sha256) {
        if (!earlier.sha256().equals(sha256)) {
            throw new org.corridor.ConflictException(
                    "MESSAGE_ID_REUSED",
                    earlier.kind() + " " + earlier.messageId() + " was imported before with other content;"
                            + " a message id names one message");
        }
        return new PaymentMessageImport(
                earlier.kind(), earlier.messageId(), sha256, true, ReleaseRows.fromJson(earlier.outcome(), ITEMS));
    }

    /** Keeps the message with what it did, and audits the import, in one unit of work. */
    private void record(Actor by, PaymentMessageImport result, String xml) {
        transactions.useTransaction(tx -> {
            boolean kept = messages.insertMessage(
                    tx,
                    new PaymentMessageStore.StoredMessage(
                            result.kind(), result.messageId(), result.sha256(), ReleaseRows.json(result.items())),
                    xml,
                    by.name(),
                    clock.now());
            if (kept) {
                audit.append(tx, event(by, "PAYMENT_MESSAGE_IMPORTED", result));
            }
        });
    }

    private void refuse(Actor by, PaymentMessageImport result) {
        audit.appendAlone(event(by, "PAYMENT_MESSAGE_REFUSED", result));
    }

    private static AuditEvent event(Actor by, String action, PaymentMessageImport result) {
        return AuditEvent.of(
                by,
                action,
                result.kind() + ":" + result.messageId(),
                CanonicalJson.fields(
                        "kind", result.kind(), "message_id", result.messageId(), "sha256", result.sha256()),
                CanonicalJson.fields(
                        "items",
                        result.items().stream()
                                .map(item -> item.item() + " " + item.subject() + " " + item.outcome()
                                        + (item.code().isEmpty() ? "" : " " + item.code()))
                                .toList()));
    }

    /**
     * The importer's role must hold the permission of what the message does, checked on the person
     * here, whichever door the message came by.
     */
    private static void requireRole(Actor by, MessageKind kind) {
        Permission needed = permissionFor(kind);
        boolean allowed;
        try {
            allowed = RoleMatrix.allows(Role.valueOf(by.role()), needed);
        } catch (IllegalArgumentException e) {
            allowed = false;
        }
        if (!allowed) {
            throw new ForbiddenException(
                    "PAYMENT_MESSAGE_ROLE",
                    "a " + kind.version() + " needs " + needed + ", which role " + by.role() + " does not hold");
        }
    }
}
