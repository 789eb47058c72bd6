import { defineServiceDatabase, type TransactionHostOf } from '@samverkan/messaging';
import { PrismaClient } from './generated/prisma/client';

/** The learning database: its Prisma client and transactions on its own named connection. */
export const learningDatabase = defineServiceDatabase('learning', PrismaClient);

export type LearningTransactionHost = TransactionHostOf<PrismaClient>;
export const InjectLearningTransactionHost = learningDatabase.InjectTransactionHost;
export const LearningTransactional = learningDatabase.Transactional;
