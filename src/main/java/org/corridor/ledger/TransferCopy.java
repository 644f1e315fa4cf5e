package org.corridor.ledger;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.corridor.audit.CanonicalJson;

/**
 * Transfer rows in PostgreSQL's binary COPY format: a header, then per row a field count and each
 * field as a length and its bytes (-1 for null), then a trailer. Types as the server sends them:
 * uuid as 16 bytes, bigint as 8, timestamptz as microseconds since 2000-01-01 UTC, text as UTF-8,
 * jsonb as a version byte and the JSON text.
 */
final class TransferCopy {

    static final String STATEMENT = """
            copy ledger_transfer
              (id, ts, kind, debit_account_id, credit_account_id, amount, currency, code, pending_id,
               pending_amount, expires_at, refs, metadata, failure,
               debit_debits_pending, debit_debits_posted, debit_credits_pending, debit_credits_posted,
               credit_debits_pending, credit_debits_posted, credit_credits_pending, credit_credits_posted)
            from stdin (format binary)
            """;

    private static final int FIELDS = 22;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_MICROS =
            ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2000-01-01T00:00:00Z"));
    private static final byte JSONB_VERSION = 1;
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private TransferCopy() {}

    static byte[] encode(List<TransferRow> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + rows.size() * 320);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            out.writeInt(0); // flags
            out.writeInt(0); // header extension length
            for (TransferRow row : rows) {
                out.writeShort(FIELDS);
                uuid(out, row.id());
                timestamp(out, row.timestamp());
                text(out, row.kind().name());
                uuid(out, row.debitAccountId());
                uuid(out, row.creditAccountId());
                bigint(out, row.amountMinor());
                text(out, row.currency());
                text(out, row.code());
                if (row.pendingId().isPresent()) {
                    uuid(out, row.pendingId().get());
                } else {
                    out.writeInt(-1);
                }
                if (row.pendingAmountMinor().isPresent()) {
                    bigint(out, row.pendingAmountMinor().getAsLong());
                } else {
                    out.writeInt(-1);
                }
                if (row.expiresAt().isPresent()) {
                    timestamp(out, row.expiresAt().get());
                } else {
                    out.writeInt(-1);
                }
                jsonb(out, row.references().isEmpty() ? EMPTY_OBJECT : utf8(CanonicalJson.write(row.references())));
                text(out, row.metadataJson());
                if (row.failure().isPresent()) {
                    text(out, row.failure().get().name());
                } else {
                    out.writeInt(-1);
                }
                if (row.debitAccountBalances().isPresent()) {
                    balances(out, row.debitAccountBalances().get());
                    balances(out, row.creditAccountBalances().orElseThrow());
                } else {
                    for (int i = 0; i < 8; i++) {
                        out.writeInt(-1);
                    }
                }
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen writing to memory", e);
        }
        return bytes.toByteArray();
    }

    private static void balances(DataOutputStream out, Balances balances) throws IOException {
        bigint(out, balances.debitsPending());
        bigint(out, balances.debitsPosted());
        bigint(out, balances.creditsPending());
        bigint(out, balances.creditsPosted());
    }

    private static void uuid(DataOutputStream out, UUID id) throws IOException {
        out.writeInt(16);
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static void bigint(DataOutputStream out, long value) throws IOException {
        out.writeInt(8);
        out.writeLong(value);
    }

    private static void timestamp(DataOutputStream out, Instant instant) throws IOException {
        out.writeInt(8);
        out.writeLong(LedgerStore.micros(instant) - POSTGRES_EPOCH_MICROS);
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] bytes = utf8(value);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void jsonb(DataOutputStream out, byte[] json) throws IOException {
        out.writeInt(json.length + 1);
        out.writeByte(JSONB_VERSION);
        out.write(json);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
