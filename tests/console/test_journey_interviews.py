"""The interview loop in the console: a position's pipeline shows who was screened out and
why; HR schedules a panel of three; each interviewer signs in as themself and scores the
candidate; the scorecard shows the composite, a chart per dimension and the panel's
consistency; HR rejects with an edited suggestion, previewed in the candidate's language,
and that notice reaches the candidate's inbox; a pending policy decision is overturned.

The API sets up only what other people and systems do: the org structure and staff
directory, the position, candidates applying, and (for the decision) a panel scoring."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from playwright.async_api import expect

from talentloop_shared.devtools.suite import Suite
from talentloop_shared.testing.journeys import Setup
from talentloop_shared.testing.plugin import eventually
from talentloop_shared.testing.smtp import SMTPSink

pytestmark = pytest.mark.e2e

TIMEOUT = 30.0


async def _world(api: Setup, auth: Any, run: str, *, policy: dict[str, Any]) -> dict[str, Any]:
    """An org with two scoring departments, three interviewers in the staff directory, a
    position whose scheme has a dimension per department, and its decision policy."""
    unit = "/api/v1/org-units"
    company = await api.call(
        "POST", "org-service", unit, json={"name": f"Loop Co {run}", "kind": "company"}, expect=201
    )
    tech = await api.call(
        "POST",
        "org-service",
        unit,
        json={"name": f"Engineering {run}", "kind": "department", "parent_id": company["id"]},
        expect=201,
    )
    people = await api.call(
        "POST",
        "org-service",
        unit,
        json={"name": f"People {run}", "kind": "department", "parent_id": company["id"]},
        expect=201,
    )
    interviewers = {}
    for key, name, dept in (
        ("a", "Ada Tech", tech),
        ("b", "Bo Tech", tech),
        ("c", "Cai People", people),
    ):
        sub = f"iv-{key}-{run}"
        person = await api.call(
            "POST",
            "org-service",
            "/api/v1/people",
            json={
                "name": f"{name} {run}",
                "email": f"{sub}@staff.example",
                "locale": "en",
                "timezone": "Asia/Shanghai",
                "org_unit_id": dept["id"],
                "subject": sub,
            },
            expect=201,
        )
        interviewers[key] = {"sub": sub, "id": person["id"], "name": person["name"]}
    position = await api.call(
        "POST",
        "org-service",
        "/api/v1/positions",
        json={
            "title": f"Backend Engineer {run}",
            "org_unit_id": tech["id"],
            "job_family": "engineering",
            "location": "Shanghai",
            "requirements": {"min_years_experience": 3, "required_skills": ["python"]},
            "evaluation_scheme": {
                "dimensions": [
                    {
                        "key": "technical",
                        "name": "Technical depth",
                        "weight": 0.6,
                        "department_id": tech["id"],
                    },
                    {
                        "key": "culture",
                        "name": "Collaboration",
                        "weight": 0.4,
                        "department_id": people["id"],
                    },
                ]
            },
        },
        expect=201,
    )
    pid = position["id"]
    await api.poll("GET", "recruiting-service", f"/api/v1/openings/{pid}", "recruiting's opening")
    await api.call(
        "PUT", "recruiting-service", f"/api/v1/decision-policy/positions/{pid}", json=policy
    )
    for iv in interviewers.values():  # recruiting learns the staff directory by events
        await api.poll(
            "GET",
            "recruiting-service",
            "/api/v1/my/interviews",
            f"recruiting knows {iv['sub']}",
            headers=auth("interviewer", sub=iv["sub"]),
        )
    return {"position": position, "tech": tech, "people": people, "iv": interviewers}


async def _apply(
    api: Setup, run: str, pid: str, key: str, name: str, years: float, locale: str
) -> dict[str, Any]:
    candidate = await api.call(
        "POST",
        "recruiting-service",
        "/api/v1/candidates",
        json={
            "name": name,
            "email": f"{key}.{run}@candidates.example",
            "years_experience": years,
            "skills": ["python"],
            "locale": locale,
            "timezone": "Asia/Shanghai",
        },
        expect=201,
    )
    application = await api.call(
        "POST",
        "recruiting-service",
        "/api/v1/applications",
        json={"candidate_id": candidate["id"], "position_id": pid},
        expect=201,
    )
    return {"candidate": candidate, "application": application}


def _tomorrow_local() -> str:
    """Tomorrow 10:00 as a datetime-local value (the browser's own time zone)."""
    day = datetime.now(UTC) + timedelta(days=1)
    return day.strftime("%Y-%m-%dT10:00")


async def _score(ui: Any, iv: dict[str, Any], candidate: str, language: str, **form: Any) -> None:
    """An interviewer signs in as themself, opens the interview and submits the form."""
    page = ui.page
    await ui.switch_user("interviewer", iv["sub"], language)
    await ui.goto("/interviews")
    row = page.get_by_test_id("my-interview").filter(has_text=candidate)
    await expect(row).to_be_visible()
    await ui.check(f"interviews-list-{language}")
    await row.get_by_role("link").click()
    for dimension, score in form["scores"].items():
        await page.locator(f"select[name=score-{dimension}]").select_option(str(score))
        await page.locator(f"textarea[name=comment-{dimension}]").fill(form["comment"])
    await page.locator("textarea[name=strengths]").fill("\n".join(form.get("strengths", [])))
    await page.locator("textarea[name=concerns]").fill("\n".join(form.get("concerns", [])))
    await page.locator(f"input[name=recommendation][value={form['recommendation']}]").check()
    if form.get("screenshot"):
        await ui.check(f"scorecard-form-{language}")
    await page.locator("form button[type=submit]").click()
    await expect(
        page.get_by_role("status").filter(has_text=re.compile("submitted|已提交"))
    ).to_be_visible()


async def test_pipeline_panel_scorecard_and_rejection_with_an_edited_suggestion(
    ui: Any, suite: Suite, http: httpx.AsyncClient, auth: Any, mailbox: SMTPSink
) -> None:
    run = uuid.uuid4().hex[:6]
    api = Setup(suite, http, auth("hr_admin", sub="hr-setup"))
    # The policy stays out of this journey: HR decides the rejection here.
    world = await _world(api, auth, run, policy={"mode": "off", "review_minutes": 120})
    pid = world["position"]["id"]
    title = world["position"]["title"]
    wang = await _apply(api, run, pid, "wang", f"王小明{run}", 6, "zh-CN")
    junior = await _apply(api, run, pid, "junior", f"Jun Li {run}", 1, "en")
    assert wang["application"]["status"] == "screening"
    assert junior["application"]["status"] == "screened_out"
    page = ui.page

    # -- the pipeline: the screened-out candidate, with the requirement named -------------
    await ui.sign_in("hr_admin", f"hr-{run}", language="en")
    await ui.goto("/pipeline")
    await page.get_by_role("link", name=title).click()
    await expect(page.get_by_role("heading", level=1)).to_have_text(title)
    await page.get_by_role("tab", name=re.compile(r"^Screened out \(1\)")).click()
    row = page.get_by_test_id("application-row").filter(has_text=junior["candidate"]["name"])
    explanation = row.get_by_test_id("screening-explanation")
    await expect(explanation).to_contain_text("Years of experience")
    await expect(explanation).to_contain_text("expected 3")
    await expect(explanation).to_contain_text("has 1")
    await ui.check("pipeline-screened-out-en")
    await page.get_by_role("tab", name=re.compile(r"^Screening \(1\)")).click()
    await ui.check("pipeline-screening-en")

    # -- HR schedules a panel of three ---------------------------------------------------
    await page.get_by_role("link", name=wang["candidate"]["name"]).click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text(wang["candidate"]["name"])
    iv = world["iv"]
    # Members by name as the directory offers them, by bare name, and by id; the third
    # scores the department picked by name (its own, as it happens).
    members = (
        f"{iv['a']['name']} <{iv['a']['sub']}@staff.example>",
        iv["b"]["name"],
        iv["c"]["id"],
    )
    for index, member in enumerate(members):
        if index:
            await page.get_by_role("button", name="Add a panel member").click()
        await page.locator(f"input[name=member-{index}]").fill(member)
    await page.locator("input[name=department-2]").fill(world["people"]["name"])
    await page.locator("input[name=start]").fill(_tomorrow_local())
    await page.locator("input[name=location]").fill("Room 3, Shanghai office")
    await page.get_by_role("button", name="Schedule interview").click()
    await expect(page.get_by_text("Interview scheduled")).to_be_visible()
    interview_row = page.get_by_test_id("interview-row")
    for key in "abc":
        await expect(interview_row).to_contain_text(iv[key]["name"])
    await expect(interview_row).to_contain_text("Technical depth")
    await expect(interview_row).to_contain_text("Collaboration")
    await ui.check("application-scheduled-en")
    [planned] = (
        await api.call(
            "GET",
            "recruiting-service",
            f"/api/v1/interviews?application_id={wang['application']['id']}",
        )
    )["items"]
    assert [s["member_id"] for s in planned["panel"]] == [iv[k]["id"] for k in "abc"]
    assert planned["panel"][2]["department_id"] == world["people"]["id"]

    # -- each interviewer scores, signed in as themself ----------------------------------
    name = wang["candidate"]["name"]
    await _score(
        ui,
        iv["a"],
        name,
        "en",
        scores={"technical": 8},
        comment="Clear designs",
        strengths=["Python 基础扎实，代码清晰"],
        recommendation="hire",
        screenshot=True,
    )
    await _score(
        ui,
        iv["b"],
        name,
        "zh-CN",
        scores={"technical": 6},
        comment="并发经验不足",
        concerns=["高并发系统的实战经验不足"],
        recommendation="no_hire",
        screenshot=True,
    )
    await _score(
        ui,
        iv["c"],
        name,
        "en",
        scores={"culture": 7},
        comment="Works well with others",
        strengths=["团队协作意识强"],
        recommendation="hire",
    )

    # -- the scorecard: composite, a chart per dimension, consistency, calibration -------
    await ui.switch_user("hr_admin", f"hr-{run}", "en")
    app_id = wang["application"]["id"]
    await ui.goto(f"/pipeline/applications/{app_id}")
    await page.get_by_role("link", name="Scorecard").click()
    # technical: mean of 8 and 6 = 7; culture 7 → composite 7
    await expect(page.get_by_test_id("composite")).to_contain_text("7")
    for dimension in ("technical", "culture"):
        chart = page.get_by_test_id(f"chart-{dimension}")
        await expect(chart).to_be_visible()
        await expect(chart.locator("svg")).to_have_count(1)
    await expect(page.get_by_test_id("chart-technical")).to_have_attribute(
        "aria-label", re.compile(r"Technical depth: mean 7; scores .*8.*6")
    )
    await expect(page.get_by_test_id("consistency")).to_contain_text("%")
    await expect(page.get_by_test_id("calibration-row")).to_have_count(3)
    card = await api.call("GET", "recruiting-service", f"/api/v1/applications/{app_id}/scorecard")
    assert card["composite"] == 7.0 and card["panel_complete"] is True
    shown = f"{round(card['consistency'] * 100)}%"
    await expect(page.get_by_test_id("consistency")).to_contain_text(shown)
    await ui.check("scorecard-en")
    await page.get_by_label("Language").select_option("zh-CN")
    await expect(page.get_by_test_id("consistency")).to_contain_text("面试小组一致性")
    await ui.check("scorecard-zh-CN")

    # -- HR rejects with an edited suggestion, previewed in the candidate's language -----
    await page.get_by_role("link", name="拒绝…").click()
    strengths = page.locator("textarea[name=strengths]")
    await expect(strengths).to_have_value(re.compile("Python 基础扎实"))  # from the panel
    await expect(page.locator("textarea[name=reasons]")).to_have_value(
        re.compile("高并发系统的实战经验")
    )
    edited = f"参与一个真实的高并发开源项目并撰写复盘（{run}）"
    await page.locator("textarea[name=suggestions]").fill(edited)
    await page.locator("input[name=delay_minutes]").fill("0")
    preview = page.get_by_test_id("notice-preview")
    await expect(preview).to_contain_text(edited)
    await expect(preview.locator(".notice")).to_have_attribute("lang", "zh-CN")
    await expect(preview).to_contain_text(name)
    await ui.page.set_viewport_size({"width": 820, "height": 1180})
    await ui.check("reject-preview-zh-CN-tablet")
    await ui.page.set_viewport_size({"width": 1366, "height": 768})
    await page.get_by_label("语言").select_option("en")
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Reject")
    await ui.check("reject-preview-en")
    await page.get_by_role("button", name="Reject and send the notice").click()
    await expect(page.get_by_role("heading", name="Rejection")).to_be_visible()
    await expect(page.get_by_text(edited)).to_be_visible()
    await ui.check("application-rejected-en")

    # The notice reaches the candidate with the edited suggestion. Quiet hours or a review
    # setting (another journey's) may hold it: HR sends it now over the API.
    address = wang["candidate"]["email"]

    async def written() -> Any:
        r = await api.call(
            "GET",
            "notify-service",
            f"/api/v1/notifications?application_id={app_id}&kind=rejection",
        )
        return r["items"] or None

    [notice] = await eventually(written, timeout=TIMEOUT, message="the rejection notice")
    assert edited in (notice["body_text"] or ""), notice
    if notice["status"] == "pending_review":
        await api.call("POST", "notify-service", f"/api/v1/notifications/{notice['id']}/approve")
    if notice["status"] in ("scheduled", "pending_review"):
        await api.call(
            "POST",
            "notify-service",
            f"/api/v1/notifications/{notice['id']}/send-now",
            expect=(200, 201, 409),
        )

    async def mailed() -> Any:
        return [
            m for m in mailbox.messages if address in m.rcpt_tos and m.kind == "rejection"
        ] or None

    [mail] = await eventually(mailed, timeout=TIMEOUT, message="the rejection email")
    assert edited in mail.text()
    assert "Python 基础扎实" in mail.text()

    # The screened-out candidate's rejection starts from the requirement they missed,
    # drafted in their language (en), and the preview shows it.
    await ui.goto(f"/pipeline/applications/{junior['application']['id']}/reject")
    reasons = page.locator("textarea[name=reasons]")
    await expect(reasons).to_have_value(re.compile(r"\S"))
    first_reason = (await reasons.input_value()).splitlines()[0]
    await expect(page.get_by_test_id("notice-preview")).to_contain_text("at least 3 years")
    await expect(page.get_by_test_id("notice-preview").locator(".notice")).to_have_attribute(
        "lang", "en"
    )
    await ui.check("reject-screened-out-en")
    assert first_reason


async def _no_hire_panel(
    api: Setup, auth: Any, run: str, pid: str, iv: dict[str, Any], key: str, name: str
) -> dict[str, Any]:
    """A candidate whose panel met yesterday and every member said no hire (their own
    scorecards): the policy's decision waits for HR."""
    applied = await _apply(api, run, pid, key, name, 5, "zh-CN")
    app_id = applied["application"]["id"]
    yesterday = (datetime.now(UTC) - timedelta(days=1)).strftime("%Y-%m-%dT02:00:00Z")
    interview = await api.call(
        "POST",
        "recruiting-service",
        f"/api/v1/applications/{app_id}/interviews",
        json={"panel": [iv["a"]["id"], iv["c"]["id"]], "start": yesterday, "allow_overlap": True},
        expect=201,
    )
    for member, dimension in (("a", "technical"), ("c", "culture")):
        await api.call(
            "POST",
            "recruiting-service",
            f"/api/v1/interviews/{interview['id']}/evaluation",
            headers=auth("interviewer", sub=iv[member]["sub"]),
            json={
                "scores": [{"dimension": dimension, "score": 3}],
                "concerns": ["系统设计的深度不够"],
                "recommendation": "no_hire",
            },
            expect=201,
        )
    decision = await api.call(
        "GET", "recruiting-service", f"/api/v1/applications/{app_id}/decision"
    )
    assert decision["status"] == "pending"
    return applied


async def test_pending_policy_decisions_are_overturned_and_confirmed_in_the_decisions_screen(
    ui: Any, suite: Suite, http: httpx.AsyncClient, auth: Any
) -> None:
    run = uuid.uuid4().hex[:6]
    api = Setup(suite, http, auth("hr_admin", sub="hr-setup"))
    world = await _world(
        api, auth, run, policy={"mode": "unanimous_no_hire", "review_minutes": 120}
    )
    pid = world["position"]["id"]
    iv = world["iv"]
    lin = await _no_hire_panel(api, auth, run, pid, iv, "lin", f"林芳{run}")
    zhou = await _no_hire_panel(api, auth, run, pid, iv, "zhou", f"周杰{run}")
    app_id = lin["application"]["id"]

    page = ui.page
    await ui.sign_in("hr_admin", f"hr-{run}", language="zh-CN")
    # The decision-pending alert's link opens that application's decision alone.
    await ui.goto(f"/decisions?application={app_id}")
    await expect(page.get_by_test_id("decision")).to_have_count(1)
    await expect(page.get_by_test_id("decision")).to_contain_text(lin["candidate"]["name"])
    await ui.goto("/decisions")
    card = page.get_by_test_id("decision").filter(has_text=lin["candidate"]["name"])
    for _ in range(10):  # other journeys' decisions may come first: page on
        try:
            await expect(card).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            await page.get_by_role("button", name="加载更多").click()
    await expect(card).to_contain_text("系统设计的深度不够")
    await expect(card).to_contain_text("全体面试官均不建议录用")
    await expect(card).to_contain_text(re.compile(r"剩余 1[012]\d 分钟"))
    await ui.check("decisions-pending-zh-CN")
    await card.get_by_label("推翻原因（可选）").fill("Hiring manager wants a second round")
    await card.get_by_role("button", name="推翻：保留候选人").click()
    await expect(card.get_by_role("status")).to_contain_text("已推翻")
    await ui.check("decisions-overturned-zh-CN")
    other = page.get_by_test_id("decision").filter(has_text=zhou["candidate"]["name"])
    await other.get_by_role("button", name="确认：立即发送拒绝通知").click()
    await expect(other.get_by_role("status")).to_contain_text("已确认")
    await page.get_by_label("语言").select_option("en")
    await ui.goto("/decisions")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Pending decisions")
    await expect(
        page.get_by_test_id("decision").filter(has_text=lin["candidate"]["name"])
    ).to_have_count(0)
    await ui.check("decisions-en")

    await ui.goto(f"/decisions?application={app_id}")
    await expect(page.get_by_text("no longer pending")).to_be_visible()
    decided = await api.call("GET", "recruiting-service", f"/api/v1/applications/{app_id}/decision")
    assert decided["status"] == "overturned"
    assert decided["resolution_note"] == "Hiring manager wants a second round"
    application = await api.call("GET", "recruiting-service", f"/api/v1/applications/{app_id}")
    assert application["status"] == "interviewing"
    confirmed = await api.call(
        "GET", "recruiting-service", f"/api/v1/applications/{zhou['application']['id']}"
    )
    assert confirmed["status"] == "rejected" and confirmed["decision"]["status"] == "confirmed"

    # HR (elsewhere) changes the requirements: an application past screening is not
    # re-screened but flagged, and the pipeline shows the flag.
    position_url = suite.url("org-service") + f"/api/v1/positions/{pid}"
    current = await http.get(position_url, headers=auth("hr_admin", sub="hr-setup"))
    await api.call(
        "PATCH",
        "org-service",
        f"/api/v1/positions/{pid}",
        headers={**auth("hr_admin", sub="hr-setup"), "If-Match": current.headers["etag"]},
        json={"requirements": {"required_skills": ["python", "go"]}},
    )

    async def flagged() -> Any:
        a = await api.call("GET", "recruiting-service", f"/api/v1/applications/{app_id}")
        return a["flags"] or None

    await eventually(flagged, timeout=TIMEOUT, message="the application is flagged")
    await ui.goto(f"/pipeline/{pid}")
    await page.get_by_role("tab", name=re.compile(r"^Interviewing \(1\)")).click()
    row = page.get_by_test_id("application-row").filter(has_text=lin["candidate"]["name"])
    await expect(row).to_contain_text("Requirements changed since screening")
    await ui.check("pipeline-flagged-en")
    await page.get_by_label("Language").select_option("zh-CN")
    await expect(row).to_contain_text("筛选后职位要求已变更")
    await ui.check("pipeline-flagged-zh-CN")
    await row.get_by_role("link", name=lin["candidate"]["name"]).click()
    await expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{lin['candidate']['name']} 的申请"
    )
    await expect(page.get_by_text("决策规则：已推翻")).to_be_visible()
    await ui.check("application-zh-CN")


