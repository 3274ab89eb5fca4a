"""notify-service tables and repositories."""
