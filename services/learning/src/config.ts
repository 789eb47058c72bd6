import { z } from 'zod';
import { databaseServiceSchema, loadConfig, toDatabaseServiceConfig, type DatabaseServiceConfig } from '@samverkan/platform';

export interface LearningConfig extends DatabaseServiceConfig {
  obstacleCandidates: ObstacleCandidatesConfig;
}

/** When a pattern in the referral flow is proposed to analysts as a structural obstacle. */
export interface ObstacleCandidatesConfig {
  /** The fewest referrals a rule must count in one municipality, need and quarter (never fewer than 5, so no candidate points at a person). */
  minCount: number;
  /** … and the least share they must be of all referrals of that municipality, need and quarter. */
  minShare: number;
  /** How often the flow is looked through. */
  intervalMs: number;
}

/** No count behind a candidate is one statistics would suppress. */
const smallestCandidateCount = 5;

const schema = databaseServiceSchema('learning', 3004).extend({
  OBSTACLE_CANDIDATE_MIN_COUNT: z.coerce.number().int().min(smallestCandidateCount).default(10),
  OBSTACLE_CANDIDATE_MIN_SHARE: z.coerce.number().min(0).max(1).default(0.25),
  OBSTACLE_CANDIDATE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(15 * 60 * 1000),
});

export function loadLearningConfig(env: NodeJS.ProcessEnv = process.env): LearningConfig {
  const parsed = loadConfig('learning', schema, env);
  return {
    ...toDatabaseServiceConfig('learning', parsed),
    obstacleCandidates: {
      minCount: parsed.OBSTACLE_CANDIDATE_MIN_COUNT,
      minShare: parsed.OBSTACLE_CANDIDATE_MIN_SHARE,
      intervalMs: parsed.OBSTACLE_CANDIDATE_INTERVAL_MS,
    },
  };
}
