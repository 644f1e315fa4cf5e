-- That the report of an RPT-5 event (a party rejected by a TRUE_MATCH, or a request refused at
-- submission) was filed with the authority: who recorded it, the day it was filed and the filing's
-- reference. One filing per event; it clears the event's "report due" alert.
create table release_report_filing (
    event_id    text primary key,
    reference   text not null,
    filed_on    date not null,
    filed_by    text not null,
    filed_role  text not null,
    recorded_at timestamptz not null
);
