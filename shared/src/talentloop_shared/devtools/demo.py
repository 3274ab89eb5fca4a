"""`make demo`: play the brief's story against the services `make run` started.

HR builds an org and a "Marketing Manager" position, three candidates apply (one is
screened out, naming the requirement), a restructure re-screens them, a panel of three
scores one, HR rejects her and a kind, specific email lands in `.run/mail/`, she answers the
survey, and a new opening finds her in the talent pool and invites her back.
"""

from __future__ import annotations

import asyncio
import email
import sys
from email.utils import getaddresses
from pathlib import Path

import httpx

from talentloop_shared.devtools.story import Story
from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.testing.smtp import ReceivedMail

NARRATION = {
    "org_structure": "HR creates Acme's org units and a 'Marketing Manager' position "
    "(5 years, FMCG, live-stream marketing; panel 40/30/30)",
    "screening": "three candidates apply: the 3-year one is screened out, naming "
    "min_years_experience; two pass",
    "restructure": "HR moves Marketing under the East China Division and adds "
    "'east china fmcg market' to the requirements",
    "rescreened": "recruiting re-screens: one candidate flips to screened_out, with history",
    "panel": "three interviewers from three departments score 李娜: composite 7.1",
    "reject": "HR rejects 李娜 with delay 0",
    "rejection_mail": "a specific, kind notice in Chinese arrives, HR in copy",
    "survey": "李娜 answers the survey from the link; talent marks her open to contact",
    "new_opening": "HR opens a 'Medical Data Analyst' position",
    "invite": "talent-service matches 李娜, HR invites her, recruiting shows the application "
    "and an invitation email arrives",
}


class MailFolderReader:
    """The .eml files `make run` saved, as received messages."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def messages(self) -> list[ReceivedMail]:
        found = []
        for path in sorted(self.folder.glob("*.eml")):
            msg = email.message_from_bytes(path.read_bytes())
            rcpts = [
                addr for _, addr in getaddresses(msg.get_all("To", []) + msg.get_all("Cc", []))
            ]
            found.append(ReceivedMail(msg.get("From", ""), rcpts, msg))
        return found


async def main() -> int:
    """Run the story once; print each step."""
    suite = Suite(pg_url="", amqp_url="")
    async with httpx.AsyncClient(timeout=15) as http:
        for spec in SERVICES:
            try:
                (await http.get(suite.url(spec.name) + "/readyz")).raise_for_status()
            except httpx.HTTPError:
                print(
                    f"demo: {spec.name} is not ready at {suite.url(spec.name)}; "
                    "start the suite with `make run` in another terminal first",
                    file=sys.stderr,
                )
                return 2
        story = Story(suite, http, MailFolderReader(Path(".run/mail")))
        for step in Story.STEPS:
            await getattr(story, step)()
            print(f"  ✓ {NARRATION[step]}")
    print(
        f"\nDone. Emails: .run/mail/   Position: {suite.url('org-service')}/api/v1/positions/"
        f"{story.ids['position']}   (make token ROLE=hr_admin for a token)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
