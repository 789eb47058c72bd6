import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import type { PrismaService } from './prisma.service';

/** Repositories read and write through this host, so they join the caller's transaction. */
export type CasesTransactionHost = TransactionHost<TransactionalAdapterPrisma<PrismaService>>;
