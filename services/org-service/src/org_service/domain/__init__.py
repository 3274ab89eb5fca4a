"""org-service domain: pure rules for org units, positions and bulk imports (no I/O)."""
