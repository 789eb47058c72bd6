import { defineServiceDatabase, type TransactionHostOf } from '@samverkan/messaging';
import { PrismaClient } from './generated/prisma/client';

/** The cases database: its Prisma client and transactions on its own named connection. */
export const casesDatabase = defineServiceDatabase('cases', PrismaClient);

export type CasesTransactionHost = TransactionHostOf<PrismaClient>;
export const InjectCasesTransactionHost = casesDatabase.InjectTransactionHost;
export const CasesTransactional = casesDatabase.Transactional;
