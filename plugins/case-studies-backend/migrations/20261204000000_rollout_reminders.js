// @ts-check

/**
 * Rollout reminders: one row for every notice sent about an entity of a
 * rollout. The primary key is what "never the same notice twice" means: a
 * notice of a kind ('started', 'due-soon', 'overdue') about an entity for a
 * due date. A reminder run inserts the row before it sends the notice, and a
 * row already there (ON CONFLICT DO NOTHING) means the notice was sent, by
 * this run's predecessor or by another instance. A due date that moves is a
 * new deadline, for which new notices may be sent.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('rollout_reminder', table => {
    table.comment(
      'A rollout notice sent to the owner of an entity, at most once per kind and due date',
    );
    table.string('rollout_id', 36).notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Normalised entity ref');
    table
      .string('kind', 16)
      .notNullable()
      .comment("'started', 'due-soon' or 'overdue'");
    table
      .string('deadline', 10)
      .notNullable()
      .comment('The due date (YYYY-MM-DD) the notice was about');
    table
      .string('owner_ref', 255)
      .notNullable()
      .comment('Who was notified: the entity owner ref');
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['rollout_id', 'entity_ref', 'kind', 'deadline']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('rollout_reminder');
};
