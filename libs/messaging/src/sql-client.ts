import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';

/**
 * The part of any generated Prisma client that messaging needs: raw SQL inside the ambient
 * transaction. Messaging works with every service's client without knowing its models.
 */
export interface SqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface TransactionalSqlClient extends SqlClient {
  $transaction<R>(fn: (tx: SqlClient) => Promise<R>, options?: { timeout?: number; maxWait?: number }): Promise<R>;
}

export type SqlTransactionHost = TransactionHost<TransactionalAdapterPrisma<TransactionalSqlClient>>;
