import { countingPool } from '@samverkan/platform';
import { createTestDatabase, dropTestDatabase, eventually, query } from '@samverkan/testing';
import { Registry } from 'prom-client';

describe('a service database pool', () => {
  it('survives PostgreSQL closing an idle connection, and opens a new one for the next query', async () => {
    const databaseUrl = await createTestDatabase('pool');
    const pool = countingPool({ connectionString: databaseUrl, max: 2 }, 'test', new Registry());
    const uncaught = jest.fn();
    process.on('uncaughtException', uncaught);
    try {
      const [{ pid }] = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];

      // As a PostgreSQL restart or an administrator would: the backend of the idle connection ends.
      await query(databaseUrl, 'SELECT pg_terminate_backend($1)', [pid]);
      await eventually(() => expect(pool.idleCount).toBe(0));

      const after = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(after.rows[0]?.pid).not.toBe(pid);
      expect(uncaught).not.toHaveBeenCalled();
    } finally {
      process.off('uncaughtException', uncaught);
      await pool.end();
      await dropTestDatabase(databaseUrl);
    }
  });
});
