"""What talent-service keeps for its lifetime: use cases and handlers read it from
`uow.state`, background loops from `rt.state`, both through `talent_state`."""

from __future__ import annotations

from dataclasses import dataclass, field

from talent_service.config import Settings
from talent_service.domain.digest import DigestSlot, parse_slot
from talent_service.domain.matching import MatcherCache
from talent_service.domain.retention import PoolPolicy
from talentloop_shared.db import UnitOfWork
from talentloop_shared.service import Runtime


@dataclass(frozen=True, slots=True)
class TalentState:
    """The deployment's pool policy, how often the retention sweep runs, when the
    re-contact digest is due (None: no digest), and the openings' matchers kept between
    candidates."""

    policy: PoolPolicy
    sweep_interval_seconds: float
    digest: DigestSlot | None = None
    matchers: MatcherCache = field(default_factory=MatcherCache)


def build_state(rt: Runtime) -> TalentState:
    """The state of a starting service, from its settings (`ServiceDefinition.build_state`)."""
    settings = rt.settings
    assert isinstance(settings, Settings)
    return TalentState(
        policy=PoolPolicy(
            consent_months=settings.consent_months,
            contact_months=settings.contact_months,
            pending_retention_days=settings.pending_retention_days,
        ),
        sweep_interval_seconds=settings.sweep_interval_seconds,
        digest=parse_slot(settings.digest_time, settings.digest_timezone),
    )


def talent_state(holder: Runtime | UnitOfWork) -> TalentState:
    """The typed state of the running service (from a runtime or a unit of work)."""
    state = holder.state
    if not isinstance(state, TalentState):
        raise RuntimeError("talent-service state missing: ServiceDefinition(build_state=...)")
    return state
