// @ts-check

/**
 * Approvals of exemptions for rollouts that require them: one row per
 * approved exemption version, so a changed exemption needs a new approval.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('rollout_exemption_approval', table => {
    table.comment(
      'An exemption of a rollout item approved by a platform-group member',
    );
    table.string('rollout_id', 36).notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Normalised entity ref');
    table.string('item_id', 128).notNullable();
    table
      .integer('exemption_version')
      .notNullable()
      .comment('The checklist state version that was approved');
    table.string('approved_by', 255).notNullable();
    table.timestamp('approved_at', { useTz: true }).notNullable();
    table.primary(['rollout_id', 'entity_ref', 'item_id', 'exemption_version']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('rollout_exemption_approval');
};
