/**
 * Sanctions screening: parses the OFAC, UN, UK and EU lists into one entity model, indexes their
 * names with Lucene and scores parties against them with explainable, language-aware name matching.
 * The {@link org.corridor.screening.Screening} facade keeps list versions in the database (one unit
 * of work per import, SQL in {@code ScreeningListStore}), screens against the active ones and tells
 * listeners what changed once the import has committed; the engine itself takes entities and
 * parties and knows nothing of storage, HTTP or the CLI.
 */
package org.corridor.screening;
