-- Where each field's value lies in a release's body (StoredReleaseBody.fields): what `releases --output json` needs to
-- copy the values without reading the body. Written with the body; NULL for a row written before this version (or a
-- body too large to describe), whose body is then scanned instead.
ALTER TABLE releases ADD COLUMN fields TEXT;
