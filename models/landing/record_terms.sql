-- Grain: one row per distinct term of an analysed record (counts over it are document frequencies).
create or replace view record_terms as
select hospital, source, id, unnest(terms) as term, unnest(surfaces) as surface
from text_analyses;
