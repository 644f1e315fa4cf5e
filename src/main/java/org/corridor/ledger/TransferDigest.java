package org.corridor.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.corridor.audit.CanonicalJson;

/**
 * The SHA-256 of a batch's accepted transfer rows, every column that says what moved: one line per
 * row, in id order, of id, timestamp (microseconds), kind, accounts, amount, currency, code, the
 * hold it resolves and what that hold reserved, expiry, references (canonical JSON), metadata and
 * both accounts' balances after it. The posting computes it from the rows it writes; verification
 * from the rows it reads back, so any column changed since is found.
 */
final class TransferDigest {

    private TransferDigest() {}

    static String of(List<TransferRow> accepted) {
        List<TransferRow> ordered = new ArrayList<>(accepted);
        ordered.sort(Comparator.comparing(TransferRow::id));
        MessageDigest digest = sha256();
        StringBuilder line = new StringBuilder(256);
        for (TransferRow row : ordered) {
            line.setLength(0);
            line.append(row.id())
                    .append('|')
                    .append(LedgerClock.micros(row.timestamp()))
                    .append('|')
                    .append(row.kind().name())
                    .append('|')
                    .append(row.debitAccountId())
                    .append('|')
                    .append(row.creditAccountId())
                    .append('|')
                    .append(row.amountMinor())
                    .append('|')
                    .append(row.currency())
                    .append('|')
                    .append(row.code())
                    .append('|')
                    .append(row.pendingId().map(UUID::toString).orElse(""))
                    .append('|')
                    .append(
                            row.pendingAmountMinor().isPresent()
                                    ? Long.toString(row.pendingAmountMinor().getAsLong())
                                    : "")
                    .append('|')
                    .append(row.expiresAt()
                            .map(at -> Long.toString(LedgerClock.micros(at)))
                            .orElse(""))
                    .append('|')
                    .append(CanonicalJson.write(row.references()))
                    .append('|')
                    .append(row.metadataJson())
                    .append('|');
            balances(line, row.debitAccountBalances());
            balances(line, row.creditAccountBalances());
            line.append('\n');
            digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void balances(StringBuilder line, java.util.Optional<Balances> balances) {
        if (balances.isPresent()) {
            Balances b = balances.get();
            line.append(b.debitsPending())
                    .append(',')
                    .append(b.debitsPosted())
                    .append(',')
                    .append(b.creditsPending())
                    .append(',')
                    .append(b.creditsPosted());
        }
        line.append('|');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
