/**
 * The append-only, hash-chained audit trail. Every state change appends one entry in the same
 * database transaction as the change; each entry carries the hash of the one before, so altering
 * or removing a past entry breaks the chain that {@link org.corridor.audit.AuditLog#verify()}
 * recomputes. Knows nothing of HTTP or the CLI.
 */
package org.corridor.audit;
