/**
 * Authorisations and eligibility: the register of waivers and licences that every money movement
 * must hang on (coverage on the execution date, caps, thresholds, gaps, expiry warnings), and the
 * versioned goods rules that decide each goods line ALLOWED, ESCALATE or DENIED. Both never fail
 * open: missing or unknown data is a named refusal. Knows nothing of HTTP or the CLI beyond its own
 * {@code *Routes}; other features call {@link org.corridor.authorisation.Authorisations} and
 * {@link org.corridor.authorisation.Eligibility}, inside their own unit of work where they move
 * money. The services own the units of work; the stores are SQL for this feature's tables.
 */
package org.corridor.authorisation;
