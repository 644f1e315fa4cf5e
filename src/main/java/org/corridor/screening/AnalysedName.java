package org.corridor.screening;

import java.util.List;

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

    AnalysedName(String original, EntityType type, List<NameToken> tokens, List<Span> spans) {
        this.original = original;
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
