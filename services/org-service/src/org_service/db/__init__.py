"""org-service tables and repositories."""