def _day_after_tomorrow_local(hour: int) -> str:
    day = datetime.now(UTC) + timedelta(days=2)
    return day.strftime(f"%Y-%m-%dT{hour:02d}:00")


async def _notices(api: Setup, app_id: str, kind: str, address: str) -> Any:
    """The notices of `kind` to `address` about the application, once notify wrote them."""

    async def written() -> Any:
        page = await api.call(
            "GET", "notify-service", f"/api/v1/notifications?application_id={app_id}&kind={kind}"
        )
        return [n for n in page["items"] if n["recipient"] == address] or None

    return await eventually(written, timeout=TIMEOUT, message=f"the {kind} notice to {address}")


async def test_hr_reschedules_and_cancels_an_interview_and_the_candidate_is_told(
    ui: Any, suite: Suite, http: httpx.AsyncClient, auth: Any
) -> None:
    run = uuid.uuid4().hex[:6]
    api = Setup(suite, http, auth("hr_admin", sub="hr-setup"))
    world = await _world(api, auth, run, policy={"mode": "off", "review_minutes": 120})
    pid, iv = world["position"]["id"], world["iv"]
    applied = await _apply(api, run, pid, "mei", f"Mei Chen {run}", 5, "en")
    app_id, address = applied["application"]["id"], applied["candidate"]["email"]
    page = ui.page

    # Two people of the same name: the name alone picks neither.
    await api.call(
        "POST",
        "org-service",
        "/api/v1/people",
        json={"name": iv["a"]["name"], "email": f"namesake-{run}@staff.example"},
        expect=201,
    )

    # A directory larger than a list holds: 510 people whose names sort before the
    # interviewer's, so the directory's first 500 do not reach her; the field searches.
    staff = "工号,姓名,邮箱\n" + "".join(
        f"f-{run}-{i:03},Aaron Filler {run} {i:03},f-{run}-{i:03}@staff.example\n"
        for i in range(510)
    )
    await api.call(
        "POST",
        "org-service",
        "/api/v1/imports",
        params={"kind": "people", "dry_run": "false"},
        files={"file": ("people.csv", staff.encode(), "text/csv")},
    )

    # -- HR schedules, then moves the interview to another day and room ----------------
    await ui.sign_in("hr_admin", f"hr-{run}", language="en")
    await ui.goto(f"/pipeline/applications/{app_id}")
    await page.locator("input[name=member-0]").fill(iv["a"]["name"])
    # the field's list offers what the directory found for the text: both namesakes
    await expect(page.locator("#people-0 option")).to_have_count(2)
    await page.locator("input[name=start]").fill(_tomorrow_local())
    await page.get_by_role("button", name="Schedule interview").click()
    await expect(page.get_by_role("alert")).to_contain_text(
        f"More than one match for {iv['a']['name']}"
    )
    listed = f"{iv['a']['name']} <{iv['a']['sub']}@staff.example>"
    await page.locator("input[name=member-0]").fill(listed)
    await expect(page.get_by_role("alert")).to_have_count(0)
    await page.locator("input[name=start]").fill(_tomorrow_local())
    await page.locator("input[name=location]").fill("Room 3")
    await page.get_by_role("button", name="Schedule interview").click()
    row = page.get_by_test_id("interview-row")
    await expect(row).to_contain_text("Room 3")
    await row.get_by_role("button", name="Reschedule").click()
    form = page.get_by_role("form", name="Reschedule the interview")
    await expect(form.locator("input[name=new-location]")).to_have_value("Room 3")
    await form.locator("input[name=new-start]").fill(_day_after_tomorrow_local(15))
    await form.locator("input[name=new-location]").fill(f"Room 5, floor {run}")
    await ui.check("interview-reschedule-en")
    await form.get_by_role("button", name="Save the new time").click()
    await expect(form).to_have_count(0)
    await expect(row).to_contain_text(f"Room 5, floor {run}")

    [interview] = (
        await api.call("GET", "recruiting-service", f"/api/v1/interviews?application_id={app_id}")
    )["items"]
    assert interview["location"] == f"Room 5, floor {run}" and interview["sequence"] == 1
    moved_to = datetime.fromisoformat(interview["start"])
    assert moved_to.date() == (datetime.now(UTC) + timedelta(days=2)).date()
    [update] = await _notices(api, app_id, "interview_update", address)
    assert f"Room 5, floor {run}" in (update["body_text"] or "")

    # -- then calls it off in Chinese, with a reason the candidate reads ---------------
    await page.get_by_label("Language").select_option("zh-CN")
    await row.get_by_role("button", name="取消面试").click()
    form = page.get_by_role("form", name="取消面试")
    reason = f"The hiring manager is travelling ({run})"
    await form.locator("textarea[name=cancel-reason]").fill(reason)
    await ui.check("interview-cancel-zh-CN")
    await form.get_by_role("button", name="取消面试并通知所有人").click()
    await expect(row).to_contain_text("已取消")
    await expect(row).to_contain_text(reason)
    await expect(row.get_by_role("button")).to_have_count(0)  # nothing left to change
    cancelled = await api.call("GET", "recruiting-service", f"/api/v1/interviews/{interview['id']}")
    assert cancelled["status"] == "cancelled" and cancelled["cancel_reason"] == reason
    [notice] = await _notices(api, app_id, "interview_cancellation", address)
    assert reason in (notice["body_text"] or "")

    # -- an interview that took place cannot be cancelled: the console says why -------
    yesterday = (datetime.now(UTC) - timedelta(days=1)).strftime("%Y-%m-%dT02:00:00Z")
    held = await api.call(
        "POST",
        "recruiting-service",
        f"/api/v1/applications/{app_id}/interviews",
        json={"panel": [iv["a"]["id"]], "start": yesterday, "allow_overlap": True},
        expect=201,
    )
    await api.call(
        "POST",
        "recruiting-service",
        f"/api/v1/interviews/{held['id']}/evaluation",
        headers=auth("interviewer", sub=iv["a"]["sub"]),
        json={"scores": [{"dimension": "technical", "score": 7}], "recommendation": "hire"},
        expect=201,
    )
    await page.get_by_label("语言").select_option("en")
    await page.reload()
    scored = page.get_by_test_id("interview-row").filter(has_text="scorecard in")
    await scored.get_by_role("button", name="Cancel interview").click()
    form = page.get_by_role("form", name="Cancel the interview")
    await form.get_by_role("button", name="Cancel the interview and tell everyone").click()
    await expect(form.get_by_role("alert")).to_contain_text("cannot be cancelled")
    ui.expect_failed_requests(409)  # provoked: the scored interview
    still = await api.call("GET", "recruiting-service", f"/api/v1/interviews/{held['id']}")
    assert still["status"] == "scheduled"

    # -- an interviewer who has not scored yesterday's interview still finds it --------
    owed = await api.call(
        "POST",
        "recruiting-service",
        f"/api/v1/applications/{app_id}/interviews",
        json={"panel": [iv["b"]["id"]], "start": yesterday, "allow_overlap": True},
        expect=201,
    )
    await ui.switch_user("interviewer", iv["b"]["sub"], "en")
    await ui.goto("/interviews")
    mine = page.get_by_test_id("my-interview").filter(has_text=applied["candidate"]["name"])
    await expect(mine).to_have_count(1)
    await mine.get_by_role("link", name=f"Score {applied['candidate']['name']}").click()
    await expect(page.locator("select[name=score-technical]")).to_be_visible()
    assert page.url.endswith(f"/interviews/{owed['id']}")


