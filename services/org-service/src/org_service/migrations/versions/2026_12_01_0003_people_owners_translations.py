"""The staff directory (people), position owners and translations, org unit versions.

Revision ID: org_0003
Revises: org_0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "org_0003"
down_revision = "org_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("external_code", sa.String(64), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=True),
        sa.Column("phone", sa.String(32), nullable=True),
        sa.Column("locale", sa.String(35), server_default="en", nullable=False),
        sa.Column("timezone", sa.String(64), server_default="UTC", nullable=False),
        sa.Column("org_unit_id", postgresql.UUID(as_uuid=True), nullable=True),
        sa.Column("manager_id", postgresql.UUID(as_uuid=True), nullable=True),
        sa.Column("subject", sa.String(200), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(["org_unit_id"], ["org_units.id"], name="fk_people_org_unit_id_org_units"),
        sa.ForeignKeyConstraint(["manager_id"], ["people.id"], name="fk_people_manager_id_people"),
        sa.PrimaryKeyConstraint("id", name="pk_people"),
        sa.UniqueConstraint("external_code", name="uq_people_external_code"),
        sa.UniqueConstraint("subject", name="uq_people_subject"),
    )
    op.create_index("ix_people_org_unit_id", "people", ["org_unit_id"])
    op.create_index("ix_people_manager_id", "people", ["manager_id"])
    # The directory is listed by name: keyset pages over (name, id).
    op.create_index("ix_people_name_id", "people", ["name", "id"])

    op.add_column("positions", sa.Column("recruiter_id", postgresql.UUID(as_uuid=True), nullable=True))
    op.add_column("positions", sa.Column("hiring_manager_id", postgresql.UUID(as_uuid=True), nullable=True))
    op.add_column(
        "positions",
        sa.Column("titles", postgresql.JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=False),
    )
    op.create_foreign_key(
        "fk_positions_recruiter_id_people", "positions", "people", ["recruiter_id"], ["id"]
    )
    op.create_foreign_key(
        "fk_positions_hiring_manager_id_people", "positions", "people", ["hiring_manager_id"], ["id"]
    )
    # A person's change republishes the positions they own: found through these.
    op.create_index("ix_positions_recruiter_id", "positions", ["recruiter_id"])
    op.create_index("ix_positions_hiring_manager_id", "positions", ["hiring_manager_id"])

    op.add_column(
        "org_units", sa.Column("version", sa.Integer(), server_default="1", nullable=False)
    )


def downgrade() -> None:
    op.drop_column("org_units", "version")
    op.drop_index("ix_positions_hiring_manager_id", table_name="positions")
    op.drop_index("ix_positions_recruiter_id", table_name="positions")
    op.drop_constraint("fk_positions_hiring_manager_id_people", "positions", type_="foreignkey")
    op.drop_constraint("fk_positions_recruiter_id_people", "positions", type_="foreignkey")
    op.drop_column("positions", "titles")
    op.drop_column("positions", "hiring_manager_id")
    op.drop_column("positions", "recruiter_id")
    op.drop_table("people")
