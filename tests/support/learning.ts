import { query } from '@samverkan/testing';

export interface LearnedCount {
  municipalityCode: string;
  status: string;
  count: number;
}

/**
 * What learning has projected of referrals' events: its referral facts counted by municipality and
 * status, read from its database. The published statistics suppress counts of one to four, so a
 * test that follows single referrals into learning reads the projection itself.
 */
export async function learnedReferralCounts(learningDatabaseUrl: string, municipalityCode?: string): Promise<{ rows: LearnedCount[]; total: number }> {
  const rows = await query<LearnedCount>(
    learningDatabaseUrl,
    `SELECT municipality_code AS "municipalityCode", status, count(*)::int AS count FROM referral_facts
      WHERE $1::text IS NULL OR municipality_code = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
    [municipalityCode ?? null],
  );
  return { rows, total: rows.reduce((sum, row) => sum + row.count, 0) };
}
