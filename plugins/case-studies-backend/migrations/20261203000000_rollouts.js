// @ts-check

/**
 * Rollouts (campaigns): the rollout with its version, its own history of
 * changes, and the entities that have been in its target, with when they
 * joined and (if they did) left.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('rollout', table => {
    table.comment(
      'A campaign asking the entities of a target to complete checklist items',
    );
    table.string('id', 36).primary();
    table.string('title', 255).notNullable();
    table.text('description').notNullable();
    table
      .text('item_ids')
      .notNullable()
      .comment('JSON array of checklist item ids');
    table.text('target').notNullable().comment('JSON RolloutTarget');
    table.string('start_date', 10).notNullable();
    table.string('due_date', 10).notNullable();
    table.string('state', 16).notNullable();
    table.boolean('require_exemption_approval').notNullable();
    table.integer('version').notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['state'], 'rollout_state_idx');
  });

  await knex.schema.createTable('rollout_history', table => {
    table.comment('Append-only history of accepted rollout changes');
    table.bigIncrements('id').primary();
    table.string('rollout_id', 36).notNullable();
    table.integer('version').notNullable();
    table.string('changed_by', 255).notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.text('changes').notNullable().comment('JSON: field to { from, to }');
    table.unique(['rollout_id', 'version'], {
      indexName: 'rollout_history_version_idx',
    });
  });

  await knex.schema.createTable('rollout_member', table => {
    table.comment('An entity that is or was in a rollout target');
    table.string('rollout_id', 36).notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Normalised entity ref');
    table.timestamp('joined_at', { useTz: true }).notNullable();
    table.timestamp('left_at', { useTz: true }).nullable();
    table.primary(['rollout_id', 'entity_ref']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('rollout_member');
  await knex.schema.dropTable('rollout_history');
  await knex.schema.dropTable('rollout');
};
