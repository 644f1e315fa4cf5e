/**
 * The unit of work: a use case opens one {@link org.corridor.transaction.Transaction} through
 * {@link org.corridor.transaction.Transactions} and hands it to the stores and to other features'
 * public services it calls, so that everything it changes commits or rolls back together. The
 * retry policy is stated once, in {@code Transactions}; this package knows nothing of SQL.
 */
package org.corridor.transaction;
