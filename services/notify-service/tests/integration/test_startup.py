"""What a started notify-service has ready before its first event."""

from __future__ import annotations

from notify_service.domain.compliance import default_scanner
from notify_service.service.state import notify_state
from talentloop_shared.language import phrasing
from talentloop_shared.testing.harness import RunningService


async def test_the_phrasers_and_the_compliance_scanner_are_built_at_start_up(
    svc: RunningService,
) -> None:
    # Built inside the first notice instead, each held up everything in flight for
    # 0.2-0.4 s of regular expressions.
    packs = notify_state(svc.runtime).packs
    built = {locale for (packs_id, locale) in phrasing._PHRASERS if packs_id == id(packs)}
    assert built == {packs.best_locale(locale) for locale in packs.locales()}
    assert default_scanner.cache_info().currsize == 1
