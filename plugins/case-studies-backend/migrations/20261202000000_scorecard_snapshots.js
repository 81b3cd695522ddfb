// @ts-check

/**
 * Scorecard snapshots: one row per entity per snapshot day, and one row per
 * completed snapshot. The primary keys make a second instance's write of the
 * same day's rows impossible, not just unlikely.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecard_snapshot_entity', table => {
    table.comment('Score of one entity at one daily scorecard snapshot');
    table.string('snapshot_day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Normalised entity ref, kind:namespace/name in lower case');
    table.string('kind', 64).notNullable();
    table.string('type', 255).nullable();
    table.string('lifecycle', 255).nullable();
    table.string('title', 255).nullable();
    table.string('owner_ref', 255).nullable();
    table.string('system_ref', 255).nullable();
    table.string('domain_ref', 255).nullable();
    table.integer('score').notNullable();
    table.string('level', 16).notNullable();
    table.integer('done').notNullable();
    table.integer('applicable').notNullable();
    table.integer('exempted').notNullable();
    table.integer('warnings_low').notNullable();
    table.integer('warnings_medium').notNullable();
    table.integer('warnings_high').notNullable();
    table.integer('warnings_critical').notNullable();
    table.string('knowledge_version', 64).notNullable();
    table.timestamp('taken_at', { useTz: true }).notNullable();
    table.primary(['snapshot_day', 'entity_ref']);
    table.index(
      ['entity_ref', 'snapshot_day'],
      'scorecard_snapshot_entity_idx',
    );
  });

  await knex.schema.createTable('scorecard_snapshot', table => {
    table.comment('A completed daily scorecard snapshot');
    table.string('snapshot_day', 10).primary().comment('YYYY-MM-DD, UTC');
    table.timestamp('taken_at', { useTz: true }).notNullable();
    table.integer('entities').notNullable();
    table.string('knowledge_version', 64).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecard_snapshot');
  await knex.schema.dropTable('scorecard_snapshot_entity');
};
