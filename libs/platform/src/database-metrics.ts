import { Logger } from '@nestjs/common';
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

const logger = new Logger('DatabasePool');

/**
 * A pg Pool whose clients count the statements they send, so the cost of each operation in
 * database round trips is visible (`db_statements_total{pool}`). An idle connection that
 * PostgreSQL closes (a restart, a terminated backend) is logged and dropped from the pool; the
 * next query opens a new one. Without a listener, pg would throw the error and end the process.
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
  const created = new pg.Pool({ ...config, Client: CountingClient });
  created.on('error', (error) => logger.warn({ err: error, pool }, 'an idle database connection was closed; the pool opens a new one when needed'));
  return created;
}
