-- A digest of each version's stored entities, so that a process finds the on-disk screening index
-- of the active versions without reading (and decoding) their entities from the database.
alter table screening_list_snapshot add column entities_sha256 text;
update screening_list_snapshot set entities_sha256 = encode(sha256(entities), 'hex');
alter table screening_list_snapshot alter column entities_sha256 set not null;
