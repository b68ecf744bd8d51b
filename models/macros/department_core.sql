-- department_core(name): what is left of a department name to compare when a spelling matches no
-- alias (the data-quality report's suggested matches): the folded key (normalize_key.sql) without
-- the words a hospital adds or drops around the name (Khoa, K., Phòng, P., Department of, Dept of,
-- a trailing 科, 部, 室, Department, Dept, Unit), spaces and punctuation. "K. Cấp cứu", "Cấp cứu"
-- and "Khoa Cấp cứu" all give 'capcuu'; 急诊科 and 急诊 give '急诊'.
-- department_initials(name): the first letter of each word of the same name without its
-- prefixes, for abbreviations typed as initials ("Khoa Chẩn đoán hình ảnh" gives 'cdha', as "CĐHA").
create or replace macro department_words(name) as
    trim(regexp_replace(
        regexp_replace(folded_key(name), '^(khoa|k\.|k|phong|p\.|department of|dept\.? of|the)\s+|^k\.', ''),
        '\s*(科|部|室|department|dept\.?|unit)$', ''
    ));

create or replace macro department_core(name) as
    nullif(regexp_replace(department_words(name), '[\s\p{P}]+', '', 'g'), '');

create or replace macro department_initials(name) as
    case when regexp_matches(department_words(name), '\p{Han}') then null
    else nullif(array_to_string(list_transform(string_split_regex(department_words(name), '[\s\p{P}]+'), w -> left(w, 1)), ''), '') end;
