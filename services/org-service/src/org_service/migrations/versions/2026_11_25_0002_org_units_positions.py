"""Org units (materialised path), positions and position versions.

Revision ID: org_0002
Revises: org_0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "org_0002"
down_revision = "org_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "org_units",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("code", sa.String(64), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("parent_id", postgresql.UUID(as_uuid=True), nullable=True),
        sa.Column("path", postgresql.ARRAY(postgresql.UUID(as_uuid=True)), nullable=False),
        sa.Column("name_path", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["org_units.id"], name="fk_org_units_parent_id_org_units"),
        sa.PrimaryKeyConstraint("id", name="pk_org_units"),
        sa.UniqueConstraint("code", name="uq_org_units_code"),
    )
    op.create_index("ix_org_units_parent_id", "org_units", ["parent_id"])
    # GIN on the path array: `path @> ARRAY[:id]` (a subtree) is an index lookup.
    op.create_index("ix_org_units_path", "org_units", ["path"], postgresql_using="gin")

    op.create_table(
        "positions",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("code", sa.String(64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("org_unit_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("job_family", sa.String(100), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("location", sa.String(200), nullable=True),
        sa.Column("reports_to_position_id", postgresql.UUID(as_uuid=True), nullable=True),
        sa.Column("responsibilities", postgresql.JSONB(), nullable=False),
        sa.Column("requirements", postgresql.JSONB(), nullable=False),
        sa.Column("evaluation_scheme", postgresql.JSONB(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(["org_unit_id"], ["org_units.id"], name="fk_positions_org_unit_id_org_units"),
        sa.ForeignKeyConstraint(
            ["reports_to_position_id"], ["positions.id"],
            name="fk_positions_reports_to_position_id_positions",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_positions"),
        sa.UniqueConstraint("code", name="uq_positions_code"),
    )
    op.create_index("ix_positions_org_unit_id", "positions", ["org_unit_id"])
    op.create_index("ix_positions_status", "positions", ["status"])
    op.create_index("ix_positions_reports_to_position_id", "positions", ["reports_to_position_id"])
    op.create_index("ix_positions_created_at_id", "positions", ["created_at", "id"])

    op.create_table(
        "position_versions",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("position_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(16), nullable=False),
        sa.Column("changed_by", sa.String(200), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("changes", postgresql.JSONB(), nullable=False),
        sa.Column("snapshot", postgresql.JSONB(), nullable=False),
        sa.ForeignKeyConstraint(
            ["position_id"], ["positions.id"], ondelete="CASCADE",
            name="fk_position_versions_position_id_positions",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_position_versions"),
        sa.UniqueConstraint("position_id", "version", name="uq_position_versions_position_id"),
    )


def downgrade() -> None:
    op.drop_table("position_versions")
    op.drop_table("positions")
    op.drop_table("org_units")
