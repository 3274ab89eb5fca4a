"""A match's id follows from its position and profile (uuid3, domain.matching.match_id);
the primary key alone keeps one match per person and opening, so the second unique index
that every match written had to maintain goes.

Existing matches get their new ids (invitations follow). Match ids were never stable
across a re-scoring before this (a re-score gave every uninvited match a new id).

Revision ID: talent_0007
Revises: talent_0006
Create Date: 2026-11-27
"""

from collections.abc import Sequence

from alembic import op

revision: str = 'talent_0007'
down_revision: str | None = 'talent_0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# domain.matching.MATCH_ID_NAMESPACE and db.scoring.match_id_sql as of this revision.
NAMESPACE = '6f1c2d1e5b0a4c8e9d533a7e2f4b8c10'
DIGEST = (
    f"decode(md5(decode('{NAMESPACE}', 'hex') || convert_to("
    "length(m.position_id)::text || ':' || m.position_id || m.profile_id, 'UTF8')), 'hex')"
)
MATCH_ID = (
    f"encode(set_byte(set_byte({DIGEST}, 6, (get_byte({DIGEST}, 6) & 15) | 48), "
    f"8, (get_byte({DIGEST}, 8) & 63) | 128), 'hex')::uuid"
)


def upgrade() -> None:
    op.drop_constraint('fk_invitations_match_id_talent_matches', 'invitations', type_='foreignkey')
    op.execute(
        f"UPDATE invitations AS i SET match_id = {MATCH_ID} "
        "FROM talent_matches AS m WHERE m.id = i.match_id"
    )
    op.execute(f"UPDATE talent_matches AS m SET id = {MATCH_ID}")
    op.create_foreign_key(
        'fk_invitations_match_id_talent_matches', 'invitations', 'talent_matches',
        ['match_id'], ['id'], ondelete='CASCADE',
    )
    op.drop_constraint('uq_talent_matches_profile_position', 'talent_matches', type_='unique')


def downgrade() -> None:
    op.create_unique_constraint(
        'uq_talent_matches_profile_position', 'talent_matches', ['profile_id', 'position_id']
    )
