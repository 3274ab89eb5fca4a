"""Interviews people can attend: duration, place or video link, notes for the candidate,
status, calendar sequence and version; a panel (`interview_panel`, one row per member);
one evaluation per panel member instead of one per interview.

Revision ID: recruiting_0006
Revises: recruiting_0005
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "recruiting_0006"
down_revision: str | None = "recruiting_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "interviews",
        sa.Column("duration_minutes", sa.Integer(), server_default="60", nullable=False),
    )
    op.add_column("interviews", sa.Column("ends_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE interviews SET ends_at = scheduled_at + interval '60 minutes'")
    op.alter_column("interviews", "ends_at", nullable=False)
    op.add_column("interviews", sa.Column("location", sa.String(length=300), nullable=True))
    op.add_column("interviews", sa.Column("video_url", sa.String(length=1000), nullable=True))
    op.add_column("interviews", sa.Column("notes_for_candidate", sa.Text(), nullable=True))
    op.add_column(
        "interviews",
        sa.Column("status", sa.String(length=20), server_default="scheduled", nullable=False),
    )
    op.add_column(
        "interviews", sa.Column("sequence", sa.Integer(), server_default="0", nullable=False)
    )
    op.add_column(
        "interviews", sa.Column("version", sa.Integer(), server_default="1", nullable=False)
    )
    op.add_column(
        "interviews",
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
    )
    op.add_column(
        "interviews", sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("interviews", sa.Column("cancelled_by", sa.String(length=200), nullable=True))
    op.add_column("interviews", sa.Column("cancel_reason", sa.Text(), nullable=True))
    op.create_index(
        "ix_interviews_status_time", "interviews", ["status", "scheduled_at", "ends_at"]
    )

    op.create_table(
        "interview_panel",
        sa.Column("interview_id", sa.UUID(), nullable=False),
        sa.Column("member_id", sa.String(length=200), nullable=False),
        sa.Column("person_id", sa.UUID(), nullable=True),
        sa.Column("department_id", sa.String(length=100), nullable=False),
        sa.Column("dimensions", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("seat", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_interview_panel_interview_id_interviews"),
        ),
        sa.PrimaryKeyConstraint("interview_id", "member_id", name=op.f("pk_interview_panel")),
    )
    op.create_index("ix_interview_panel_member_id", "interview_panel", ["member_id"])
    op.create_index(
        op.f("ix_interview_panel_person_id"), "interview_panel", ["person_id"], unique=False
    )
    # Every interview so far had one interviewer: a panel of one.
    op.execute(
        "INSERT INTO interview_panel (interview_id, member_id, person_id, department_id,"
        " dimensions, seat)"
        " SELECT id, interviewer_id, NULL, department_id, dimensions, 0 FROM interviews"
    )

    op.drop_constraint("uq_evaluations_interview_id", "evaluations", type_="unique")
    op.create_unique_constraint(
        "uq_evaluations_interview_seat", "evaluations", ["interview_id", "interviewer_id"]
    )


def downgrade() -> None:
    op.drop_constraint("uq_evaluations_interview_seat", "evaluations", type_="unique")
    op.create_unique_constraint("uq_evaluations_interview_id", "evaluations", ["interview_id"])
    op.drop_index(op.f("ix_interview_panel_person_id"), table_name="interview_panel")
    op.drop_index("ix_interview_panel_member_id", table_name="interview_panel")
    op.drop_table("interview_panel")
    op.drop_index("ix_interviews_status_time", table_name="interviews")
    for column in (
        "cancel_reason",
        "cancelled_by",
        "cancelled_at",
        "updated_at",
        "version",
        "sequence",
        "status",
        "notes_for_candidate",
        "video_url",
        "location",
        "ends_at",
        "duration_minutes",
    ):
        op.drop_column("interviews", column)
