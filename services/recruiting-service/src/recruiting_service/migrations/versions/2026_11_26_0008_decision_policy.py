"""Decision policy (default and per-position overrides) and the decisions it makes.

Revision ID: recruiting_0008
Revises: recruiting_0007
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "recruiting_0008"
down_revision: str | None = "recruiting_0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "decision_policies",
        sa.Column("scope", sa.String(length=64), nullable=False),
        sa.Column("mode", sa.String(length=30), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=True),
        sa.Column("review_minutes", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_decision_policies")),
    )
    op.create_table(
        "policy_decisions",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("application_id", sa.UUID(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=30), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=True),
        sa.Column("review_minutes", sa.Integer(), nullable=False),
        sa.Column("basis", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("strengths", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("reasons", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("suggestions", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("scorecard", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decides_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("edited_by", sa.String(length=200), nullable=True),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=200), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution_note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_policy_decisions_application_id_applications"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_decisions")),
    )
    op.create_index(
        op.f("ix_policy_decisions_application_id"), "policy_decisions", ["application_id"]
    )
    op.create_index(
        "uq_policy_decisions_pending",
        "policy_decisions",
        ["application_id"],
        unique=True,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.create_index(
        "ix_policy_decisions_due",
        "policy_decisions",
        ["decides_at"],
        postgresql_where=sa.text("status = 'pending'"),
    )


def downgrade() -> None:
    op.drop_index("ix_policy_decisions_due", table_name="policy_decisions")
    op.drop_index("uq_policy_decisions_pending", table_name="policy_decisions")
    op.drop_index(op.f("ix_policy_decisions_application_id"), table_name="policy_decisions")
    op.drop_table("policy_decisions")
    op.drop_table("decision_policies")
