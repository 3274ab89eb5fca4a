"""Test support: real PostgreSQL, RabbitMQ and SMTP for every service's tests."""