async def test_hr_adds_a_referred_candidate_who_is_screened_at_once(
    ui: Any, suite: Suite, http: httpx.AsyncClient, auth: Any
) -> None:
    setup = Setup(suite, http, auth("hr_admin", sub="hr-referral"))
    unit = await setup.unit("Referral Co")
    title = f"Buyer {setup.run}"
    position = await setup.position(unit, title, "purchasing", ["negotiation"], years=3)
    email = f"rui.{setup.run}@referrals.example"
    page = ui.page
    await ui.sign_in("hr_admin", "hr-referral", language="en")
    await ui.goto(f"/pipeline/{position}")
    await page.get_by_role("button", name="Add a candidate…").click()
    form = page.get_by_role("form", name="Add a candidate to this opening")
    await form.locator("input[name=candidate-name]").fill(f"Rui Referral {setup.run}")
    await form.locator("input[name=candidate-email]").fill(email)
    await form.locator("input[name=candidate-years]").fill("5")
    await form.locator("input[name=candidate-skills]").fill("Negotiation, Excel")
    await form.locator("select[name=candidate-education]").select_option("bachelor")
    await form.get_by_label("They agree to be kept in the talent pool if not hired").check()
    await ui.check("pipeline-add-candidate-en")
    await form.get_by_role("button", name="Add and screen").click()
    await page.wait_for_url(re.compile(r"/pipeline/applications/[0-9a-f-]{36}$"))
    await expect(page.get_by_role("heading", level=1)).to_contain_text(f"Rui Referral {setup.run}")
    await expect(page.get_by_text("Meets every requirement")).to_be_visible()
    await expect(page.get_by_text("referral", exact=True)).to_be_visible()

    # The same person again (another spelling of the name): recruiting knows the email, so
    # the one candidate is applied, and the opening says they already applied.
    await ui.goto(f"/pipeline/{position}")
    await page.get_by_role("button", name="Add a candidate…").click()
    await form.locator("input[name=candidate-name]").fill("R. Referral")
    await form.locator("input[name=candidate-email]").fill(email.upper())
    await form.get_by_role("button", name="Add and screen").click()
    await expect(form.get_by_role("alert")).to_contain_text("already")
    ui.expect_failed_requests(409, 409)
    found = await setup.call(
        "GET", "recruiting-service", "/api/v1/candidates", params={"email": email}
    )
    assert [c["name"] for c in found["items"]] == [f"Rui Referral {setup.run}"]
    assert found["items"][0]["talent_pool_consent"] is True
    assert found["items"][0]["skills"] == ["negotiation", "excel"]


