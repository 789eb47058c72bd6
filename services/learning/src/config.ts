import { databaseServiceSchema, loadConfig, toDatabaseServiceConfig, type DatabaseServiceConfig } from '@samverkan/platform';

export type LearningConfig = DatabaseServiceConfig;

export function loadLearningConfig(env: NodeJS.ProcessEnv = process.env): LearningConfig {
  return toDatabaseServiceConfig('learning', loadConfig('learning', databaseServiceSchema('learning', 3004), env));
}
