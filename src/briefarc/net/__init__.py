"""The polite HTTP client and its helpers: limits, retries, robots.txt, decompression, media types."""
