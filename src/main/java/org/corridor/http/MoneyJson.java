package org.corridor.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * The API's one money shape, {@code {"amount": "99850000.00", "currency": "EUR"}}: the amount a
 * decimal string with exactly the currency's ISO 4217 decimals, never a JSON number (which clients
 * read as a double). Domain records holding {@link Money} serialise in this shape directly, and
 * request records read it, refusing extra decimals, overflow or an unknown currency with 422.
 * Currencies alone are their ISO 4217 code.
 */
final class MoneyJson {

    private MoneyJson() {}

    /** The module that writes and reads money, and currencies as their code. */
    static SimpleModule module() {
        return new SimpleModule("corridor-money")
                .addSerializer(Money.class, new MoneySerializer())
                .addDeserializer(Money.class, new MoneyDeserializer())
                .addSerializer(Currency.class, new ToStringSerializer(Currency.class))
                .addDeserializer(Currency.class, new CurrencyDeserializer());
    }

    private static final class MoneySerializer extends StdSerializer<Money> {
        private static final long serialVersionUID = 1L;

        MoneySerializer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeStartObject();
            generator.writeStringField("amount", value.toDecimalString());
            generator.writeStringField("currency", value.currency().code());
            generator.writeEndObject();
        }
    }

    private static final class MoneyDeserializer extends StdDeserializer<Money> {
        private static final long serialVersionUID = 1L;

        MoneyDeserializer() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return (Money) context.handleUnexpectedToken(Money.class, parser);
            }
            String amount = null;
            String currency = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "amount" -> amount = text(parser, context);
                    case "currency" -> currency = text(parser, context);
                    default -> context.handleUnknownProperty(parser, this, Money.class, name);
                }
            }
            if (amount == null || currency == null) {
                throw new InvalidInputException(
                        "AMOUNT_INCOMPLETE", "an amount needs both its \"amount\" and its \"currency\"");
            }
            return Money.parse(amount.trim(), Currency.of(currency.trim()));
        }

        /** Strings only: a JSON number would already have passed through a double in many clients. */
        private static String text(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return parser.getText();
        }
    }

    private static final class CurrencyDeserializer extends StdDeserializer<Currency> {
        private static final long serialVersionUID = 1L;

        CurrencyDeserializer() {
            super(Currency.class);
        }

        @Override
        public Currency deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Currency.of(MoneyDeserializer.text(parser, context).trim());
        }
    }
}
