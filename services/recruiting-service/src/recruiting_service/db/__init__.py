"""recruiting-service tables and repositories."""
