import { booleanFromEnv, databaseServiceSchema, loadConfig, toDatabaseServiceConfig, type DatabaseServiceConfig } from '@samverkan/platform';

export interface ActorsConfig extends DatabaseServiceConfig {
  /** Seeds the Örebro län demo directory at start (idempotent). */
  seedDemoData: boolean;
}

const schema = databaseServiceSchema('actors', 3001).extend({
  SEED_DEMO_DATA: booleanFromEnv.default(false),
});

export function loadActorsConfig(env: NodeJS.ProcessEnv = process.env): ActorsConfig {
  const parsed = loadConfig('actors', schema, env);
  return { ...toDatabaseServiceConfig('actors', parsed), seedDemoData: parsed.SEED_DEMO_DATA };
}
