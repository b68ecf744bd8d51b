-- The hospital of a file's records that name none (contract section 1): the first-level folder
-- under the input folder that holds the file (`path` is relative to it, with forward slashes);
-- for a file directly in the input folder, `fallback` (the configured name, else the folder's).
create or replace macro hospital_of_path(path, fallback) as
    case when contains(path, '/') then split_part(path, '/', 1) else fallback end;

-- A name as written (a hospital, a department): NFC, white space folded, blank as null.
create or replace macro folded_name(value) as
    nullif(trim(regexp_replace(nfc_normalize(value), '[\s\x{00A0}\x{3000}]+', ' ', 'g')), '');

-- A hospital as written in a `hospital` column or a folder's name: NFC, white space folded,
-- blank as null, personal data redacted: the name is published on every page and in page file
-- names, and a folder named after a patient ("患者张三 138…") is a careless user's easy mistake.
create or replace macro clean_hospital(value) as redact_pii(folded_name(value));
