-- One of the warehouse's own tables (models/landing/); run after feedback_records, whose contacts its
-- first salt hashes.

-- Grain: one row per secret of this warehouse: `contact_salt`, random, made once by the first run
-- that finds none. Read only by the feedback load; never by a mart, never exported.
create table if not exists warehouse_secrets (
    name varchar primary key,
    value varchar not null
);

-- Making the salt and hashing the contacts of records loaded before the column existed happen
-- together, once (in a new warehouse there are none): unchanged records are never loaded again.
-- The new salt (null when there is one already) passes through a session variable, reset at once.
begin transaction;
set variable new_contact_salt = (
    select replace(gen_random_uuid()::varchar || gen_random_uuid()::varchar, '-', '')
    where not exists (select 1 from warehouse_secrets where name = 'contact_salt')
);
insert into warehouse_secrets
select 'contact_salt', getvariable('new_contact_salt') where getvariable('new_contact_salt') is not null;
update feedback_records set contact_hash = contact_hash(text_raw, getvariable('new_contact_salt'))
where getvariable('new_contact_salt') is not null;
reset variable new_contact_salt;
commit;
