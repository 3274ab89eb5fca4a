"""Courses are versioned and can be withdrawn; they carry their teaching languages. The
catalogue as it stands is announced once (course-changed, through the outbox), so that the
services keeping a copy start from all of it.

Revision ID: talent_0005
Revises: talent_0004
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'talent_0005'
down_revision: str | None = 'talent_0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('courses', sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False))
    op.add_column('courses', sa.Column('locales', sa.ARRAY(sa.Text()), server_default='{}', nullable=False))
    op.add_column('courses', sa.Column('active', sa.Boolean(), server_default=sa.text('true'), nullable=False))
    op.add_column('courses', sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False))
    op.execute("UPDATE courses SET updated_at = created_at")
    # course-changed v1 ("created", version 1) for every course already in the catalogue,
    # written as the unit of work writes events (CloudEvents 1.0, structured JSON).
    op.execute(
        """
        INSERT INTO outbox (id, event_type, routing_key, envelope)
        SELECT e.id, 'course-changed', 'course-changed', jsonb_build_object(
            'specversion', '1.0',
            'id', e.id::text,
            'source', '/talent-service',
            'type', 'course-changed',
            'subject', 'courses/' || c.id::text,
            'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'datacontenttype', 'application/json',
            'dataschema', 'urn:talentloop:events:course-changed:v1',
            'data', jsonb_build_object(
                'change', 'created',
                'version', c.version,
                'course', jsonb_build_object(
                    'id', c.id::text, 'title', c.title, 'provider', c.provider, 'url', c.url,
                    'skills', to_jsonb(c.skills), 'locales', to_jsonb(c.locales),
                    'active', c.active
                )
            )
        )
        FROM courses AS c CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id) AS e
        ORDER BY c.created_at, c.id
        """
    )


def downgrade() -> None:
    op.drop_column('courses', 'updated_at')
    op.drop_column('courses', 'active')
    op.drop_column('courses', 'locales')
    op.drop_column('courses', 'version')
