"""Each person's alert switches (`/api/v1/alert-preferences`), keyed by JWT subject."""

from __future__ import annotations

from collections.abc import Mapping

from notify_service.db.alert_models import AlertPreference
from notify_service.domain.alerts import ALERT_CHANNELS, PERSONAL_ALERT_KINDS
from talentloop_shared.auth.jwt import Principal
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import Forbidden

Matrix = dict[str, dict[str, bool]]


def whose(principal: Principal, subject: str | None) -> str:
    """The subject whose preferences the caller reads or writes: their own, or anyone's for
    an hr_admin."""
    if subject is None or subject == principal.sub:
        return principal.sub
    if not principal.has_any("hr_admin"):
        raise Forbidden("only hr_admin may read or change someone else's alert preferences")
    return subject


def full_matrix(stored: Mapping[str, Mapping[str, bool]] | None) -> Matrix:
    """Every kind a person may switch × channel, on unless switched off."""
    stored = stored or {}
    return {
        kind: {ch: bool((stored.get(kind) or {}).get(ch, True)) for ch in ALERT_CHANNELS}
        for kind in PERSONAL_ALERT_KINDS
    }


async def get_preferences(uow: UnitOfWork, subject: str) -> AlertPreference | None:
    """The stored row (None: everything on)."""
    return await uow.session.get(AlertPreference, subject)


async def replace_preferences(
    uow: UnitOfWork, subject: str, values: Mapping[str, Mapping[str, bool]], *, by: str
) -> AlertPreference:
    """Replace a person's switches (kinds and channels not named are on); commits."""
    row = await uow.session.get(AlertPreference, subject, with_for_update=True)
    matrix = full_matrix(values)
    if row is None:
        row = AlertPreference(subject=subject, preferences=matrix, updated_by=by)
        uow.session.add(row)
    else:
        row.preferences = matrix
        row.updated_by = by
    row.updated_at = uow.clock.now()
    await uow.commit()
    return row
