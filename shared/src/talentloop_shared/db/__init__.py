"""Database plumbing: engine, unit of work, base repository, infra tables."""

from talentloop_shared.db.base import NAMING_CONVENTION
from talentloop_shared.db.engine import create_engine, create_session_factory, dumps_json
from talentloop_shared.db.erasure import each_element_sql, forget_person
from talentloop_shared.db.reads import KeysetSql, Reads
from talentloop_shared.db.repository import KeysetOrder, Repository, where_given
from talentloop_shared.db.tables import idempotency_keys, inbox, infra_metadata, outbox
from talentloop_shared.db.uow import UnitOfWork, UnitOfWorkFactory, driver_connection

__all__ = [
    "NAMING_CONVENTION",
    "KeysetOrder",
    "KeysetSql",
    "Reads",
    "Repository",
    "UnitOfWork",
    "UnitOfWorkFactory",
    "create_engine",
    "create_session_factory",
    "driver_connection",
    "dumps_json",
    "each_element_sql",
    "forget_person",
    "idempotency_keys",
    "inbox",
    "infra_metadata",
    "outbox",
    "where_given",
]
