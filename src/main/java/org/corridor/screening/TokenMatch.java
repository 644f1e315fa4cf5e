package org.corridor.screening;

import java.util.Locale;

/**
 * One aligned pair of tokens in a name comparison: which query word matched which listed word, how,
 * and how similar they are (0 to 1).
 */
public record TokenMatch(String queryToken, String listedToken, MatchKind kind, double similarity) {

    /** A short human-readable form, e.g. {@code GHASEM~QASEM PHONETIC} or {@code FUZZY(sim=0.88)}. */
    public String describe() {
        String how = switch (kind) {
            case EXACT, PHONETIC, INITIAL -> kind.name();
            default -> String.format(Locale.ROOT, "%s(sim=%.2f)", kind.name(), similarity);
        };
        return queryToken + "~" + listedToken + " " + how;
    }
}
