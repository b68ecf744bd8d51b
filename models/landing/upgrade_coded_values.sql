-- A warehouse made before contract v2 has the enums channel_type and status_type without its new
-- values (callback, the social platforms; referred). Run once for such a warehouse (the warehouse
-- stage checks, pipeline/run.ts): the types are replaced and the columns re-typed in place, every
-- record kept. The checkpoint writes the change into the database file at once: DuckDB cannot
-- replay a type replacement from its write-ahead log, so a run killed later must not leave one there.
create or replace type channel_type as enum
    ('hotline', 'gov_hotline', 'walk_in', 'website', 'email', 'social', 'suggestion_box', 'survey', 'other',
     'callback', 'wechat', 'weibo', 'douyin', 'facebook', 'zalo', 'tiktok', 'youtube');
create or replace type status_type as enum ('received', 'verifying', 'handling', 'replied', 'closed', 'escalated', 'referred');
alter table feedback_records alter column channel set data type channel_type;
alter table feedback_records alter column status set data type status_type;
checkpoint;
