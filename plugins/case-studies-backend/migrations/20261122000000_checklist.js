// @ts-check

/**
 * Checklist status per entity and item, and the append-only audit trail of
 * every accepted change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('checklist_status', table => {
    table.comment('Current checklist status of one item for one entity');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Normalised entity ref, kind:namespace/name in lower case');
    table.string('item_id', 128).notNullable();
    table.string('status', 32).notNullable();
    table.text('note').nullable();
    table.string('evidence_url', 2048).nullable();
    table
      .integer('version')
      .notNullable()
      .comment('Starts at 1, incremented on every accepted change');
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'item_id']);
  });

  await knex.schema.createTable('checklist_history', table => {
    table.comment('Append-only audit trail of checklist changes');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('item_id', 128).notNullable();
    table.string('status', 32).notNullable();
    table.string('previous_status', 32).nullable();
    table.text('note').nullable();
    table.string('evidence_url', 2048).nullable();
    table.integer('version').notNullable();
    table.string('changed_by', 255).notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'id'], 'checklist_history_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('checklist_history');
  await knex.schema.dropTable('checklist_status');
};