async def test_hr_rejects_the_screened_out_at_once_each_with_their_own_notice(
    ui: Any, suite: Suite, http: httpx.AsyncClient, auth: Any
) -> None:
    setup = Setup(suite, http, auth("hr_admin", sub="hr-bulk"))
    unit = await setup.unit("Bulk Co")
    position = await setup.position(unit, f"Analyst {setup.run}", "finance", ["sql"], years=3)
    juniors = [
        await setup.applicant(key, position, ["sql"], name=f"{name} {setup.run}", years=1)
        for key, name in (("jun1", "Jin Junior"), ("jun2", "Jo Junior"))
    ]
    await setup.applicant("senior", position, ["sql"], name=f"Sam Senior {setup.run}", years=6)
    page = ui.page
    await ui.sign_in("hr_admin", "hr-bulk", language="en")
    await ui.goto(f"/pipeline/{position}")
    await page.get_by_role("tab", name=re.compile(r"^Screened out \(2\)")).click()
    rows = page.get_by_test_id("application-row")
    await expect(rows).to_have_count(2)
    for i in range(2):
        await rows.nth(i).get_by_role("checkbox").check()
    await page.get_by_role("button", name="Reject 2 selected…").click()
    form = page.get_by_role("form", name="Reject the selected applications")
    await expect(form).to_contain_text("Each candidate gets a notice of their own")
    await ui.check("pipeline-bulk-reject-en")
    await form.get_by_role("button", name="Reject 2").click()
    await expect(page.get_by_role("status").filter(has_text="2 rejected, 0 not.")).to_be_visible()
    await expect(page.get_by_role("tab", name=re.compile(r"^Rejected \(2\)"))).to_be_visible()
    await expect(page.get_by_role("tab", name=re.compile(r"^Screening \(1\)"))).to_be_visible()
    for junior, first in zip(juniors, ("Jin", "Jo"), strict=True):
        body = (await setup.notice_of(junior["candidate"]))["body_text"] or ""
        # each their own, naming what screening found: the experience the role asks for
        assert body.startswith(f"Dear {first},")
        assert "requires at least 3 years of relevant experience" in body
