"""Initial schema: works, titles, agents, credits, events, sources, citations, attachments, change log.

Revision ID: 0001
Revises: 
Create Date: 2026-11-26 07:05:54.760551
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('agent',
    sa.Column('agent_type', sa.String(length=32), nullable=False),
    sa.Column('dates', sa.String(length=64), nullable=True),
    sa.Column('dates_lower', sa.String(length=10), nullable=True),
    sa.Column('dates_upper', sa.String(length=10), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agent')),
    sa.UniqueConstraint('uuid', name=op.f('uq_agent_uuid'))
    )
    op.create_table('catalogue_setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_catalogue_setting'))
    )
    op.create_table('change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('operation', sa.String(length=36), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('who', sa.Text(), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('record_kind', sa.String(length=32), nullable=False),
    sa.Column('record_uuid', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('why', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change'))
    )
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_operation'), ['operation'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_record_uuid'), ['record_uuid'], unique=False)

    op.create_table('saved_search',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('query', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_search')),
    sa.UniqueConstraint('name', name=op.f('uq_saved_search_name')),
    sa.UniqueConstraint('uuid', name=op.f('uq_saved_search_uuid'))
    )
    op.create_table('source',
    sa.Column('source_type', sa.String(length=32), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('short_title', sa.Text(), nullable=True),
    sa.Column('container_title', sa.Text(), nullable=True),
    sa.Column('date', sa.String(length=64), nullable=True),
    sa.Column('date_lower', sa.String(length=10), nullable=True),
    sa.Column('date_upper', sa.String(length=10), nullable=True),
    sa.Column('publisher', sa.Text(), nullable=True),
    sa.Column('publisher_place', sa.Text(), nullable=True),
    sa.Column('volume', sa.String(length=32), nullable=True),
    sa.Column('issue', sa.String(length=32), nullable=True),
    sa.Column('pages', sa.String(length=32), nullable=True),
    sa.Column('edition', sa.String(length=32), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('accessed', sa.String(length=10), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('identifiers', sa.JSON(), nullable=False),
    sa.Column('archive_location', sa.Text(), nullable=True),
    sa.Column('source_class', sa.String(length=32), nullable=True),
    sa.Column('abstract', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source')),
    sa.UniqueConstraint('uuid', name=op.f('uq_source_uuid'))
    )
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_source_class'), ['source_class'], unique=False)

    op.create_table('work',
    sa.Column('identifier', sa.String(length=64), nullable=True),
    sa.Column('form', sa.String(length=32), nullable=False),
    sa.Column('countries', sa.JSON(), nullable=False),
    sa.Column('production_date', sa.String(length=64), nullable=True),
    sa.Column('production_date_lower', sa.String(length=10), nullable=True),
    sa.Column('production_date_upper', sa.String(length=10), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('colour', sa.String(length=16), nullable=True),
    sa.Column('sound', sa.String(length=16), nullable=True),
    sa.Column('running_time', sa.Integer(), nullable=True),
    sa.Column('genres', sa.JSON(), nullable=False),
    sa.Column('subjects', sa.JSON(), nullable=False),
    sa.Column('synopsis', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('record_status', sa.String(length=16), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work')),
    sa.UniqueConstraint('identifier', name=op.f('uq_work_identifier')),
    sa.UniqueConstraint('uuid', name=op.f('uq_work_uuid'))
    )
    with op.batch_alter_table('work', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_production_date_lower'), ['production_date_lower'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_production_date_upper'), ['production_date_upper'], unique=False)

    op.create_table('agent_honour',
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('honour', sa.Text(), nullable=False),
    sa.Column('date', sa.String(length=64), nullable=True),
    sa.Column('date_lower', sa.String(length=10), nullable=True),
    sa.Column('date_upper', sa.String(length=10), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_agent_honour_agent_id_agent'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agent_honour')),
    sa.UniqueConstraint('uuid', name=op.f('uq_agent_honour_uuid'))
    )
    with op.batch_alter_table('agent_honour', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agent_honour_agent_id'), ['agent_id'], unique=False)

    op.create_table('agent_identifier',
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('authority', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_agent_identifier_agent_id_agent'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agent_identifier')),
    sa.UniqueConstraint('uuid', name=op.f('uq_agent_identifier_uuid'))
    )
    with op.batch_alter_table('agent_identifier', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agent_identifier_agent_id'), ['agent_id'], unique=False)

    op.create_table('agent_name',
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_type', sa.String(length=32), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('script', sa.String(length=8), nullable=True),
    sa.Column('scheme', sa.String(length=16), nullable=True),
    sa.Column('used_from', sa.String(length=64), nullable=True),
    sa.Column('used_to', sa.String(length=64), nullable=True),
    sa.Column('preferred', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_agent_name_agent_id_agent'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agent_name')),
    sa.UniqueConstraint('uuid', name=op.f('uq_agent_name_uuid'))
    )
    with op.batch_alter_table('agent_name', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agent_name_agent_id'), ['agent_id'], unique=False)

    op.create_table('credit',
    sa.Column('work_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('character', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('credited_as', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_credit_agent_id_agent'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['work_id'], ['work.id'], name=op.f('fk_credit_work_id_work'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credit')),
    sa.UniqueConstraint('uuid', name=op.f('uq_credit_uuid'))
    )
    with op.batch_alter_table('credit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_credit_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_credit_work_id'), ['work_id'], unique=False)

    op.create_table('manifestation',
    sa.Column('work_id', sa.Integer(), nullable=False),
    sa.Column('manifestation_type', sa.String(length=32), nullable=False),
    sa.Column('date', sa.String(length=64), nullable=True),
    sa.Column('date_lower', sa.String(length=10), nullable=True),
    sa.Column('date_upper', sa.String(length=10), nullable=True),
    sa.Column('format', sa.Text(), nullable=True),
    sa.Column('language_version', sa.String(length=32), nullable=True),
    sa.Column('running_time', sa.Integer(), nullable=True),
    sa.Column('distributor_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['distributor_id'], ['agent.id'], name=op.f('fk_manifestation_distributor_id_agent'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['work_id'], ['work.id'], name=op.f('fk_manifestation_work_id_work'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_manifestation')),
    sa.UniqueConstraint('uuid', name=op.f('uq_manifestation_uuid'))
    )
    with op.batch_alter_table('manifestation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_manifestation_distributor_id'), ['distributor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_manifestation_work_id'), ['work_id'], unique=False)

    op.create_table('source_contributor',
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('family', sa.Text(), nullable=True),
    sa.Column('given', sa.Text(), nullable=True),
    sa.Column('literal', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_source_contributor_agent_id_agent'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_source_contributor_source_id_source'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_contributor')),
    sa.UniqueConstraint('uuid', name=op.f('uq_source_contributor_uuid'))
    )
    with op.batch_alter_table('source_contributor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_contributor_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_source_contributor_source_id'), ['source_id'], unique=False)

    op.create_table('event',
    sa.Column('work_id', sa.Integer(), nullable=True),
    sa.Column('manifestation_id', sa.Integer(), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('event_type', sa.String(length=32), nullable=False),
    sa.Column('label', sa.Text(), nullable=True),
    sa.Column('date', sa.String(length=64), nullable=True),
    sa.Column('date_lower', sa.String(length=10), nullable=True),
    sa.Column('date_upper', sa.String(length=10), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('venue', sa.Text(), nullable=True),
    sa.Column('organiser_id', sa.Integer(), nullable=True),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['manifestation_id'], ['manifestation.id'], name=op.f('fk_event_manifestation_id_manifestation'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organiser_id'], ['agent.id'], name=op.f('fk_event_organiser_id_agent'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['parent_id'], ['event.id'], name=op.f('fk_event_parent_id_event'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['work_id'], ['work.id'], name=op.f('fk_event_work_id_work'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event')),
    sa.UniqueConstraint('uuid', name=op.f('uq_event_uuid'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_country'), ['country'], unique=False)
        batch_op.create_index('ix_event_date_bounds', ['date_lower', 'date_upper'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_manifestation_id'), ['manifestation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_organiser_id'), ['organiser_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_work_id'), ['work_id'], unique=False)

    op.create_table('item',
    sa.Column('work_id', sa.Integer(), nullable=False),
    sa.Column('manifestation_id', sa.Integer(), nullable=True),
    sa.Column('holder_id', sa.Integer(), nullable=True),
    sa.Column('carrier', sa.String(length=32), nullable=True),
    sa.Column('shelf_mark', sa.Text(), nullable=True),
    sa.Column('condition', sa.Text(), nullable=True),
    sa.Column('access_notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['holder_id'], ['agent.id'], name=op.f('fk_item_holder_id_agent'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['manifestation_id'], ['manifestation.id'], name=op.f('fk_item_manifestation_id_manifestation'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['work_id'], ['work.id'], name=op.f('fk_item_work_id_work'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item')),
    sa.UniqueConstraint('uuid', name=op.f('uq_item_uuid'))
    )
    with op.batch_alter_table('item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_holder_id'), ['holder_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_manifestation_id'), ['manifestation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_work_id'), ['work_id'], unique=False)

    op.create_table('title',
    sa.Column('work_id', sa.Integer(), nullable=False),
    sa.Column('manifestation_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('title_type', sa.String(length=32), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('script', sa.String(length=8), nullable=True),
    sa.Column('scheme', sa.String(length=16), nullable=True),
    sa.Column('preferred', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['manifestation_id'], ['manifestation.id'], name=op.f('fk_title_manifestation_id_manifestation'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['work_id'], ['work.id'], name=op.f('fk_title_work_id_work'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_title')),
    sa.UniqueConstraint('uuid', name=op.f('uq_title_uuid'))
    )
    with op.batch_alter_table('title', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_title_manifestation_id'), ['manifestation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_title_work_id'), ['work_id'], unique=False)

    op.create_table('attachment',
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('work_id', sa.Integer(), nullable=True),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.Text(), nullable=False),
    sa.Column('media_type', sa.String(length=128), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('added', sa.String(length=32), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.CheckConstraint('(source_id IS NOT NULL) + (work_id IS NOT NULL) + (item_id IS NOT NULL) = 1', name=op.f('ck_attachment_one_target')),
    sa.ForeignKeyConstraint(['item_id'], ['item.id'], name=op.f('fk_attachment_item_id_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_attachment_source_id_source'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['work_id'], ['work.id'], name=op.f('fk_attachment_work_id_work'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment')),
    sa.UniqueConstraint('uuid', name=op.f('uq_attachment_uuid'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_work_id'), ['work_id'], unique=False)

    op.create_table('citation',
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('work_id', sa.Integer(), nullable=True),
    sa.Column('title_id', sa.Integer(), nullable=True),
    sa.Column('credit_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('agent_name_id', sa.Integer(), nullable=True),
    sa.Column('manifestation_id', sa.Integer(), nullable=True),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=64), nullable=True),
    sa.Column('locator', sa.Text(), nullable=True),
    sa.Column('locator_type', sa.String(length=16), nullable=True),
    sa.Column('excerpt', sa.Text(), nullable=True),
    sa.Column('excerpt_language', sa.String(length=8), nullable=True),
    sa.Column('translation', sa.Text(), nullable=True),
    sa.Column('claimed_value', sa.Text(), nullable=True),
    sa.Column('confidence', sa.String(length=16), nullable=False),
    sa.Column('preferred', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.CheckConstraint('(work_id IS NOT NULL) + (title_id IS NOT NULL) + (credit_id IS NOT NULL) + (event_id IS NOT NULL) + (agent_id IS NOT NULL) + (agent_name_id IS NOT NULL) + (manifestation_id IS NOT NULL) + (item_id IS NOT NULL) = 1', name=op.f('ck_citation_one_target')),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_citation_agent_id_agent'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['agent_name_id'], ['agent_name.id'], name=op.f('fk_citation_agent_name_id_agent_name'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['credit_id'], ['credit.id'], name=op.f('fk_citation_credit_id_credit'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_citation_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['item.id'], name=op.f('fk_citation_item_id_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['manifestation_id'], ['manifestation.id'], name=op.f('fk_citation_manifestation_id_manifestation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_citation_source_id_source'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['title_id'], ['title.id'], name=op.f('fk_citation_title_id_title'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['work_id'], ['work.id'], name=op.f('fk_citation_work_id_work'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citation')),
    sa.UniqueConstraint('uuid', name=op.f('uq_citation_uuid'))
    )
    with op.batch_alter_table('citation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_citation_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_agent_name_id'), ['agent_name_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_credit_id'), ['credit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_manifestation_id'), ['manifestation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_title_id'), ['title_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_work_id'), ['work_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('citation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_citation_work_id'))
        batch_op.drop_index(batch_op.f('ix_citation_title_id'))
        batch_op.drop_index(batch_op.f('ix_citation_source_id'))
        batch_op.drop_index(batch_op.f('ix_citation_manifestation_id'))
        batch_op.drop_index(batch_op.f('ix_citation_item_id'))
        batch_op.drop_index(batch_op.f('ix_citation_event_id'))
        batch_op.drop_index(batch_op.f('ix_citation_credit_id'))
        batch_op.drop_index(batch_op.f('ix_citation_agent_name_id'))
        batch_op.drop_index(batch_op.f('ix_citation_agent_id'))

    op.drop_table('citation')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_work_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_source_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_sha256'))
        batch_op.drop_index(batch_op.f('ix_attachment_item_id'))

    op.drop_table('attachment')
    with op.batch_alter_table('title', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_title_work_id'))
        batch_op.drop_index(batch_op.f('ix_title_manifestation_id'))

    op.drop_table('title')
    with op.batch_alter_table('item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_work_id'))
        batch_op.drop_index(batch_op.f('ix_item_manifestation_id'))
        batch_op.drop_index(batch_op.f('ix_item_holder_id'))

    op.drop_table('item')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_work_id'))
        batch_op.drop_index(batch_op.f('ix_event_parent_id'))
        batch_op.drop_index(batch_op.f('ix_event_organiser_id'))
        batch_op.drop_index(batch_op.f('ix_event_manifestation_id'))
        batch_op.drop_index('ix_event_date_bounds')
        batch_op.drop_index(batch_op.f('ix_event_country'))

    op.drop_table('event')
    with op.batch_alter_table('source_contributor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_contributor_source_id'))
        batch_op.drop_index(batch_op.f('ix_source_contributor_agent_id'))

    op.drop_table('source_contributor')
    with op.batch_alter_table('manifestation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_manifestation_work_id'))
        batch_op.drop_index(batch_op.f('ix_manifestation_distributor_id'))

    op.drop_table('manifestation')
    with op.batch_alter_table('credit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_credit_work_id'))
        batch_op.drop_index(batch_op.f('ix_credit_agent_id'))

    op.drop_table('credit')
    with op.batch_alter_table('agent_name', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agent_name_agent_id'))

    op.drop_table('agent_name')
    with op.batch_alter_table('agent_identifier', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agent_identifier_agent_id'))

    op.drop_table('agent_identifier')
    with op.batch_alter_table('agent_honour', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agent_honour_agent_id'))

    op.drop_table('agent_honour')
    with op.batch_alter_table('work', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_production_date_upper'))
        batch_op.drop_index(batch_op.f('ix_work_production_date_lower'))

    op.drop_table('work')
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_source_class'))

    op.drop_table('source')
    op.drop_table('saved_search')
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_record_uuid'))
        batch_op.drop_index(batch_op.f('ix_change_operation'))
        batch_op.drop_index(batch_op.f('ix_change_at'))

    op.drop_table('change')
    op.drop_table('catalogue_setting')
    op.drop_table('agent')

