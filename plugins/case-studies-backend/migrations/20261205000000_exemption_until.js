// @ts-check

/**
 * Exemptions that expire: a `not-applicable` status may carry the last day it
 * holds (YYYY-MM-DD); after it the item counts as open again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const tableName of ['checklist_status', 'checklist_history']) {
    await knex.schema.alterTable(tableName, table => {
      table
        .string('exempt_until', 10)
        .nullable()
        .comment('Last day (UTC) a not-applicable status holds, if it expires');
    });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const tableName of ['checklist_status', 'checklist_history']) {
    await knex.schema.alterTable(tableName, table => {
      table.dropColumn('exempt_until');
    });
  }
};
