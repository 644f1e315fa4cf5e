/**
 * Reports for the Authority, auditors and management: each report is assembled as a
 * {@link org.corridor.report.ReportDocument} of sections (figures, tables, charts) and rendered as
 * JSON, CSV or PDF by one renderer per format, so every report reads the same in every format.
 */
package org.corridor.report;
