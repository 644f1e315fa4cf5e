package org.corridor.screening;

/**
 * The weights of the name score, {@code M / (M + fuzzy*F + conflict*C + q*Q + l*L)} with its two
 * caps (see {@link NameScorer}). They were chosen by five-fold cross-validation over the labelled
 * name pairs of the development sets, with the folds fixed, from a coarse grid
 * ({@code CrossValidation} in the tests; docs/screening.md section 7 gives the cross-validated and
 * in-sample F1 and an ablation of each term). No weight exists for one pair: each applies to every
 * name.
 *
 * @param fuzzy what fuzzy pairs lack (F)
 * @param conflict a name on each side left unmatched: another person (C)
 * @param extraQueryPerson a person's query words the listed name lacks (q)
 * @param missingListedPerson a listed person's words the query lacks (l)
 * @param extraQueryOrganisation an organisation's query words the listed name lacks
 * @param missingListedOrganisation a listed organisation's words the query lacks
 * @param genericOnlyCap the highest score of a match on generic words, legal forms or numbers only
 * @param singleNameCap the highest score of a one-word name inside a longer one
 */
record ScoreWeights(
        double fuzzy,
        double conflict,
        double extraQueryPerson,
        double missingListedPerson,
        double extraQueryOrganisation,
        double missingListedOrganisation,
        double genericOnlyCap,
        double singleNameCap) {

    static final ScoreWeights STANDARD = new ScoreWeights(2.0, 3.5, 0.45, 0.45, 1.3, 0.35, 0.45, 0.55);
}
