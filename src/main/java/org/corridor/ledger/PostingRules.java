package org.corridor.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.corridor.audit.CanonicalJson;

/**
 * The ledger's rules, as a pure function: judges a batch of transfers against the locked accounts
 * and the earlier transfers it names, in order, and applies each accepted one to the in-memory
 * balances. Writes nothing; the store persists the plan. A linked chain that fails is undone in
 * memory, so nothing of it reaches the plan. Not thread-safe: one instance per batch.
 */
final class PostingRules {

    static final int MAX_REFERENCES = 16;
    static final int MAX_REFERENCE_LENGTH = 200;
    static final int MAX_METADATA_LENGTH = 8_192;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final String EMPTY_JSON = "{}";

    /**
     * Where a batch comes from, which decides what may touch a RESTRICTED account: the features'
     * Java API may (debiting one only under a channel movement code, {@link ChannelCodes}); a
     * generic edge (a transfer keyed in over HTTP or at the console) may neither debit nor credit one.
     */
    enum Origin {
        CHANNEL,
        EDGE;

        boolean mayDebitRestricted(String code) {
            return this == CHANNEL && ChannelCodes.DEBITING_RESTRICTED.contains(code);
        }

        boolean mayTouchRestricted() {
            return this == CHANNEL;
        }
    }

    /** What the batch needs to know of the ledger, loaded (and locked) by the store. */
    record State(
            Map<UUID, AccountState> accounts,
            Map<UUID, TransferRow> existing,
            Map<UUID, TransferRow> holds,
            Map<UUID, TransferKind> resolutions) {}

    /**
     * The outcome of a batch: a result for every transfer, the rows to insert (accepted ones first,
     * in order, then recorded failures) and the accounts whose balances changed.
     */
    record Plan(
            TransferResult[] results,
            Instant[] timestamps,
            List<TransferRow> accepted,
            List<TransferRow> failed,
            List<AccountState> changedAccounts) {

        /** The rows the plan writes: accepted transfers, then recorded failures. */
        List<TransferRow> written() {
            List<TransferRow> written = new ArrayList<>(accepted.size() + failed.size());
            written.addAll(accepted);
            written.addAll(failed);
            return written;
        }

        /** How many of the accepted rows are the ledger's own expiries of holds. */
        int expiries() {
            int count = 0;
            for (TransferRow row : accepted) {
                if (row.kind() == TransferKind.EXPIRE_PENDING) {
                    count++;
                }
            }
            return count;
        }

        /** One outcome per transfer judged, from index {@code from} on (the ones before are the ledger's own). */
        List<TransferOutcome> outcomes(List<NewTransfer> judged, int from) {
            List<TransferOutcome> outcomes = new ArrayList<>(judged.size() - from);
            for (int i = from; i < judged.size(); i++) {
                outcomes.add(new TransferOutcome(judged.get(i).id(), results[i], Optional.ofNullable(timestamps[i])));
            }
            return outcomes;
        }
    }

    private final List<NewTransfer> transfers;
    private final TransferResult[] preset;
    private final int systemEntries;
    private final Origin origin;
    private final State state;
    private final Instant now;

    private final TransferResult[] results;
    private final Instant[] timestamps;
    private final List<TransferRow> accepted = new ArrayList<>();
    private final List<TransferRow> failed = new ArrayList<>();
    private final Map<UUID, TransferRow> inBatch = new HashMap<>();
    private final Map<UUID, TransferKind> resolvedInBatch = new HashMap<>();

    // Undo log of the linked chain being evaluated.
    private final Map<AccountState, Balances> chainSnapshots = new IdentityHashMap<>();
    private final List<UUID> chainIds = new ArrayList<>();
    private final List<UUID> chainResolved = new ArrayList<>();
    private boolean inChain;

    /**
     * @param preset failures found before the transfer could be built (null entries: none)
     * @param systemEntries the first transfers are the ledger's own expiries
     * @param now the batch's time: transfer {@code i} is stamped {@code now + i} microseconds
     */
    private PostingRules(
            List<NewTransfer> transfers,
            TransferResult[] preset,
            int systemEntries,
            Origin origin,
            State state,
            Instant now) {
        this.transfers = transfers;
        this.preset = preset;
        this.systemEntries = systemEntries;
        this.origin = origin;
        this.state = state;
        this.now = now;
        this.results = new TransferResult[transfers.size()];
        this.timestamps = new Instant[transfers.size()];
    }

