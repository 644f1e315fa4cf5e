/**
 * Ownership and the 50 Percent Rule: parties, their owners with share percentages or control, and
 * explicit list designations, kept as an append-only, versioned graph; the assessment of a party's
 * blocked ownership along every path, with OFAC's cascade, and the paths that explain it. Who is
 * listed comes through the {@link org.corridor.ownership.ListingLookup} port, so this package never
 * matches names itself. Knows nothing of HTTP or the command line.
 */
package org.corridor.ownership;
