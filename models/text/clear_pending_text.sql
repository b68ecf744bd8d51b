-- Drops what the text stage knew of the records it is about to read again, in one pass; a run
-- stopped halfway leaves those records pending, so the next run reads them.
delete from text_analyses using pending_text
where text_analyses.hospital = pending_text.hospital and text_analyses.source = pending_text.source and text_analyses.id = pending_text.id;
