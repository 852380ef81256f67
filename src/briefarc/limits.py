"""Sizes past which input is refused. Plain data, light to import (the command line's --max-size defaults)."""

# Past this size bytes are not taken for a page: fetch's cap on a response (FetchConfig.max_bytes), ingest's
# and parse's on a file, a folder's file or a WARC record (--max-size).
MAX_PAGE_BYTES = 20 * 2**20
