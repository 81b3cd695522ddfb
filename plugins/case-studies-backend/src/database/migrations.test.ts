import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { migratedClient } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
// SQLite databases of tests are in memory, one per client: nothing to race on
const postgresIds = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

(postgresIds.length
  ? describe.each(postgresIds)
  : describe.skip.each([['none']]))('migrations on %s', databaseId => {
  it('succeed when several instances start at once on one database', async () => {
    const first = await databases.init(databaseId as never);
    // more clients of the same database, as other backend instances would have
    const others: Knex[] = Array.from({ length: 4 }, () =>
      knexFactory({
        client: first.client.config.client,
        connection: first.client.config.connection,
        pool: { min: 0, max: 2 },
      }),
    );
    try {
      const clients = [first, ...others];
      const results = await Promise.allSettled(
        clients.map(knex =>
          migratedClient({ database: { getClient: async () => knex } }),
        ),
      );
      const failures = results.filter(r => r.status === 'rejected');
      expect(failures).toEqual([]);
      const tables = await first('knex_migrations').count({ n: '*' });
      // each migration ran once, not once per instance
      const files = await first('knex_migrations').select('name');
      expect(new Set(files.map(f => f.name)).size).toBe(files.length);
      expect(Number(tables[0].n)).toBe(files.length);
    } finally {
      await Promise.all(others.map(knex => knex.destroy()));
    }
  });
});
