-- Grain: one row per input file path (relative to --input) whose bytes a run hashed: what the file
-- system said of the file then, with the checksum, so that a later run finding the file the same
-- takes the checksum without reading it again (pipeline/ingest/checksum.ts). A cache of the files'
-- bytes, not of the warehouse: kept as a file is hashed, outside the file's transaction.
create table if not exists input_file_stats (
    path varchar primary key,
    size ubigint not null,
    modified_ns bigint not null,        -- modification time, nanoseconds since 1970
    changed_ns bigint not null,         -- status change time: moves on every write, even one that sets the modification time back
    inode ubigint not null,
    device ubigint not null,
    checksum varchar not null
);
