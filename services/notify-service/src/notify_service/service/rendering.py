"""Rendering and checking templates off the event loop, within the render limits.

A render is pure CPU. On the event loop, one hostile template (HR edits them) would stall
every request, the consumer and the dispatcher for as long as it runs; so renders run in a
small pool of worker threads, the sandbox stops a render at its budget
(`domain.templates.rendering`), and the caller stops waiting at the budget plus a grace
period even if a worker has not noticed yet.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from notify_service import domain
from notify_service.domain.templates.rendering import RenderLimits

T = TypeVar("T")

GRACE_SECONDS = 1.0
"""How much longer than the budget a caller waits for a worker to give up on its own."""

RenderJob = tuple[str | None, str, Mapping[str, Any], bool, Sequence[tuple[str, str]]]
"""One render as `render` takes it: subject, body, context, html, inputs."""
RenderResult = tuple[domain.Rendered, list[dict[str, Any]]]
"""The rendered text and the compliance flags."""


class TemplateRenderer:
    """Renders, previews and validates templates in worker threads, within `limits`."""

    def __init__(self, limits: RenderLimits, *, workers: int = 4) -> None:
        self.limits = limits
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="notify-render")

    async def _run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        return await self._run_within(1, functools.partial(fn, *args, **kwargs))

    async def _run_within(self, budgets: int, call: Callable[[], T]) -> T:
        """`call()` in a worker; waited for `budgets` render budgets plus the grace."""
        future = asyncio.get_running_loop().run_in_executor(
            self._pool, functools.partial(contextvars.copy_context().run, call)
        )
        try:
            return await asyncio.wait_for(future, budgets * self.limits.seconds + GRACE_SECONDS)
        except TimeoutError:
            limit = self.limits.describe("seconds")
            problem = domain.TemplateProblem(
                "body",
                f"the template takes too long to render: over the render limit {limit}",
                limit="seconds",
            )
            raise domain.TemplateError([problem]) from None

    def _render_and_flag(
        self,
        subject: str | None,
        body: str,
        context: Mapping[str, Any],
        html: bool,
        inputs: Sequence[tuple[str, str]],
    ) -> RenderResult:
        rendered = domain.render(subject, body, context, html=html, limits=self.limits)
        flags = domain.flag_notice(inputs, rendered, max_chars=self.limits.output_chars)
        return rendered, flags

    def _render_each(self, jobs: Sequence[RenderJob]) -> list[RenderResult | domain.TemplateError]:
        results: list[RenderResult | domain.TemplateError] = []
        for job in jobs:
            try:
                results.append(self._render_and_flag(*job))
            except domain.TemplateError as exc:
                results.append(exc)
        return results

    async def render(
        self,
        subject: str | None,
        body: str,
        context: Mapping[str, Any],
        *,
        html: bool,
        inputs: Sequence[tuple[str, str]] = (),
    ) -> RenderResult:
        """The rendered text and the compliance flags over it and over `inputs`;
        `TemplateError` naming the field and the cause (or the limit) on failure."""
        return await self._run(self._render_and_flag, subject, body, context, html, inputs)

    async def render_many(
        self, jobs: Sequence[RenderJob]
    ) -> list[RenderResult | domain.TemplateError]:
        """`render` for several notices (a consumer batch's) with one hand-over to a worker:
        each within the limits as if alone, a failed one's `TemplateError` in its place.
        The caller waits for the budget of every job plus the grace period; past that,
        `TemplateError` for them all (the limit was reached, as `render` would say)."""
        if not jobs:
            return []
        return await self._run_within(len(jobs), functools.partial(self._render_each, jobs))

    async def validate(
        self, subject: str | None, body: str, *, kind: str, channel: str
    ) -> list[domain.TemplateProblem]:
        """Every problem in a template (`domain.validate_template`), limits included."""
        try:
            return await self._run(
                domain.validate_template,
                subject,
                body,
                kind=kind,
                channel=channel,
                limits=self.limits,
            )
        except domain.TemplateError as exc:
            return exc.problems
