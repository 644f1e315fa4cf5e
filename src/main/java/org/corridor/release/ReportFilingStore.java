package org.corridor.release;

import static org.corridor.release.ReleaseRows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.db.Handles;
import org.corridor.transaction.Transaction;

/** SQL for the filings of RPT-5 reports (table release_report_filing). */
final class ReportFilingStore {

    /** Records a filing; false when the event already has one (the first stands). */
    boolean insert(Transaction transaction, ReportFiling filing) {
        return Handles.of(transaction)
                        .createUpdate("""
                        insert into release_report_filing
                          (event_id, reference, filed_on, filed_by, filed_role, recorded_at)
                        values (:event, :reference, :on, :by, :role, :at)
                        on conflict (event_id) do nothing
                        """)
                        .bind("event", filing.eventId())
                        .bind("reference", filing.reference())
                        .bind("on", filing.filedOn())
                        .bind("by", filing.filedBy())
                        .bind("role", filing.filedRole())
                        .bind("at", utc(filing.recordedAt()))
                        .execute()
                == 1;
    }

    Optional<ReportFiling> find(Transaction transaction, String eventId) {
        return Handles.of(transaction)
                .createQuery("select * from release_report_filing where event_id = :event")
                .bind("event", eventId)
                .map((rs, ctx) -> filing(rs))
                .findOne();
    }

    List<ReportFiling> all(Transaction transaction) {
        return Handles.of(transaction)
                .createQuery("select * from release_report_filing order by filed_on, event_id")
                .map((rs, ctx) -> filing(rs))
                .list();
    }

    private static ReportFiling filing(ResultSet rs) throws SQLException {
        return new ReportFiling(
                rs.getString("event_id"),
                rs.getString("reference"),
                rs.getObject("filed_on", LocalDate.class),
                rs.getString("filed_by"),
                rs.getString("filed_role"),
                ReleaseRows.instant(rs, "recorded_at"));
    }
}
