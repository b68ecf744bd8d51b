-- Grain: one row per Parquet file of the hive-partitioned exports (data/partitioned/) of the site
-- the last publish built: its partition folder (relative to data/partitioned/), the fingerprint of
-- the partition's rows and the identity of the very file (device, inode, size, modification time),
-- so that the next publish into that site carries an unchanged partition over by a hard link
-- instead of writing it again (pipeline/publish/carried-partitions.ts). A file whose identity no
-- longer matches (a failed build, another publisher's site, an edited file) is never carried.
create table if not exists published_partitions (
    folder varchar not null,            -- <export>/hospital_key=<key>/month=<YYYY-MM>
    file varchar not null,              -- the file's name in that folder
    fingerprint varchar not null,       -- of the partition's rows without run_id, and of the export's columns
    identity varchar not null,          -- device:inode:size:mtime_ns of the file as the build left it
    primary key (folder, file)
);
