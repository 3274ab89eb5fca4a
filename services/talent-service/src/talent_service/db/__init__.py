"""talent-service tables and repositories."""
