"""Operating Talentloop: secrets checks, RabbitMQ definitions, dead letters, backups,
run-time metrics. `talentloop …` (ops/__main__.py) is the operator's command line."""
