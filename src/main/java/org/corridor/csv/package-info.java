/**
 * CSV in and out, for every feature and edge: one reader ({@link org.corridor.csv.CsvReader}) that
 * names the line (and the column, where known) of what it refuses, and one writer
 * ({@link org.corridor.csv.CsvWriter}) that makes formula-looking cells inert. Both sit on Jackson's
 * CSV module; this package is the only one that knows it. Column names and meanings stay with the
 * features.
 */
package org.corridor.csv;
