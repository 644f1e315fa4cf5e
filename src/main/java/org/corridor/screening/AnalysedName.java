package org.corridor.screening;

import java.util.List;

/**
 * A name after normalisation, as a sequence of weighted tokens for one entity type, with the
 * concatenations of neighbouring tokens ({@link Span}) precomputed for joined-token matching.
 */
record AnalysedName(String original, EntityType type, List<NameToken> tokens, List<Span> spans) {

    /** Two or three neighbouring tokens written as one ("abdul hai" as "abdulhai"). */
    record Span(int start, int end, NameToken token) {}

    AnalysedName {
        tokens = List.copyOf(tokens);
        spans = List.copyOf(spans);
    }

    double contentWeight() {
        double total = 0;
        for (NameToken token : tokens) {
            total += token.weight();
        }
        return total;
    }

    boolean isEmpty() {
        return tokens.stream().noneMatch(NameToken::isContent);
    }
}
