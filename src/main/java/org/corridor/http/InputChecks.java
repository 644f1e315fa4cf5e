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
final class InputChecks extends SimpleModule {

    private static final long serialVersionUID = 1L;

    InputChecks() {
        super("corridor-input-checks");
        addDeserializer(String.class, new CheckedString());
        addKeyDeserializer(String.class, new CheckedKey());
        addDeserializer(LocalDate.class, new CheckedLocalDate());
        addDeserializer(Instant.class, new CheckedInstant());
        addDeserializer(OffsetDateTime.class, new CheckedOffsetDateTime());
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

    private static final class CheckedString extends StdDeserializer<String> {
        private static final long serialVersionUID = 1L;

        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            return value == null ? null : InputLimits.text(field(parser), value);
        }
    }

    private static final class CheckedKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            return InputLimits.text("a key of " + field(context.getParser()), key);
        }
    }

    private static final class CheckedLocalDate extends StdDeserializer<LocalDate> {
        private static final long serialVersionUID = 1L;

        CheckedLocalDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate value = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            return value == null ? null : InputLimits.date(field(parser), value);
        }
    }

    private static final class CheckedInstant extends StdDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        CheckedInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Instant value = InstantDeserializer.INSTANT.deserialize(parser, context);
            return value == null ? null : InputLimits.instant(field(parser), value);
        }
    }

    private static final class CheckedOffsetDateTime extends StdDeserializer<OffsetDateTime> {
        private static final long serialVersionUID = 1L;

        CheckedOffsetDateTime() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            OffsetDateTime value = InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
            if (value != null) {
                InputLimits.instant(field(parser), value.toInstant());
            }
            return value;
        }
    }
}
