-- Stores one batch of the text stage (pending records getvariable('first_seq') to
-- getvariable('last_seq')) from the files its threads wrote (getvariable('analysis_files')), a line
-- per record: `seq<TAB>lang<TAB>hits<TAB>terms<TAB>surfaces`, the lists joined by the unit separator
-- (U+001F); surfaces is empty where every surface is its term. Terms never hold a tab, a line
-- break or that separator, so the files are read unquoted.
insert into text_analyses
select
    pending.source,
    pending.id,
    pending.content_hash,
    getvariable('text_analyzer'),
    found.lang,
    coalesce(string_split(nullif(found.hits, ''), chr(31)), []),
    coalesce(string_split(nullif(found.terms, ''), chr(31)), []),
    coalesce(string_split(nullif(found.surfaces, ''), chr(31)), string_split(nullif(found.terms, ''), chr(31)), []),
    pending.hospital
from read_csv(
    getvariable('analysis_files'),
    delim = '\t', header = false, quote = '', escape = '', auto_detect = false,
    columns = {'seq': 'INTEGER', 'lang': 'VARCHAR', 'hits': 'VARCHAR', 'terms': 'VARCHAR', 'surfaces': 'VARCHAR'}
) as found
inner join pending_text as pending using (seq)
where pending.seq between getvariable('first_seq') and getvariable('last_seq');
