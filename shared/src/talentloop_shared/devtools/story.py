"""The brief's story (S1–S5) driven over HTTP against the four running services.

The end-to-end tests run it (and kill a service midway); `make demo` runs it against the
services `make run` started, so a newcomer sees a populated system. Each step polls with a
deadline for what another service learns through events; nothing sleeps blindly.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import httpx

from talentloop_shared.auth import issue_token
from talentloop_shared.config import DEV_JWT_SECRET
from talentloop_shared.devtools.suite import Suite
from talentloop_shared.testing.plugin import eventually
from talentloop_shared.testing.smtp import ReceivedMail

HR_EMAIL = "hr-team@acme.example"


class Mailbox(Protocol):
    """Where the story looks for the emails notify-service sent."""

    @property
    def messages(self) -> list[ReceivedMail]: ...


TIMEOUT = 30.0


def bearer(*roles: str, sub: str = "hr-lead") -> dict[str, str]:
    """Authorization header for a dev token."""
    return {
        "Authorization": "Bearer " + issue_token(sub=sub, roles=list(roles), secret=DEV_JWT_SECRET)
    }


HR = bearer("hr_admin")


class Story:
    """The story's steps; `suite` runs the services, `mailbox` is the SMTP server."""

    def __init__(self, suite: Suite, http: httpx.AsyncClient, mailbox: Mailbox) -> None:
        self.suite = suite
        self.http = http
        self.mailbox = mailbox
        self.run = uuid.uuid4().hex[:6]
        # The panel met yesterday at 10:00 in Shanghai; HR records the interviews with their
        # scorecards (an interview already over invites and reminds nobody).
        day = datetime.now(UTC).date() - timedelta(days=1)
        self.interview_at = f"{day.isoformat()}T02:00:00Z"
        self.ids: dict[str, str] = {}
        self.rejection: ReceivedMail | None = None

    STEPS = (
        "org_structure",
        "screening",
        "restructure",
        "rescreened",
        "panel",
        "reject",
        "rejection_mail",
        "survey",
        "new_opening",
        "invite",
    )

    def url(self, service: str, path: str) -> str:
        return self.suite.url(service) + path

    async def call(
        self,
        method: str,
        service: str,
        path: str,
        *,
        expect: int = 200,
        headers: dict[str, str] | None = None,
        **kw: Any,
    ) -> Any:
        """One HTTP call; fails the test with the problem detail on an unexpected status."""
        r = await self.http.request(method, self.url(service, path), headers=headers or HR, **kw)
        assert r.status_code == expect, f"{method} {service}{path} → {r.status_code}: {r.text}"
        return r.json() if r.content and "json" in r.headers.get("content-type", "") else r

    async def poll(self, probe: Callable[[], Awaitable[Any]], what: str) -> Any:
        return await eventually(probe, timeout=TIMEOUT, interval=0.1, message=what)

    def mails_to(self, address: str, kind: str | None = None) -> list[ReceivedMail]:
        """Messages to `address` (of one notice kind: rejection, invitation, …)."""
        return [
            m
            for m in self.mailbox.messages
            if address in m.rcpt_tos and (kind is None or m.kind == kind)
        ]

    # -- 1. org structure ------------------------------------------------------------------
    async def org_structure(self) -> None:
        async def unit(name: str, kind: str, parent: str | None = None) -> str:
            body = {"name": f"{name} {self.run}", "kind": kind, "parent_id": parent}
            return (
                await self.call("POST", "org-service", "/api/v1/org-units", json=body, expect=201)
            )["id"]

        acme = unit_id = await unit("Acme", "company")
        self.ids["acme"] = acme
        self.ids["marketing"] = await unit("Marketing", "department", acme)
        self.ids["tech"] = await unit("Technology", "department", acme)
        self.ids["business"] = await unit("Business", "department", acme)
        self.ids["people"] = await unit("People", "department", acme)
        self.ids["east"] = await unit("East China Division", "division", unit_id)
        position = await self.call(
            "POST",
            "org-service",
            "/api/v1/positions",
            expect=201,
            json={
                "title": "Marketing Manager",
                "org_unit_id": self.ids["marketing"],
                "job_family": "marketing",
                "location": "Shanghai",
                "responsibilities": ["Own the brand's live-stream campaigns"],
                "requirements": {
                    "min_years_experience": 5,
                    "required_skills": ["Live-stream Marketing"],
                    "industries": ["FMCG"],
                },
                "evaluation_scheme": {
                    "dimensions": [
                        {
                            "key": "technical",
                            "name": "Technical ability",
                            "weight": 0.4,
                            "department_id": self.ids["tech"],
                        },
                        {
                            "key": "business",
                            "name": "Business understanding",
                            "weight": 0.3,
                            "department_id": self.ids["business"],
                        },
                        {
                            "key": "culture",
                            "name": "Culture fit",
                            "weight": 0.3,
                            "department_id": self.ids["people"],
                        },
                    ]
                },
            },
        )
        assert position["requirements"]["required_skills"] == ["live-stream marketing"]
        self.ids["position"] = position["id"]

    # -- 2. screening ----------------------------------------------------------------------
    async def screening(self) -> None:
        pid = self.ids["position"]

        async def opening() -> Any:
            r = await self.http.get(
                self.url("recruiting-service", f"/api/v1/openings/{pid}"), headers=HR
            )
            return r.json() if r.status_code == 200 else None

        await self.poll(opening, "recruiting shows the opening")

        async def candidate(
            key: str, name: str, years: float, skills: list[str], locale: str
        ) -> None:
            body = {
                "name": name,
                "email": f"{key}.{self.run}@candidates.example",
                # A mainland mobile number of this run's own (138 + 8 digits).
                "phone": f"+86 138 {(int(self.run, 16) + len(self.ids)) % 10**8:08d}",
                "years_experience": years,
                "skills": skills,
                "industries": ["fmcg"],
                "locale": locale,
                "timezone": "Asia/Shanghai",
                "talent_pool_consent": True,
            }
            c = await self.call(
                "POST", "recruiting-service", "/api/v1/candidates", json=body, expect=201
            )
            self.ids[f"{key}_candidate"] = c["id"]
            self.ids[f"{key}_email"] = c["email"]
            self.ids[f"{key}_phone"] = c["phone"]
            a = await self.call(
                "POST",
                "recruiting-service",
                "/api/v1/applications",
                json={"candidate_id": c["id"], "position_id": pid},
                expect=201,
            )
            self.ids[f"{key}_application"] = a["id"]
            self.ids[f"{key}_status"] = a["status"]
            self.ids[f"{key}_unmet"] = ",".join(u["requirement"] for u in a["screening"]["unmet"])

        await candidate("junior", "Zhang Wei", 3, ["live-stream marketing"], "zh-CN")
        await candidate(
            "lina",
            "李娜",
            6,
            ["live-stream marketing", "east china fmcg market", "data analysis"],
            "zh-CN",
        )
        await candidate("bob", "Bob Smith", 7, ["live-stream marketing"], "en")
        assert self.ids["junior_status"] == "screened_out"
        assert self.ids["junior_unmet"] == "min_years_experience"
        assert self.ids["lina_status"] == self.ids["bob_status"] == "screening"

    # -- 3. restructure --------------------------------------------------------------------
    async def restructure(self) -> None:
        moved = await self.call(
            "POST",
            "org-service",
            f"/api/v1/org-units/{self.ids['marketing']}/move",
            json={"parent_id": self.ids["east"]},
        )
        assert moved["positions_republished"] == 1
        pid = self.ids["position"]
        current = await self.http.get(
            self.url("org-service", f"/api/v1/positions/{pid}"), headers=HR
        )
        updated = await self.call(
            "PATCH",
            "org-service",
            f"/api/v1/positions/{pid}",
            headers={**HR, "If-Match": current.headers["etag"]},
            json={
                "title": "Marketing Strategy Manager, East China",
                "requirements": {
                    "required_skills": ["live-stream marketing", "east china fmcg market"]
                },
            },
        )
        self.ids["version"] = str(updated["version"])
        assert updated["org_unit"]["path"][-1].startswith("Marketing")
        assert "East China Division" in updated["org_unit"]["path"][-2]

    async def rescreened(self) -> None:
        version = int(self.ids["version"])

        async def bob_flipped() -> Any:
            a = await self.call(
                "GET", "recruiting-service", f"/api/v1/applications/{self.ids['bob_application']}"
            )
            return a if a["status"] == "screened_out" else None

        bob = await self.poll(bob_flipped, "Bob re-screened out after the restructure")
        assert bob["screening"]["position_version"] == version
        assert any(
            u["requirement"] == "required_skills" and u["expected"] == "east china fmcg market"
            for u in bob["screening"]["unmet"]
        )
        assert any(f"version {version}" in (h.get("reason") or "") for h in bob["history"])
        lina = await self.call(
            "GET", "recruiting-service", f"/api/v1/applications/{self.ids['lina_application']}"
        )
        assert lina["status"] == "screening"
        assert lina["screening"]["position_version"] == version

    # -- 4. panel --------------------------------------------------------------------------
    async def panel(self) -> None:
        app_id = self.ids["lina_application"]
        panel = [
            ("tech", f"iv-tech-{self.run}", {"technical": 8}, ["数据分析能力扎实，方法清晰"], []),
            ("business", f"iv-biz-{self.run}", {"business": 6}, [], ["缺少华东区域渠道管理经验"]),
            ("people", f"iv-people-{self.run}", {"culture": 7}, ["团队协作意识强"], []),
        ]  # each run its own panel: their calendars are booked at that hour
        for dept, interviewer, scores, strengths, concerns in panel:
            interview = await self.call(
                "POST",
                "recruiting-service",
                f"/api/v1/applications/{app_id}/interviews",
                expect=201,
                json={
                    "interviewer_id": interviewer,
                    "department_id": self.ids[dept],
                    "scheduled_at": self.interview_at,
                },
            )
            assert [d["key"] for d in interview["dimensions"]] == list(scores)
            await self.call(
                "POST",
                "recruiting-service",
                f"/api/v1/interviews/{interview['id']}/evaluation",
                expect=201,
                headers=bearer("interviewer", sub=interviewer),
                json={
                    "scores": [{"dimension": k, "score": v} for k, v in scores.items()],
                    "strengths": strengths,
                    "concerns": concerns,
                    "recommendation": "hire" if dept != "business" else "no_hire",
                },
            )
        card = await self.call(
            "GET", "recruiting-service", f"/api/v1/applications/{app_id}/scorecard"
        )
        assert card["composite"] == 7.1
        assert card["dimensions"] == {"technical": 8.0, "business": 6.0, "culture": 7.0}
        assert 0 <= card["consistency"] <= 1

    # -- 5. rejection notice ---------------------------------------------------------------
    async def reject(self) -> None:
        await self.call(
            "PUT",
            "notify-service",
            "/api/v1/settings",
            json={
                "cc_hr": HR_EMAIL,
                # start == end: no quiet hours, so the story runs alike at any hour.
                "quiet_hours": {"start": "00:00", "end": "00:00"},
                "default_delay_minutes": 120,
                "review_required": False,
            },
        )
        rejected = await self.call(
            "POST",
            "recruiting-service",
            f"/api/v1/applications/{self.ids['lina_application']}/reject",
            headers={**HR, "Idempotency-Key": f"reject-{self.run}"},
            json={"notify": {"send": True, "channels": ["email"], "delay_minutes": 0}},
        )
        assert rejected["status"] == "rejected"

    async def rejection_mail(self) -> None:
        address = self.ids["lina_email"]
        (self.rejection,) = await self.poll(
            lambda: _some(self.mails_to(address, "rejection")), "rejection email"
        )

    # -- 6. survey -------------------------------------------------------------------------
    async def survey(self) -> None:
        mail = self.rejection
        assert mail is not None, "run rejection_mail first"
        link = re.search(r"https?://\S+/survey/[A-Za-z0-9_\-\.=]+", mail.text())
        assert link, mail.text()
        page = await self.http.get(link.group(0))
        assert page.status_code == 200 and 'lang="zh' in page.text
        token = link.group(0).rsplit("/", 1)[1]
        self.ids["survey_token"] = token
        answer = await self.http.post(
            self.url("notify-service", f"/survey/{token}"),
            data={
                "tone": "5",
                "detail": "4",
                "timeliness": "5",
                "helpfulness": "4",
                "comment": "反馈很具体，谢谢",
                "open_to_future_roles": "yes",
            },
        )
        assert answer.status_code == 200

        async def counted() -> Any:
            s = await self.call(
                "GET", "notify-service", "/api/v1/feedback/summary?group_by=job_family"
            )
            return s if _responses(s, "marketing") >= 1 else None

        await self.poll(counted, "the feedback summary counts the answer")

        async def open_to_contact() -> Any:
            r = await self.http.get(
                self.url("talent-service", f"/api/v1/talents/{self.ids['lina_candidate']}"),
                headers=HR,
            )
            if r.status_code != 200:
                return None
            tags = {(t["kind"], t["value"]) for t in r.json()["tags"]}
            return tags if any(k == "open_to_contact" for k, _ in tags) else None

        await self.poll(open_to_contact, "talent marks the profile open to contact")

    # -- 7. new opening, match, invitation -------------------------------------------------
    async def new_opening(self) -> None:
        position = await self.call(
            "POST",
            "org-service",
            "/api/v1/positions",
            expect=201,
            json={
                "title": "Medical Data Analyst",
                "org_unit_id": self.ids["east"],
                "job_family": "operations",
                "requirements": {"min_years_experience": 2, "required_skills": ["data analysis"]},
            },
        )
        self.ids["analyst_position"] = position["id"]

    async def invite(self) -> None:
        pid = self.ids["analyst_position"]

        async def matched() -> Any:
            r = await self.http.get(
                self.url("talent-service", f"/api/v1/positions/{pid}/matches"), headers=HR
            )
            if r.status_code != 200:
                return None
            items = [m for m in r.json()["items"] if m["talent_id"] == self.ids["lina_candidate"]]
            return items[0] if items else None

        match = await self.poll(matched, "talent lists the rejected candidate as a match")
        assert match["matched_required"] == ["data analysis"]
        assert match["explanation"].startswith("1 of 1 required skill; 6 years ≥ 2"), match
        await self.call(
            "POST",
            "talent-service",
            f"/api/v1/matches/{match['id']}/invite",
            expect=201,
            json={"message": "我们有一个新的数据分析岗位，期待与你再次交流"},
        )

        async def invited_application() -> Any:
            r = await self.call(
                "GET", "recruiting-service", f"/api/v1/applications?position_id={pid}"
            )
            return [a for a in r["items"] if a["source"] == "talent_pool"] or None

        apps = await self.poll(invited_application, "recruiting shows the invited application")
        self.ids["invited_applications"] = str(len(apps))
        assert [a["candidate_id"] for a in apps] == [self.ids["lina_candidate"]]
        address = self.ids["lina_email"]
        await self.poll(lambda: _some(self.mails_to(address, "invitation")), "invitation email")

    # -- after the story: the person asks to be forgotten (not in `make demo`) ------------
    async def erase(self) -> None:
        """Lina withdraws her consent: talent erases her, recruiting and notify follow."""
        lina, pid = self.ids["lina_candidate"], self.ids["analyst_position"]
        await self.call("DELETE", "talent-service", f"/api/v1/talents/{lina}", expect=204)

        async def anonymised() -> Any:
            c = await self.call("GET", "recruiting-service", f"/api/v1/candidates/{lina}")
            return c if c["erased_at"] else None

        candidate = await self.poll(anonymised, "recruiting erased the candidate")
        assert candidate["email"] is None and candidate["phone"] is None, candidate
        assert candidate["name"] != "李娜" and not candidate["skills"], candidate
        apps = await self.call(
            "GET", "recruiting-service", f"/api/v1/applications?candidate_id={lina}"
        )
        invited = [a for a in apps["items"] if a["position_id"] == pid]
        assert [a["status"] for a in invited] == ["withdrawn"], invited

        async def notices_erased() -> Any:
            r = await self.call(
                "GET", "notify-service", f"/api/v1/notifications?candidate_id={lina}"
            )
            items = r["items"]
            gone = all(n["recipient"] is None and n["body_text"] is None for n in items)
            return items if items and gone else None

        notices = await self.poll(notices_erased, "notify erased the notices")
        assert {n["kind"] for n in notices} == {"rejection", "invitation"}, notices
        await self.call("GET", "talent-service", f"/api/v1/talents/{lina}", expect=404)


async def _some(items: list[Any]) -> list[Any] | None:
    return items or None


def _responses(summary: dict[str, Any], group: str) -> int:
    for g in summary.get("groups", []):
        if g.get("group") == group or g.get("key") == group:
            return int(g.get("responses", 0))
    return 0
