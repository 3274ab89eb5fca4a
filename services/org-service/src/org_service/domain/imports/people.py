"""People rows of an import: one staff member per row, upserted by `external_code` (工号).

Columns the file does not have keep their stored values (an ERP export without logins must
not wipe the subjects HR set). In a column the file has, an empty cell clears `email`,
`phone`, `org_unit_code`, `manager_code` and `subject`; for `locale`, `timezone` and `active`
it keeps the stored value (a new person gets `en`, `UTC` and active). Managers may be anywhere
in the file or already stored; valid rows come back managers first, ready to insert in order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass, field
from typing import Any, Final

from org_service.domain import lengths
from org_service.domain.errors import RowProblem
from org_service.domain.imports.rows import (
    ImportReport,
    check_header_and_codes,
    codes_in_cycles,
    finish_tree_report,
)
from org_service.domain.people import (
    PERSON_FIELDS,
    normalise_name,
    normalise_phone,
    parse_active,
)
from talentloop_shared.contacts import canonical_email
from talentloop_shared.i18n import canonical_timezone, locale_tag
from talentloop_shared.tabular import Table, TableRow

# The person's fields in snapshot order, the org unit and the manager named by their codes.
PEOPLE_COLUMNS: Final[tuple[str, ...]] = tuple(
    {"org_unit_id": "org_unit_code", "manager_id": "manager_code"}.get(name, name)
    for name in PERSON_FIELDS
)
PEOPLE_REQUIRED_COLUMNS: Final[tuple[str, ...]] = ("external_code", "name")


@dataclass(frozen=True, slots=True)
class PersonImportRow:
    """A valid, normalised person row; `given` names the columns the file sets for it
    (the others keep their stored values)."""

    row: int
    code: str
    name: str
    email: str | None = None
    phone: str | None = None
    locale: str | None = None
    timezone: str | None = None
    org_unit_code: str | None = None
    manager_code: str | None = None
    subject: str | None = None
    active: bool | None = None
    given: frozenset[str] = field(default_factory=frozenset)

    @property
    def external_code(self) -> str:
        """The code under the column name the reconciliation compares."""
        return self.code

    @property
    def parent(self) -> str | None:
        """The person they report to (the import writes that one first)."""
        return self.manager_code


def validate_people_rows(
    table: Table,
    *,
    known_org_unit_codes: Set[str],
    existing_managers: Mapping[str, str | None],
    subject_owners: Mapping[str, str],
) -> ImportReport[PersonImportRow]:
    """Validate people rows.

    `existing_managers` maps each stored person's key (their code, or `#<id>` for one without)
    to their manager's key, so a file cannot close a management loop through stored people;
    `subject_owners` maps each stored subject to its holder's key, so a file cannot give one
    login to two people.
    """
    problems, first_row = check_header_and_codes(
        table, PEOPLE_REQUIRED_COLUMNS, columns=PEOPLE_COLUMNS, key="external_code"
    )
    if first_row is None:
        return ImportReport("people", len(table.rows), [], problems)
    given = frozenset(c for c in PEOPLE_COLUMNS if c in table.columns) - {"external_code", "name"}
    parsed: list[tuple[int, PersonImportRow]] = []
    subject_rows: dict[str, int] = {}
    for source in table.rows:
        row_problems: list[RowProblem] = []
        person = _parse_person(
            source,
            given,
            known_org_unit_codes=known_org_unit_codes,
            known_people=first_row.keys() | existing_managers.keys(),
            problems=row_problems,
        )
        if subject := source.get("subject"):
            # Checked on every row, valid or not: a login given twice is a mistake either way.
            first = subject_rows.setdefault(subject, source.row)
            holder = subject_owners.get(subject)
            if first != source.row:
                row_problems.append(
                    RowProblem(source.row, "subject", f"{subject!r} is also in row {first}")
                )
            elif holder is not None and holder != source.get("external_code"):
                row_problems.append(
                    RowProblem(
                        source.row,
                        "subject",
                        f"{subject!r} already signs in as another person ({holder})",
                    )
                )
        problems.extend(row_problems)
        if person is not None and not row_problems and first_row.get(person.code) == source.row:
            parsed.append((source.row, person))

    if "manager_code" in given:
        manager_of: dict[str, str | None] = dict(existing_managers)
        manager_of.update({row.code: row.manager_code for _, row in parsed})
        for code in codes_in_cycles([row.code for _, row in parsed], manager_of):
            if code in first_row:
                problems.append(
                    RowProblem(
                        first_row[code],
                        "manager_code",
                        f"manager_code {manager_of[code]!r} forms a management cycle",
                    )
                )
    return finish_tree_report(
        "people", table, parsed, first_row, problems, column="manager_code", label="manager"
    )


def _parse_person(
    source: TableRow,
    given: frozenset[str],
    *,
    known_org_unit_codes: Set[str],
    known_people: Set[str],
    problems: list[RowProblem],
) -> PersonImportRow | None:
    n = source.row
    code = source.get("external_code")
    values: dict[str, Any] = {}

    def problem(column: str, text: str) -> None:
        problems.append(RowProblem(n, column, text))

    def normalised(column: str, rule: Callable[[str], Any]) -> None:
        raw = source.get(column)
        if not raw:
            return
        try:
            values[column] = rule(raw)
        except ValueError as exc:
            problem(column, str(exc))

    name = normalise_name(source.get("name"))
    if not name:
        problem("name", "required")
    elif len(name) > lengths.PERSON_NAME:  # the columns' lengths
        problem("name", f"longer than {lengths.PERSON_NAME} characters")
    normalised("email", canonical_email)
    normalised("phone", normalise_phone)
    normalised("locale", locale_tag)
    normalised("timezone", canonical_timezone)
    normalised("active", parse_active)
    if unit_code := source.get("org_unit_code"):
        if unit_code not in known_org_unit_codes:
            problem("org_unit_code", f"unknown org unit code {unit_code!r}")
        values["org_unit_code"] = unit_code
    if manager_code := source.get("manager_code"):
        if manager_code == code:
            problem("manager_code", "a person cannot be their own manager")
        elif manager_code not in known_people:
            problem("manager_code", f"unknown person code {manager_code!r}")
        values["manager_code"] = manager_code
    if subject := source.get("subject"):
        if len(subject) > lengths.SUBJECT:
            problem("subject", f"longer than {lengths.SUBJECT} characters")
        values["subject"] = subject
    if problems or not code:
        return None
    return PersonImportRow(row=n, code=code, name=name, given=given, **values)
