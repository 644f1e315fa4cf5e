package org.corridor.release;

import static org.corridor.release.ReleaseRows.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.db.Handles;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for the bank messages a release's payment receives: each message once per kind and id, and
 * each effect of one of its items on a release. Works in the caller's unit of work. Thread-safe.
 */
final class PaymentMessageStore {

    /** A message as it was first imported: its digest and what it did. */
    record StoredMessage(String kind, String messageId, String sha256, String outcome) {}

    Optional<StoredMessage> message(Transaction transaction, String kind, String messageId) {
        return Handles.of(transaction)
                .createQuery("select kind, message_id, sha256, outcome::text as outcome from release_payment_message"
                        + " where kind = :kind and message_id = :id")
                .bind("kind", kind)
                .bind("id", messageId)
                .map((rs, ctx) -> new StoredMessage(
                        rs.getString("kind"),
                        rs.getString("message_id"),
                        rs.getString("sha256"),
                        rs.getString("outcome")))
                .findFirst();
    }

    /** Keeps a message unless one of its kind and id is there already; returns whether it was kept. */
    boolean insertMessage(Transaction transaction, StoredMessage message, String content, String by, Instant at) {
        return Handles.of(transaction)
                        .createUpdate("""
                                insert into release_payment_message
                                  (kind, message_id, sha256, content, received_by, received_at, outcome)
                                values (:kind, :id, :sha, :content, :by, :at, cast(:outcome as jsonb))
                                on conflict (kind, message_id) do nothing
                                """)
                        .bind("kind", message.kind())
                        .bind("id", message.messageId())
                        .bind("sha", message.sha256())
                        .bind("content", content)
                        .bind("by", by)
                        .bind("at", utc(at))
                        .bind("outcome", message.outcome())
                        .execute()
                == 1;
    }

    /**
     * The request whose executed payment these references name: by its UETR when given, otherwise by
     * its pacs.008 message id or end-to-end id (the request's reference). Every reference given must
     * name the same payment.
     */
    List<UUID> requestsOfPayment(
            Transaction transaction, Optional<UUID> uetr, Optional<String> messageId, Optional<String> endToEndId) {
        return Handles.of(transaction)
                .createQuery("""
                        select e.request_id from release_execution e join release_request r on r.id = e.request_id
                        where (cast(:uetr as uuid) is null or e.uetr = cast(:uetr as uuid))
                          and (cast(:message as text) is null or e.message_id = cast(:message as text))
                          and (cast(:e2e as text) is null or r.reference = cast(:e2e as text))
                        order by e.request_id
                        """)
                .bind("uetr", uetr.orElse(null))
                .bind("message", messageId.orElse(null))
                .bind("e2e", endToEndId.orElse(null))
                .mapTo(UUID.class)
                .list();
    }

    /** Records an effect unless the same item of the same message had one; returns whether it was new. */
    boolean insertEvent(Transaction transaction, UUID requestId, PaymentEvent event) {
        return Handles.of(transaction)
                        .createUpdate("""
                                insert into release_payment_event
                                  (request_id, message_kind, message_id, item, status, reason, amount_minor,
                                   charges_minor, currency, value_date, transfers, state_before, state_after,
                                   recorded_by, recorded_at)
                                values (:request, :kind, :message, :item, :status, cast(:reason as text),
                                        cast(:amount as bigint), cast(:charges as bigint), cast(:currency as text),
                                        cast(:valueDate as date), :transfers, :before, :after, :by, :at)
                                on conflict (message_kind, message_id, item) do nothing
                                """)
                        .bind("request", requestId)
                        .bind("kind", event.messageKind())
                        .bind("message", event.messageId())
                        .bind("item", event.item())
                        .bind("status", event.status())
                        .bind("reason", event.reason().orElse(null))
                        .bind("amount", event.returned().map(Money::amountMinor).orElse(null))
                        .bind("charges", event.charges().map(Money::amountMinor).orElse(null))
                        .bind(
                                "currency",
                                event.returned()
                                        .or(event::charges)
                                        .map(m -> m.currency().code())
                                        .orElse(null))
                        .bind("valueDate", event.valueDate().orElse(null))
                        .bind(
                                "transfers",
                                event.transfers().stream().map(UUID::toString).collect(Collectors.joining(",")))
                        .bind("before", event.stateBefore())
                        .bind("after", event.stateAfter())
                        .bind("by", event.recordedBy())
                        .bind("at", utc(event.recordedAt()))
                        .execute()
                == 1;
    }

    List<PaymentEvent> events(Transaction transaction, UUID requestId) {
        return Handles.of(transaction)
                .createQuery("select * from release_payment_event where request_id = :id order by id")
                .bind("id", requestId)
                .map(EVENT)
                .list();
    }

    /** Whether the item of the message had its effect already. */
    boolean eventExists(Transaction transaction, String kind, String messageId, String item) {
        return Handles.of(transaction)
                        .createQuery("select count(*) from release_payment_event"
                                + " where message_kind = :kind and message_id = :id and item = :item")
                        .bind("kind", kind)
                        .bind("id", messageId)
                        .bind("item", item)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /** The restricted account whose bank details name this IBAN, if one does. */
    Optional<UUID> accountOfIban(Transaction transaction, String iban) {
        return Handles.of(transaction)
                .createQuery("select account_id from release_paying_account where iban = :iban")
                .bind("iban", iban)
                .mapTo(UUID.class)
                .findFirst();
    }

    private static final RowMapper<PaymentEvent> EVENT = (rs, ctx) -> {
        String currency = rs.getString("currency");
        Optional<Money> returned = Optional.ofNullable(rs.getObject("amount_minor", Long.class))
                .map(minor -> Money.ofMinor(minor, Currency.of(currency)));
        Optional<Money> charges = Optional.ofNullable(rs.getObject("charges_minor", Long.class))
                .map(minor -> Money.ofMinor(minor, Currency.of(currency)));
        String transfers = rs.getString("transfers");
        return new PaymentEvent(
                rs.getString("message_kind"),
                rs.getString("message_id"),
                rs.getString("item"),
                rs.getString("status"),
                Optional.ofNullable(rs.getString("reason")),
                returned,
                charges,
                Optional.ofNullable(rs.getObject("value_date", LocalDate.class)),
                transfers.isEmpty()
                        ? List.of()
                        : Arrays.stream(transfers.split(","))
                                .map(UUID::fromString)
                                .toList(),
                rs.getString("state_before"),
                rs.getString("state_after"),
                rs.getString("recorded_by"),
                ReleaseRows.instant(rs, "recorded_at"));
    };
}
