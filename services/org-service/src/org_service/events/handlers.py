"""Handlers of the events org-service consumes: none yet.

A handler is `async def handle_<event>(uow, payload, event) -> None`, listed in
`subscriptions()` (events/__init__.py); it reads configuration from `uow.state` and never
commits (the consumer does, together with the inbox row).
"""
