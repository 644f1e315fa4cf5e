/**
 * Energy settlement: how money enters the channel and moves inside it. Restricted accounts per
 * beneficial holder and currency, with first-in-first-out lots dated by value date; contracts,
 * delivery statements, invoices and their credit and debit notes; deposits matched to invoices;
 * conversions and transfers between restricted accounts; the monthly reconciliation (RPT-6). Every
 * movement is checked against the authorisation register on its value date and posted to the
 * ledger in the same unit of work as its own records: the services open it and call the register,
 * the ledger and the audit trail through their public services; the {@code *Store} classes are SQL
 * for this feature's tables only. Knows nothing of HTTP, the console or reports.
 */
package org.corridor.settlement;