    static Plan evaluate(List<NewTransfer> transfers, State state, Instant now) {
        return evaluate(transfers, Origin.CHANNEL, state, now);
    }

    static Plan evaluate(List<NewTransfer> transfers, Origin origin, State state, Instant now) {
        return evaluate(transfers, new TransferResult[transfers.size()], 0, origin, state, now);
    }

    static Plan evaluate(
            List<NewTransfer> transfers,
            TransferResult[] preset,
            int systemEntries,
            Origin origin,
            State state,
            Instant now) {
        return new PostingRules(transfers, preset, systemEntries, origin, state, now).run();
    }

    private Plan run() {
        int n = transfers.size();
        int openChainStart = n;
        if (n > 0 && transfers.get(n - 1).linked()) {
            openChainStart = n - 1;
            while (openChainStart > 0 && transfers.get(openChainStart - 1).linked()) {
                openChainStart--;
            }
        }
        int chainStart = -1;
        int acceptedMark = 0;
        boolean chainFailed = false;
        for (int i = 0; i < n; i++) {
            NewTransfer transfer = transfers.get(i);
            if (chainStart < 0) {
                chainStart = i;
                acceptedMark = accepted.size();
                chainFailed = false;
                chainSnapshots.clear();
                chainIds.clear();
                chainResolved.clear();
                inChain = transfer.linked();
            }
            if (i >= openChainStart) {
                results[i] = i == n - 1 ? TransferResult.LINKED_EVENT_CHAIN_OPEN : TransferResult.LINKED_EVENT_FAILED;
            } else if (chainFailed) {
                results[i] = TransferResult.LINKED_EVENT_FAILED;
            } else {
                TransferResult result = judge(i, transfer);
                results[i] = result;
                if (!result.succeeded() && inChain) {
                    chainFailed = true;
                    undoChain(chainStart, i, acceptedMark);
                }
            }
            if (!transfer.linked()) {
                chainStart = -1;
            }
        }
        List<AccountState> changed = new ArrayList<>();
        for (AccountState account : state.accounts().values()) {
            if (account.changed) {
                changed.add(account);
            }
        }
        return new Plan(results, timestamps, accepted, failed, changed);
    }

    private void undoChain(int chainStart, int failedIndex, int acceptedMark) {
        chainSnapshots.forEach(AccountState::restore);
        chainIds.forEach(inBatch::remove);
        chainResolved.forEach(resolvedInBatch::remove);
        accepted.subList(acceptedMark, accepted.size()).clear();
        for (int j = chainStart; j < failedIndex; j++) {
            results[j] = TransferResult.LINKED_EVENT_FAILED;
            timestamps[j] = null;
        }
    }

    private TransferResult judge(int index, NewTransfer transfer) {
        TransferResult invalid = validate(index, transfer);
        if (invalid != null) {
            return invalid;
        }
        String metadataJson = transfer.metadata().isEmpty() ? EMPTY_JSON : CanonicalJson.write(transfer.metadata());
        TransferRow prior = inBatch.get(transfer.id());
        if (prior == null) {
            prior = state.existing().get(transfer.id());
        }
        if (prior != null) {
            if (prior.failure().isPresent()) {
                return prior.failure().get();
            }
            TransferResult exists = compare(transfer, metadataJson, prior);
            if (exists == TransferResult.EXISTS) {
                timestamps[index] = prior.timestamp();
            }
            return exists;
        }
        TransferResult result = apply(index, transfer, metadataJson);
        if (result != TransferResult.OK && result.recorded() && index >= systemEntries) {
            TransferRow failure = row(
                    index,
                    transfer,
                    transfer.debitAccountId(),
                    transfer.creditAccountId(),
                    transfer.amountMinor(),
                    OptionalLong.empty(),
                    metadataJson,
                    Optional.of(result),
                    Optional.empty(),
                    Optional.empty());
            failed.add(failure);
            inBatch.put(transfer.id(), failure);
        }
        return result;
    }

