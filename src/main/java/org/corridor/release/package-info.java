/**
 * Releases: the only way money leaves a restricted account. A beneficiary's disbursement request
 * is checked line by line, its parties screened (names, the 50 Percent Rule, vessels), its hits
 * disposed of by four eyes, approved along a chain by amount band under a ledger hold, and executed
 * into an ISO 20022 pacs.008 after a re-screen and an authorisation re-check. {@link
 * org.corridor.release.Releases} is the public face; each use case opens one unit of work and calls
 * its stores (SQL for the release tables only) and the other features' public services in it. It
 * knows nothing of HTTP, the CLI or the database beyond its stores.
 */
package org.corridor.release;
