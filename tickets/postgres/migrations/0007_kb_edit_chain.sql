-- Knowledge-base edits are read in the order they were kept, and the last one is looked up on every
-- edit (each edit must follow it): a small index of their own among the records.
CREATE INDEX records_kb_edits ON records (id) WHERE kind = 'kb-edit';
