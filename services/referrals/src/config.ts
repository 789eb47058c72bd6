import { databaseServiceSchema, loadConfig, toDatabaseServiceConfig, type DatabaseServiceConfig } from '@samverkan/platform';

export type ReferralsConfig = DatabaseServiceConfig;

export function loadReferralsConfig(env: NodeJS.ProcessEnv = process.env): ReferralsConfig {
  return toDatabaseServiceConfig('referrals', loadConfig('referrals', databaseServiceSchema('referrals', 3003), env));
}
