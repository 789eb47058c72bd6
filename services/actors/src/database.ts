import { defineServiceDatabase, type TransactionHostOf } from '@samverkan/messaging';
import { PrismaClient } from './generated/prisma/client';

/** The actors database: its Prisma client and transactions on its own named connection. */
export const actorsDatabase = defineServiceDatabase('actors', PrismaClient);

export type ActorsTransactionHost = TransactionHostOf<PrismaClient>;
export const InjectActorsTransactionHost = actorsDatabase.InjectTransactionHost;
export const ActorsTransactional = actorsDatabase.Transactional;
