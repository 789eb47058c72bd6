import { defineServiceDatabase, type TransactionHostOf } from '@samverkan/messaging';
import { PrismaClient } from './generated/prisma/client';

/** The referrals database: its Prisma client and transactions on its own named connection. */
export const referralsDatabase = defineServiceDatabase('referrals', PrismaClient);

export type ReferralsTransactionHost = TransactionHostOf<PrismaClient>;
export const InjectReferralsTransactionHost = referralsDatabase.InjectTransactionHost;
export const ReferralsTransactional = referralsDatabase.Transactional;
export const ReferralsSingleStatement = referralsDatabase.SingleStatement;