    /** Checks of the transfer alone, in precedence order; null when it passes them all. */
    private TransferResult validate(int index, NewTransfer transfer) {
        if (preset[index] != null) {
            return preset[index];
        }
        if (transfer.id().equals(NewTransfer.NONE)) {
            return TransferResult.ID_MUST_NOT_BE_ZERO;
        }
        TransferKind kind = transfer.kind();
        if (kind == TransferKind.EXPIRE_PENDING && index >= systemEntries) {
            return TransferResult.KIND_RESERVED_FOR_LEDGER;
        }
        boolean resolves = kind.resolvesHold();
        if (!resolves && transfer.debitAccountId().equals(NewTransfer.NONE)) {
            return TransferResult.DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
        }
        if (!resolves && transfer.creditAccountId().equals(NewTransfer.NONE)) {
            return TransferResult.CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
        }
        if (!transfer.debitAccountId().equals(NewTransfer.NONE)
                && transfer.debitAccountId().equals(transfer.creditAccountId())) {
            return TransferResult.ACCOUNTS_MUST_BE_DIFFERENT;
        }
        UUID pendingId = transfer.pendingId().orElse(NewTransfer.NONE);
        if (!resolves && !pendingId.equals(NewTransfer.NONE)) {
            return TransferResult.PENDING_ID_MUST_BE_ZERO;
        }
        if (resolves && pendingId.equals(NewTransfer.NONE)) {
            return TransferResult.PENDING_ID_MUST_NOT_BE_ZERO;
        }
        if (resolves && pendingId.equals(transfer.id())) {
            return TransferResult.PENDING_ID_MUST_BE_DIFFERENT;
        }
        if (kind != TransferKind.PENDING && transfer.expiresAt().isPresent()) {
            return TransferResult.EXPIRY_RESERVED_FOR_PENDING_TRANSFER;
        }
        if (resolves ? transfer.amountMinor() < 0 : transfer.amountMinor() <= 0) {
            return TransferResult.AMOUNT_MUST_BE_POSITIVE;
        }
        boolean codeBlank = transfer.code().isEmpty();
        if (codeBlank ? !resolves : !CODE.matcher(transfer.code()).matches()) {
            return TransferResult.CODE_INVALID;
        }
        if (!validReferences(transfer.references())) {
            return TransferResult.REFERENCES_INVALID;
        }
        if (!transfer.metadata().isEmpty() && !validMetadata(transfer.metadata())) {
            return TransferResult.METADATA_INVALID;
        }
        return null;
    }

    static boolean validReferences(Map<String, String> references) {
        if (references.size() > MAX_REFERENCES) {
            return false;
        }
        for (Map.Entry<String, String> reference : references.entrySet()) {
            String key = reference.getKey();
            String value = reference.getValue();
            if (key.isBlank()
                    || value.isBlank()
                    || key.length() > MAX_REFERENCE_LENGTH
                    || value.length() > MAX_REFERENCE_LENGTH) {
                return false;
            }
        }
        return true;
    }

