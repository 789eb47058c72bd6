import { InjectTransactionHost, Transactional, type TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import type { PrismaService } from './prisma.service';

/**
 * The service's named transaction connection. A name of its own keeps @Transactional bound to
 * this service's database even when several services share a process (the end-to-end tests).
 */
export const referralsConnection = 'referrals';

/** Repositories read and write through this host, so they join the caller's transaction. */
export type ReferralsTransactionHost = TransactionHost<TransactionalAdapterPrisma<PrismaService>>;

export const InjectReferralsTransactionHost = (): ParameterDecorator => InjectTransactionHost(referralsConnection);

/** Runs the method in one transaction on this service's database. */
export const ReferralsTransactional = (): MethodDecorator => Transactional(referralsConnection);
