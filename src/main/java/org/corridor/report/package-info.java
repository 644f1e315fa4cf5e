/**
 * Reports for the Authority, auditors and management (RPT-1 to RPT-10), idle-funds monitoring,
 * alerts and retention with legal holds (FR-31 to FR-34). Each report is assembled as a
 * {@link org.corridor.report.ReportDocument} of sections and rendered as JSON, CSV or PDF by one
 * renderer per format. It reads settlement, the authorisation register and the audit trail, and
 * learns about releases only through the {@link org.corridor.report.ReleaseRecords} port.
 */
package org.corridor.report;
