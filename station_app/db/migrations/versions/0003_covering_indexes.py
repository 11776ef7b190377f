"""covering indexes for the monthly figures; (name, id) for register pages sorted by name

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AGES = ["age_years", "age_min", "age_max"]


def upgrade() -> None:
    with op.batch_alter_table("missing_reports") as batch:
        batch.drop_index("ix_missing_reports_registered_at")
        batch.drop_index("ix_missing_reports_traced_at")
        batch.create_index(
            "ix_missing_reports_registered_cover", ["registered_at", "sex", "case_type", *AGES]
        )
        batch.create_index(
            "ix_missing_reports_traced_cover",
            ["traced_at", "sex", "case_type", *AGES, "registered_at", "status"],
        )
        batch.create_index("ix_missing_reports_name_id", ["name", "id"])
    with op.batch_alter_table("found_children") as batch:
        batch.create_index("ix_found_children_name_id", ["name", "id"])


def downgrade() -> None:
    with op.batch_alter_table("found_children") as batch:
        batch.drop_index("ix_found_children_name_id")
    with op.batch_alter_table("missing_reports") as batch:
        batch.drop_index("ix_missing_reports_name_id")
        batch.drop_index("ix_missing_reports_traced_cover")
        batch.drop_index("ix_missing_reports_registered_cover")
        batch.create_index("ix_missing_reports_traced_at", ["traced_at"])
        batch.create_index("ix_missing_reports_registered_at", ["registered_at"])
