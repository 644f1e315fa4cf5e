-- OpenSanctions' FollowTheMoney entities (issue 18) are one more list source, kept and versioned
-- like the official lists. Numbered in the release/payments range: the screening API that speaks
-- yente's language came with the payments work.

alter table screening_list_version drop constraint screening_list_version_list_check;
alter table screening_list_version add constraint screening_list_version_list_check
    check (list in ('OFAC_SDN', 'OFAC_NON_SDN', 'UN', 'UK', 'EU', 'OPENSANCTIONS'));
