import { InjectTransactionHost, Transactional, type TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import type { PrismaService } from './prisma.service';

/**
 * The service's named transaction connection. A name of its own keeps @Transactional bound to
 * this service's database even when several services share a process (the end-to-end tests).
 */
export const learningConnection = 'learning';

/** Repositories read and write through this host, so they join the caller's transaction. */
export type LearningTransactionHost = TransactionHost<TransactionalAdapterPrisma<PrismaService>>;

export const InjectLearningTransactionHost = (): ParameterDecorator => InjectTransactionHost(learningConnection);

/** Runs the method in one transaction on this service's database. */
export const LearningTransactional = (): MethodDecorator => Transactional(learningConnection);
