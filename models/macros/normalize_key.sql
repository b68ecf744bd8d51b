-- Keys for matching names and coded values as people type them: Unicode NFC, lower case, trimmed,
-- runs of white space (with the no-break and ideographic spaces of Chinese exports) folded to one.
-- folded_key also drops Vietnamese (and other) diacritics, so "Khoa Cap cuu" typed without them
-- still matches "Khoa Cấp cứu"; đ is a letter of its own, not an accent, so strip_accents keeps it
-- and it is mapped to d by hand.
create or replace macro normalize_key(value) as
    nullif(lower(trim(regexp_replace(nfc_normalize(value), '[\s\x{00A0}\x{3000}]+', ' ', 'g'))), '');

create or replace macro folded_key(value) as
    replace(strip_accents(normalize_key(value)), 'đ', 'd');
