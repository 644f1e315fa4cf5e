/**
 * Sanctions screening: parses the OFAC, UN, UK and EU lists into one entity model, indexes their
 * names with Lucene and scores parties against them with explainable, language-aware name matching.
 * It owns list snapshots and deltas as plain values but knows nothing of storage, HTTP or the CLI;
 * callers hand it entities and parties and get hits back.
 */
package org.corridor.screening;
