package org.corridor.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How the release tables' rows read and how their JSON columns are written: one mapper per kind of
 * row, shared by the stores that select it. Stateless.
 */
final class ReleaseRows {

    /** The JSON of the {@code content} and {@code lines} columns, and of the content hash. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** A hit with its request's reference. */
    static final String HIT_SELECT =
            "select h.*, r.reference from release_hit h join release_request r on r.id = h.request_id";

    private ReleaseRows() {}

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getMessage(), e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? Optional.empty() : Optional.of(value.toInstant());
    }

    static RequestRow request(ResultSet rs) throws SQLException {
        String steps = rs.getString("required_steps");
        return new RequestRow(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                Optional.ofNullable(rs.getString("parent_reference")),
                rs.getString("holder"),
                rs.getObject("account_id", UUID.class),
                rs.getLong("amount_minor"),
                rs.getString("currency").trim(),
                RequestState.valueOf(rs.getString("state")),
                Optional.ofNullable(rs.getString("reason")),
                fromJson(rs.getString("content"), new TypeReference<NewRequest>() {}),
                rs.getString("content_sha256"),
                fromJson(rs.getString("lines"), new TypeReference<RequestRow.Decided>() {}),
                steps.isEmpty()
                        ? List.of()
                        : Arrays.stream(steps.split(","))
                                .map(ApprovalStep::valueOf)
                                .toList(),
                rs.getString("submitted_by"),
                instant(rs, "submitted_at"),
                rs.getObject("business_date", LocalDate.class),
                Optional.ofNullable(rs.getObject("hold_id", UUID.class)),
                Optional.ofNullable(rs.getString("hold_authorisation")),
                Optional.ofNullable(rs.getObject("scheduled_on", LocalDate.class)));
    }

    /** A row of {@link #HIT_SELECT}. */
    static ScreeningHit hit(ResultSet rs) throws SQLException {
        String programmes = rs.getString("programmes");
        return new ScreeningHit(
                rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getString("reference"),
                rs.getString("party_role"),
                rs.getString("party_name"),
                rs.getString("party_key"),
                rs.getString("source"),
                rs.getString("entity_key"),
                rs.getString("entity_name"),
                programmes.isEmpty() ? List.of() : List.of(programmes.split(",")),
                rs.getBigDecimal("score").stripTrailingZeros().toPlainString(),
                rs.getString("fingerprint"),
                fromJson(rs.getString("why"), new TypeReference<List<String>>() {}),
                rs.getString("state"),
                Optional.ofNullable(rs.getString("proposed")),
                Optional.ofNullable(rs.getString("first_by")),
                Optional.ofNullable(rs.getString("first_rationale")),
                optionalInstant(rs, "first_at"),
                Optional.ofNullable(rs.getString("second_by")),
                Optional.ofNullable(rs.getString("second_rationale")),
                optionalInstant(rs, "second_at"),
                rs.getBoolean("superseded"),
                instant(rs, "opened_at"),
                fromJson(rs.getString("versions"), new TypeReference<Map<String, String>>() {}));
    }

    static Execution execution(ResultSet rs) throws SQLException {
        return new Execution(
                rs.getObject("value_date", LocalDate.class),
                rs.getObject("hold_id", UUID.class),
                rs.getObject("post_id", UUID.class),
                rs.getString("authorisation"),
                Optional.ofNullable(rs.getString("prior_approval")),
                rs.getString("message_id"),
                rs.getObject("uetr", UUID.class),
                rs.getString("pacs008"),
                rs.getString("executed_by"),
                instant(rs, "executed_at"));
    }

    static Transition transition(ResultSet rs) throws SQLException {
        return new Transition(
                Optional.ofNullable(rs.getString("from_state")),
                rs.getString("to_state"),
                Optional.ofNullable(rs.getString("reason")),
                rs.getString("detail"),
                rs.getString("actor"),
                rs.getString("role"),
                instant(rs, "at"));
    }

    /** A rejection row joined with its request's reference. */
    static Rejection rejection(ResultSet rs) throws SQLException {
        return new Rejection(
                rs.getString("reference"),
                rs.getObject("hit_id", UUID.class),
                rs.getString("party_role"),
                rs.getString("party_name"),
                rs.getString("reason"),
                rs.getObject("occurred_on", LocalDate.class),
                rs.getObject("report_due_on", LocalDate.class));
    }

    /** A follow-up row joined with its request's reference: overdue when not received by {@code asOf}. */
    static FollowUp followUp(ResultSet rs, Optional<LocalDate> received, LocalDate asOf) throws SQLException {
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        return new FollowUp(
                rs.getString("reference"),
                rs.getString("kind"),
                due,
                received,
                received.isEmpty() && asOf.isAfter(due));
    }
}
