import pg from 'pg';
import { Counter, type Registry } from 'prom-client';

/** `db_statements_total{pool}`: every statement a service sends to PostgreSQL, by connection pool. */
export function statementsCounter(registry: Registry): Counter<'pool'> {
  return (
    (registry.getSingleMetric('db_statements_total') as Counter<'pool'> | undefined) ??
    new Counter({
      name: 'db_statements_total',
      help: 'Statements sent to PostgreSQL (transaction control included)',
      labelNames: ['pool'],
      registers: [registry],
    })
  );
}

/**
 * A pg Pool whose clients count the statements they send, so the cost of each operation in
 * database round trips is visible (`db_statements_total{pool}`).
 */
export function countingPool(config: pg.PoolConfig, pool: string, registry: Registry): pg.Pool {
  const counter = statementsCounter(registry).labels(pool);
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  // pg.Client.query is heavily overloaded; counting wraps whichever form is called.
  class CountingClient extends pg.Client {}
  CountingClient.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    counter.inc();
    return query.apply(this, args);
  } as pg.Client['query'];
  return new pg.Pool({ ...config, Client: CountingClient });
}
