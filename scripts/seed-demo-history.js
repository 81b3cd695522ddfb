// Demo data only: gives the demo's scorecard trends something to draw. A new
// demo has one snapshot (today's, taken at start-up); this writes the 29 days
// before it into the demo's SQLite file, each entity's score and done count
// eased back towards lower values with a seeded drift, as if the organisation
// had improved over a month. The rows are marked with the knowledge-base
// version `demo-history`, so nobody takes them for real snapshots. Days that
// already have a snapshot are left alone.
//
//   yarn demo:history [--database .data/sqlite/case-studies.sqlite] [--days 29]
const { parseArgs } = require('util');
const path = require('path');
const Database = require('better-sqlite3');
const { prng } = require('./seed-demo');

const DEMO_VERSION = 'demo-history';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The level of a score under the default rules (bronze 25, silver 50, gold 80). */
function levelOf(score) {
  if (score >= 80) return 'gold';
  if (score >= 50) return 'silver';
  if (score >= 25) return 'bronze';
  return 'none';
}

function seedHistory({ databaseFile, days }) {
  const db = new Database(databaseFile);
  try {
    const latest = db
      .prepare(
        'SELECT snapshot_day, taken_at FROM scorecard_snapshot ORDER BY snapshot_day DESC LIMIT 1',
      )
      .get();
    if (!latest) {
      throw new Error(
        'no snapshot yet: start the demo (yarn start) and wait a minute for the first one',
      );
    }
    const rows = db
      .prepare('SELECT * FROM scorecard_snapshot_entity WHERE snapshot_day = ?')
      .all(latest.snapshot_day);
    const exists = db.prepare(
      'SELECT 1 FROM scorecard_snapshot WHERE snapshot_day = ?',
    );
    const insertRow = db.prepare(
      `INSERT INTO scorecard_snapshot_entity (${Object.keys(rows[0]).join(
        ', ',
      )}) VALUES (${Object.keys(rows[0])
        .map(key => `@${key}`)
        .join(', ')}) ON CONFLICT DO NOTHING`,
    );
    const insertSnapshot = db.prepare(
      'INSERT INTO scorecard_snapshot (snapshot_day, taken_at, entities, knowledge_version) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const random = prng(20261201);
    // How much lower each entity was a month ago: 0 to 30 points.
    const monthAgo = new Map(rows.map(row => [row.entity_ref, random() * 30]));
    const latestMs = Date.parse(`${latest.snapshot_day}T00:00:00Z`);
    // Knex writes SQLite timestamps as milliseconds.
    const latestTakenMs = new Date(latest.taken_at).getTime();
    let written = 0;
    db.transaction(() => {
      for (let back = 1; back <= days; back++) {
        const dayMs = latestMs - back * DAY_MS;
        const day = new Date(dayMs).toISOString().slice(0, 10);
        if (exists.get(day)) continue;
        const takenAt = dayMs + (latestTakenMs % DAY_MS);
        for (const row of rows) {
          const drop = (monthAgo.get(row.entity_ref) * back) / days;
          const score = Math.max(0, Math.round(row.score - drop));
          const done = Math.max(
            0,
            Math.round(row.done - (drop / 100) * row.applicable),
          );
          insertRow.run({
            ...row,
            snapshot_day: day,
            score,
            level: levelOf(score),
            done,
            knowledge_version: DEMO_VERSION,
            taken_at: takenAt,
          });
        }
        insertSnapshot.run(day, takenAt, rows.length, DEMO_VERSION);
        written += 1;
      }
    })();
    return { written, entities: rows.length, latest: latest.snapshot_day };
  } finally {
    db.close();
  }
}

module.exports = { seedHistory };

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      database: {
        type: 'string',
        default: path.join(
          __dirname,
          '..',
          '.data',
          'sqlite',
          'case-studies.sqlite',
        ),
      },
      days: { type: 'string', default: '29' },
    },
  });
  const result = seedHistory({
    databaseFile: values.database,
    days: Number(values.days),
  });
  console.log(
    `${result.written} days of demo history written before ${result.latest} for ${result.entities} entities (knowledge version "${DEMO_VERSION}")`,
  );
}
