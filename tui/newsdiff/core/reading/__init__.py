"""Reading: files and folders in, Articles out (decode, blocks, metadata, segment, cache)."""
