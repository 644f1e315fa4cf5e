package org.corridor.screening;

import java.util.List;
import java.util.Set;

/**
 * A name after normalisation, as a sequence of weighted tokens for one entity type, with the
 * concatenations of neighbouring tokens ({@link Span}) precomputed for joined-token matching, and
 * the counts the scorer asks for on every comparison. Immutable.
 */
final class AnalysedName {

    /** Two or three neighbouring tokens written as one ("abdul hai" as "abdulhai"). */
    record Span(int start, int end, NameToken token) {}

    private final String original;
    private final EntityType type;
    private final List<NameToken> tokens;
    private final List<Span> spans;
    private final boolean empty;
    private final int nameCount;
    private final boolean patronymic;
    private final Set<NameCleaner.Undone> undone;

    AnalysedName(String original, EntityType type, List<NameToken> tokens, List<Span> spans) {
        this(original, type, tokens, spans, Set.of());
    }

    AnalysedName(
            String original,
            EntityType type,
            List<NameToken> tokens,
            List<Span> spans,
            Set<NameCleaner.Undone> undone) {
        this.original = original;
        this.undone = Set.copyOf(undone);
        this.type = type;
        this.tokens = List.copyOf(tokens);
        this.spans = List.copyOf(spans);
        boolean anyContent = false;
        int names = 0;
        boolean anyPatronymic = false;
        for (NameToken token : this.tokens) {
            anyContent |= token.isContent();
            anyPatronymic |= token.patronymic();
            if (token.role() == TokenRole.NAME) {
                names++;
            }
        }
        this.empty = !anyContent;
        this.nameCount = names;
        this.patronymic = anyPatronymic;
    }

    /** What was undone to read the name (letter spacing, a bidi override, ...). */
    Set<NameCleaner.Undone> undone() {
        return undone;
    }

    String original() {
        return original;
    }

    EntityType type() {
        return type;
    }

    List<NameToken> tokens() {
        return tokens;
    }

    List<Span> spans() {
        return spans;
    }

    /** True when no token carries weight: the name is only titles, particles or punctuation. */
    boolean isEmpty() {
        return empty;
    }

    /** Tokens in the role of a name (not initials, numbers, legal forms or particles). */
    int nameCount() {
        return nameCount;
    }

    /** True when a token follows "bin", "ibn" or "bint". */
    boolean hasPatronymic() {
        return patronymic;
    }
}
