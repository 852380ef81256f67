"""Pages a user saved: reading files, folders and WARC files, storing them (`ingest`) or showing them (`parse`)."""
