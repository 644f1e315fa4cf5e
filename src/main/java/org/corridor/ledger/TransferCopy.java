package org.corridor.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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
               credit_debits_pending, credit_debits_posted, credit_credits_pending, credit_credits_posted,
               batch_id)
            from stdin (format binary)
            """;

    private static final int FIELDS = 23;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_MICROS =
            ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2000-01-01T00:00:00Z"));
    private static final byte JSONB_VERSION = 1;
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private TransferCopy() {}

    /** @param batchId the batch the rows are written in, which its audit entry names */
    static byte[] encode(List<TransferRow> rows, UUID batchId) {
        Out out = new Out(64 + rows.size() * 320);
        out.bytes(SIGNATURE);
        out.putInt(0); // flags
        out.putInt(0); // header extension length
        for (TransferRow row : rows) {
            out.putShort(FIELDS);
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
                out.putInt(-1);
            }
            if (row.pendingAmountMinor().isPresent()) {
                bigint(out, row.pendingAmountMinor().getAsLong());
            } else {
                out.putInt(-1);
            }
            if (row.expiresAt().isPresent()) {
                timestamp(out, row.expiresAt().get());
            } else {
                out.putInt(-1);
            }
            jsonb(out, row.references().isEmpty() ? EMPTY_OBJECT : utf8(CanonicalJson.write(row.references())));
            text(out, row.metadataJson());
            if (row.failure().isPresent()) {
                text(out, row.failure().get().name());
            } else {
                out.putInt(-1);
            }
            if (row.debitAccountBalances().isPresent()) {
                balances(out, row.debitAccountBalances().get());
                balances(out, row.creditAccountBalances().orElseThrow());
            } else {
                for (int i = 0; i < 8; i++) {
                    out.putInt(-1);
                }
            }
            uuid(out, batchId);
        }
        out.putShort(-1);
        return out.toByteArray();
    }

    /**
     * A growable big-endian buffer: DataOutputStream over ByteArrayOutputStream wrote an int as four
     * synchronized single-byte writes, which showed up in the profile of a batch.
     */
    private static final class Out {
        private ByteBuffer buffer;

        Out(int capacity) {
            buffer = ByteBuffer.allocate(capacity);
        }

        private ByteBuffer room(int needed) {
            if (buffer.remaining() < needed) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + needed));
                buffer.flip();
                larger.put(buffer);
                buffer = larger;
            }
            return buffer;
        }

        void putShort(int value) {
            room(2).putShort((short) value);
        }

        void putInt(int value) {
            room(4).putInt(value);
        }

        void putLong(long value) {
            room(8).putLong(value);
        }

        void bytes(byte[] value) {
            room(value.length).put(value);
        }

        void putByte(byte value) {
            room(1).put(value);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    private static void balances(Out out, Balances balances) {
        bigint(out, balances.debitsPending());
        bigint(out, balances.debitsPosted());
        bigint(out, balances.creditsPending());
        bigint(out, balances.creditsPosted());
    }

    private static void uuid(Out out, UUID id) {
        out.putInt(16);
        out.putLong(id.getMostSignificantBits());
        out.putLong(id.getLeastSignificantBits());
    }

    private static void bigint(Out out, long value) {
        out.putInt(8);
        out.putLong(value);
    }

    private static void timestamp(Out out, Instant instant) {
        out.putInt(8);
        out.putLong(LedgerClock.micros(instant) - POSTGRES_EPOCH_MICROS);
    }

    private static void text(Out out, String value) {
        byte[] bytes = utf8(value);
        out.putInt(bytes.length);
        out.bytes(bytes);
    }

    private static void jsonb(Out out, byte[] json) {
        out.putInt(json.length + 1);
        out.putByte(JSONB_VERSION);
        out.bytes(json);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