    private static boolean validMetadata(Map<String, Object> metadata) {
        try {
            return CanonicalJson.write(metadata).length() <= MAX_METADATA_LENGTH;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The idempotency check: how a repeated id differs from the transfer first accepted under it. */
    private static TransferResult compare(NewTransfer transfer, String metadataJson, TransferRow prior) {
        boolean resolves = transfer.kind().resolvesHold();
        if (transfer.kind() != prior.kind()) {
            return TransferResult.EXISTS_WITH_DIFFERENT_KIND;
        }
        if (!(resolves && transfer.debitAccountId().equals(NewTransfer.NONE))
                && !transfer.debitAccountId().equals(prior.debitAccountId())) {
            return TransferResult.EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID;
        }
        if (!(resolves && transfer.creditAccountId().equals(NewTransfer.NONE))
                && !transfer.creditAccountId().equals(prior.creditAccountId())) {
            return TransferResult.EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID;
        }
        if (!(resolves && transfer.amountMinor() == 0) && transfer.amountMinor() != prior.amountMinor()) {
            return TransferResult.EXISTS_WITH_DIFFERENT_AMOUNT;
        }
        if (!transfer.currency().code().equals(prior.currency())) {
            return TransferResult.EXISTS_WITH_DIFFERENT_LEDGER;
        }
        if (!(resolves && transfer.code().isEmpty()) && !transfer.code().equals(prior.code())) {
            return TransferResult.EXISTS_WITH_DIFFERENT_CODE;
        }
        if (!transfer.pendingId().equals(prior.pendingId())) {
            return TransferResult.EXISTS_WITH_DIFFERENT_PENDING_ID;
        }
        if (!transfer.expiresAt().equals(prior.expiresAt())) {
            return TransferResult.EXISTS_WITH_DIFFERENT_EXPIRY;
        }
        if (!transfer.references().equals(prior.references())) {
            return TransferResult.EXISTS_WITH_DIFFERENT_REFERENCES;
        }
        if (!metadataJson.equals(prior.metadataJson())) {
            return TransferResult.EXISTS_WITH_DIFFERENT_METADATA;
        }
        return TransferResult.EXISTS;
    }

    /**
     * What a transfer moves once its hold (if it resolves one) is known: between which accounts, how
     * much, and what the hold had reserved.
     */
    private record Move(UUID debitId, UUID creditId, long amount, long held, TransferRow hold) {

        static Move direct(NewTransfer transfer) {
            return new Move(transfer.debitAccountId(), transfer.creditAccountId(), transfer.amountMinor(), 0, null);
        }

        /** A post moves what it names (all of the hold for 0); a void or expiry moves nothing. */
        static Move resolving(NewTransfer transfer, TransferRow hold) {
            long held = hold.amountMinor();
            long amount = transfer.kind() == TransferKind.POST_PENDING
                    ? (transfer.amountMinor() == 0 ? held : transfer.amountMinor())
                    : 0;
            return new Move(hold.debitAccountId(), hold.creditAccountId(), amount, held, hold);
        }

        /** The code the accounts judge the move by: a post of a hold carries the hold's code. */
        String code(NewTransfer transfer) {
            return hold == null ? transfer.code() : hold.code();
        }
    }

    /** An account pair's balances as a move would leave them. */
    private record After(long debitsPending, long debitsPosted, long creditsPending, long creditsPosted) {}

    /** Checks against the ledger's state and, if they pass, applies the transfer. */
    private TransferResult apply(int index, NewTransfer transfer, String metadataJson) {
        Move move;
        if (transfer.kind().resolvesHold()) {
            TransferRow hold = holdOf(transfer.pendingId().orElseThrow());
            TransferResult refused = checkResolution(transfer, hold);
            if (refused != null) {
                return refused;
            }
            move = Move.resolving(transfer, hold);
        } else {
            move = Move.direct(transfer);
        }
        AccountState debit = state.accounts().get(move.debitId());
        AccountState credit = state.accounts().get(move.creditId());
        if (debit == null || credit == null) {
            return TransferResult.ACCOUNT_NOT_FOUND;
        }
        TransferResult refused = checkAccounts(transfer, move, debit, credit);
        if (refused != null) {
            return refused;
        }
        After after = after(transfer.kind(), move, debit, credit);
        refused = checkBalances(transfer.kind(), debit, credit, after);
        if (refused != null) {
            return refused;
        }
        record(index, transfer, metadataJson, move, debit, credit, after);
        return TransferResult.OK;
    }

    /** The hold {@code pendingId} as placed in this batch or before it; null if there is none. */
    private TransferRow holdOf(UUID pendingId) {
        TransferRow hold = inBatch.get(pendingId);
        return hold != null ? hold : state.holds().get(pendingId);
    }

    /** Checks of a post, void or expiry against its hold, in precedence order; null when it passes. */
    private TransferResult checkResolution(NewTransfer transfer, TransferRow hold) {
        TransferKind kind = transfer.kind();
        if (hold == null || !hold.accepted()) {
            return TransferResult.PENDING_TRANSFER_NOT_FOUND;
        }
        if (hold.kind() != TransferKind.PENDING) {
            return TransferResult.PENDING_TRANSFER_NOT_PENDING;
        }
        UUID debitId = transfer.debitAccountId();
        if (!debitId.equals(NewTransfer.NONE) && !debitId.equals(hold.debitAccountId())) {
            return TransferResult.PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID;
        }
        UUID creditId = transfer.creditAccountId();
        if (!creditId.equals(NewTransfer.NONE) && !creditId.equals(hold.creditAccountId())) {
            return TransferResult.PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID;
        }
        if (!transfer.currency().code().equals(hold.currency())) {
            return TransferResult.PENDING_TRANSFER_HAS_DIFFERENT_LEDGER;
        }
        if (!transfer.code().isEmpty() && !transfer.code().equals(hold.code())) {
            return TransferResult.PENDING_TRANSFER_HAS_DIFFERENT_CODE;
        }
        long amount = transfer.amountMinor();
        long held = hold.amountMinor();
        if (kind == TransferKind.POST_PENDING && amount > held) {
            return TransferResult.EXCEEDS_PENDING_TRANSFER_AMOUNT;
        }
        if (kind != TransferKind.POST_PENDING && amount != 0 && amount != held) {
            return TransferResult.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT;
        }
        TransferKind resolution = resolvedInBatch.get(hold.id());
        if (resolution == null) {
            resolution = state.resolutions().get(hold.id());
        }
        if (resolution == TransferKind.POST_PENDING) {
            return TransferResult.PENDING_TRANSFER_ALREADY_POSTED;
        }
        if (resolution == TransferKind.VOID_PENDING) {
            return TransferResult.PENDING_TRANSFER_ALREADY_VOIDED;
        }
        boolean expired =
                hold.expiresAt().isPresent() && !hold.expiresAt().get().isAfter(now);
        if (resolution == TransferKind.EXPIRE_PENDING) {
            return TransferResult.PENDING_TRANSFER_EXPIRED;
        }
        if (kind == TransferKind.EXPIRE_PENDING && !expired) {
            return TransferResult.PENDING_TRANSFER_NOT_EXPIRED;
        }
        if (kind != TransferKind.EXPIRE_PENDING && expired) {
            return TransferResult.PENDING_TRANSFER_EXPIRED;
        }
        return null;
    }

    /** Checks of the two accounts, in precedence order; null when they pass. */
    private TransferResult checkAccounts(NewTransfer transfer, Move move, AccountState debit, AccountState credit) {
        TransferKind kind = transfer.kind();
        String currency = transfer.currency().code();
        if (!debit.currency.equals(credit.currency) || !debit.currency.equals(currency)) {
            return TransferResult.LEDGER_MISMATCH;
        }
        // FR-6: restricted money moves only through the channel's flows, each with its authorisation
        // check. A generic edge (a transfer or hold keyed in over HTTP or at the console) touches no
        // RESTRICTED account at all: no debit, no credit, no post or void of a channel's hold.
        if (!origin.mayTouchRestricted() && (debit.has(AccountFlag.RESTRICTED) || credit.has(AccountFlag.RESTRICTED))) {
            return TransferResult.ACCOUNT_RESTRICTED;
        }
        boolean releases = kind == TransferKind.VOID_PENDING || kind == TransferKind.EXPIRE_PENDING;
        if (!releases) {
            if (debit.has(AccountFlag.CLOSED) || credit.has(AccountFlag.CLOSED)) {
                return TransferResult.ACCOUNT_CLOSED;
            }
            if (debit.has(AccountFlag.BLOCKED) || credit.has(AccountFlag.BLOCKED)) {
                return TransferResult.ACCOUNT_BLOCKED;
            }
            // A post of a hold carries the hold's code: the hold was judged by it when placed.
            if (debit.has(AccountFlag.RESTRICTED) && !origin.mayDebitRestricted(move.code(transfer))) {
                return TransferResult.ACCOUNT_RESTRICTED;
            }
        }
        if (kind == TransferKind.PENDING
                && transfer.expiresAt().isPresent()
                && !transfer.expiresAt().get().isAfter(now)) {
            return TransferResult.EXPIRY_MUST_BE_IN_THE_FUTURE;
        }
        return null;
    }

    /** The balances the move would leave: the debit account's debits, the credit account's credits. */
    private static After after(TransferKind kind, Move move, AccountState debit, AccountState credit) {
        long debitsPending = debit.debitsPending;
        long creditsPending = credit.creditsPending;
        long debitsPosted = debit.debitsPosted;
        long creditsPosted = credit.creditsPosted;
        long amount = move.amount();
        long held = move.held();
        switch (kind) {
            case POSTED -> {
                debitsPosted += amount;
                creditsPosted += amount;
            }
            case PENDING -> {
                debitsPending += amount;
                creditsPending += amount;
            }
            case POST_PENDING -> {
                debitsPending -= held;
                creditsPending -= held;
                debitsPosted += amount;
                creditsPosted += amount;
            }
            case VOID_PENDING, EXPIRE_PENDING -> {
                debitsPending -= held;
                creditsPending -= held;
            }
        }
        return new After(debitsPending, debitsPosted, creditsPending, creditsPosted);
    }

    /** Overflow and limit checks of the balances a move would leave, in precedence order; null when they pass. */
    private static TransferResult checkBalances(
            TransferKind kind, AccountState debit, AccountState credit, After after) {
        // Sums of non-negative longs overflow to a negative value.
        if (after.debitsPending() < 0) {
            return TransferResult.OVERFLOWS_DEBITS_PENDING;
        }
        if (after.creditsPending() < 0) {
            return TransferResult.OVERFLOWS_CREDITS_PENDING;
        }
        if (after.debitsPosted() < 0) {
            return TransferResult.OVERFLOWS_DEBITS_POSTED;
        }
        if (after.creditsPosted() < 0) {
            return TransferResult.OVERFLOWS_CREDITS_POSTED;
        }
        if (after.debitsPending() + after.debitsPosted() < 0) {
            return TransferResult.OVERFLOWS_DEBITS;
        }
        if (after.creditsPending() + after.creditsPosted() < 0) {
            return TransferResult.OVERFLOWS_CREDITS;
        }
        if (kind == TransferKind.POSTED || kind == TransferKind.PENDING) {
            if (debit.has(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
                    && after.debitsPending() + after.debitsPosted() > debit.creditsPosted) {
                return TransferResult.EXCEEDS_CREDITS;
            }
            if (credit.has(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)
                    && after.creditsPending() + after.creditsPosted() > credit.debitsPosted) {
                return TransferResult.EXCEEDS_DEBITS;
            }
        }
        return null;
    }

    /** Applies an accepted move to the in-memory balances and adds its row to the plan. */
    private void record(
            int index,
            NewTransfer transfer,
            String metadataJson,
            Move move,
            AccountState debit,
            AccountState credit,
            After after) {
        if (inChain) {
            chainSnapshots.putIfAbsent(debit, debit.balances());
            chainSnapshots.putIfAbsent(credit, credit.balances());
            chainIds.add(transfer.id());
        }
        debit.debitsPending = after.debitsPending();
        debit.debitsPosted = after.debitsPosted();
        credit.creditsPending = after.creditsPending();
        credit.creditsPosted = after.creditsPosted();
        debit.changed = true;
        credit.changed = true;
        TransferRow hold = move.hold();
        TransferRow row = row(
                index,
                transfer,
                move.debitId(),
                move.creditId(),
                move.amount(),
                hold == null ? OptionalLong.empty() : OptionalLong.of(move.held()),
                metadataJson,
                Optional.empty(),
                Optional.of(debit.balances()),
                Optional.of(credit.balances()));
        accepted.add(row);
        inBatch.put(transfer.id(), row);
        if (hold != null) {
            resolvedInBatch.put(hold.id(), transfer.kind());
            if (inChain) {
                chainResolved.add(hold.id());
            }
        }
        timestamps[index] = row.timestamp();
    }

    private TransferRow row(
            int index,
            NewTransfer transfer,
            UUID debitId,
            UUID creditId,
            long amount,
            OptionalLong pendingAmount,
            String metadataJson,
            Optional<TransferResult> failure,
            Optional<Balances> debitAfter,
            Optional<Balances> creditAfter) {
        boolean inherits = transfer.kind().resolvesHold() && transfer.code().isEmpty();
        String code = transfer.code();
        if (inherits) {
            TransferRow hold = inBatch.get(transfer.pendingId().orElseThrow());
            if (hold == null) {
                hold = state.holds().get(transfer.pendingId().orElseThrow());
            }
            code = hold == null ? "" : hold.code();
        }
        return new TransferRow(
                transfer.id(),
                now.plus(index, ChronoUnit.MICROS),
                transfer.kind(),
                debitId,
                creditId,
                amount,
                transfer.currency().code(),
                code,
                transfer.pendingId(),
                pendingAmount,
                transfer.expiresAt(),
                transfer.references(),
                metadataJson,
                failure,
                debitAfter,
                creditAfter);
    }
}
