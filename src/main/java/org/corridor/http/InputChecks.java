package org.corridor.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import org.corridor.InputLimits;

/**
 * Every text and date read from a JSON body passes {@link InputLimits}: a control character or a
 * date outside 1900 to 2200 is a 422 naming the field (such as {@code parties[2].name}), wherever
 * it sits in whatever request.
 */
final class InputChecks {

    private InputChecks() {}

    /** The module that checks every text, key and date Jackson reads. */
    static SimpleModule module() {
        return new SimpleModule("corridor-input-checks")
                .addDeserializer(
                        String.class, new Checked<>(String.class, StringDeserializer.instance, InputLimits::text))
                .addKeyDeserializer(String.class, new CheckedKey())
                .addDeserializer(
                        LocalDate.class,
                        new Checked<>(LocalDate.class, LocalDateDeserializer.INSTANCE, InputLimits::date))
                .addDeserializer(
                        Instant.class, new Checked<>(Instant.class, InstantDeserializer.INSTANT, InputLimits::instant))
                .addDeserializer(
                        OffsetDateTime.class,
                        new Checked<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME, (field, value) -> {
                            InputLimits.instant(field, value.toInstant());
                            return value;
                        }));
    }

    /** Where the parser stands, as the API names fields: {@code lines[0].description}. */
    static String field(JsonParser parser) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext();
                context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                parts.push("[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.getCurrentName() != null) {
                parts.push(context.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (path.length() > 0 && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    /** What a value read at a field must pass; it answers the value, or throws naming the field. */
    @FunctionalInterface
    interface Check<T> extends Serializable {
        T apply(String field, T value);
    }

    /** Jackson's own deserializer for the type, then the check, with the field's name. */
    private static final class Checked<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;

        private final StdDeserializer<? extends T> delegate;
        private final Check<T> check;

        Checked(Class<T> type, StdDeserializer<? extends T> delegate, Check<T> check) {
            super(type);
            this.delegate = delegate;
            this.check = check;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = delegate.deserialize(parser, context);
            return value == null ? null : check.apply(field(parser), value);
        }
    }

    private static final class CheckedKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            return InputLimits.text("a key of " + field(context.getParser()), key);
        }
    }
}
