import { Injectable } from '@nestjs/common';
import { InjectLearningTransactionHost, type LearningTransactionHost } from '../database';
import { Prisma } from '../generated/prisma/client';
import { referralSteps, type ReferralFact } from './referral-fact';

/** The columns of a referral's state: they all move together, to the highest version. */
const stateColumns = [
  'municipality_code',
  'target_group',
  'gender',
  'status',
  'decline_reason',
  'from_organisation_id',
  'to_organisation_id',
  'to_unit_id',
  'support_resource_id',
  'outcome',
  'exit_destination',
  'external',
  'acknowledge_by',
  'answer_by',
  'start_by',
  'version',
  'event_time',
];

const newer = 'referral_facts.version < EXCLUDED.version';

/** A step's time is taken from the newest event that knew it, whatever order the events came in. */
const stepIsNewer = (step: string) =>
  `(EXCLUDED.${step}_at IS NOT NULL AND (referral_facts.${step}_at_version IS NULL OR referral_facts.${step}_at_version < EXCLUDED.${step}_at_version))`;

const upsertAssignments = Prisma.raw(
  [
    ...stateColumns.map((column) => `${column} = CASE WHEN ${newer} THEN EXCLUDED.${column} ELSE referral_facts.${column} END`),
    ...referralSteps.flatMap((step) => [
      `${step}_at = CASE WHEN ${stepIsNewer(step)} THEN EXCLUDED.${step}_at ELSE referral_facts.${step}_at END`,
      `${step}_at_version = CASE WHEN ${stepIsNewer(step)} THEN EXCLUDED.${step}_at_version ELSE referral_facts.${step}_at_version END`,
    ]),
    'projected_at = EXCLUDED.projected_at',
  ].join(',\n'),
);

/** Every column of a fact but the time it was projected. */
const factColumns = ['referral_id', ...stateColumns, ...referralSteps.flatMap((step) => [`${step}_at`, `${step}_at_version`])];

/**
 * What a rebuild compares: the referral's state and its step times. Which version told a step is
 * bookkeeping for the order of events, and facts that predate the history carry the version of
 * their last event for it.
 */
const comparedColumns = factColumns.filter((column) => !column.endsWith('_at_version'));

/** Each referral's fact as its history tells it. */
const rebuiltFactsQuery = `
  WITH latest AS (
    SELECT DISTINCT ON (referral_id) * FROM referral_transitions ORDER BY referral_id, version DESC
  ), steps AS (
    SELECT referral_id,
           ${referralSteps
             .map(
               (step) =>
                 `(array_agg(${step}_at ORDER BY version DESC) FILTER (WHERE ${step}_at IS NOT NULL))[1] AS ${step}_at,
           max(version) FILTER (WHERE ${step}_at IS NOT NULL) AS ${step}_at_version`,
             )
             .join(',\n           ')}
      FROM referral_transitions GROUP BY referral_id
  )
  SELECT latest.referral_id, ${stateColumns.map((column) => `latest.${column}`).join(', ')},
         ${referralSteps.map((step) => `steps.${step}_at, steps.${step}_at_version`).join(', ')}
    FROM latest JOIN steps USING (referral_id)`;

/** Nothing is written for an event that tells nothing new (a repeat, or an older one already overtaken). */
const upsertCondition = Prisma.raw([newer, ...referralSteps.map(stepIsNewer)].join(' OR '));

@Injectable()
export class ReferralFactsRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /**
   * Adds the event's state to the referral's history; a version already recorded keeps what it
   * told first, so a redelivery or a replay adds nothing.
   */
  async recordTransition(fact: ReferralFact, eventId: string): Promise<boolean> {
    const { steps, deadlines } = fact;
    const added = await this.db.$executeRaw`
      INSERT INTO referral_transitions (referral_id, version, event_id, status, event_time, municipality_code, target_group, gender, decline_reason,
                                        from_organisation_id, to_organisation_id, to_unit_id, support_resource_id, outcome, exit_destination, external,
                                        sent_at, acknowledged_at, answered_at, started_at, ended_at, acknowledge_by, answer_by, start_by)
      VALUES (${fact.referralId}::uuid, ${fact.version}, ${eventId}, ${fact.status}, ${fact.eventTime}, ${fact.municipalityCode}, ${fact.targetGroup},
              ${fact.gender}, ${fact.declineReason}, ${fact.fromOrganisationId}::uuid, ${fact.toOrganisationId}::uuid, ${fact.toUnitId}::uuid,
              ${fact.supportResourceId}::uuid, ${fact.outcome}, ${fact.exitDestination}, ${fact.external},
              ${steps.sent}, ${steps.acknowledged}, ${steps.answered}, ${steps.started}, ${steps.ended},
              ${deadlines.acknowledgeBy}::date, ${deadlines.answerBy}::date, ${deadlines.startBy}::date)
      ON CONFLICT (referral_id, version) DO NOTHING`;
    return added > 0;
  }

  /** Inserts or moves the fact forward; an older or repeated version changes nothing it already knows better. */
  async upsertIfNewer(fact: ReferralFact): Promise<void> {
    const stepVersion = (at: Date | null) => (at ? fact.version : null);
    const { steps, deadlines } = fact;
    await this.db.$executeRaw`
      INSERT INTO referral_facts (referral_id, municipality_code, target_group, gender, status, decline_reason, from_organisation_id, to_organisation_id,
                                  to_unit_id, support_resource_id, outcome, exit_destination, external,
                                  version, event_time, projected_at,
                                  sent_at, sent_at_version, acknowledged_at, acknowledged_at_version, answered_at, answered_at_version,
                                  started_at, started_at_version, ended_at, ended_at_version, acknowledge_by, answer_by, start_by)
      VALUES (${fact.referralId}::uuid, ${fact.municipalityCode}, ${fact.targetGroup}, ${fact.gender}, ${fact.status}, ${fact.declineReason},
              ${fact.fromOrganisationId}::uuid, ${fact.toOrganisationId}::uuid, ${fact.toUnitId}::uuid, ${fact.supportResourceId}::uuid,
              ${fact.outcome}, ${fact.exitDestination}, ${fact.external}, ${fact.version}, ${fact.eventTime}, now(),
              ${steps.sent}, ${stepVersion(steps.sent)}::int, ${steps.acknowledged}, ${stepVersion(steps.acknowledged)}::int,
              ${steps.answered}, ${stepVersion(steps.answered)}::int, ${steps.started}, ${stepVersion(steps.started)}::int,
              ${steps.ended}, ${stepVersion(steps.ended)}::int,
              ${deadlines.acknowledgeBy}::date, ${deadlines.answerBy}::date, ${deadlines.startBy}::date)
      ON CONFLICT (referral_id) DO UPDATE SET ${upsertAssignments}
      WHERE ${upsertCondition}`;
  }

  /**
   * Derives every referral's fact from its history again and puts right the facts that differ
   * from it (added, changed or removed), in one transaction: what each referral's highest version
   * told, and each step's time from the highest version that knew it, as `upsertIfNewer` keeps
   * them. Writers wait for the rebuild (the lock); readers see the facts before it until it commits.
   */
  async rebuildFromHistory(): Promise<{ referrals: number; transitions: number; corrected: number }> {
    await this.db.$executeRawUnsafe('LOCK TABLE referral_facts IN SHARE ROW EXCLUSIVE MODE');
    await this.db.$executeRawUnsafe('DROP TABLE IF EXISTS rebuilt_referral_facts');
    await this.db.$executeRawUnsafe(`CREATE TEMP TABLE rebuilt_referral_facts ON COMMIT DROP AS ${rebuiltFactsQuery}`);
    const [counts] = await this.db.$queryRaw<Array<{ referrals: number; transitions: number }>>`
      SELECT (SELECT count(*)::int FROM rebuilt_referral_facts) AS referrals, (SELECT count(*)::int FROM referral_transitions) AS transitions`;
    const removed = await this.db.$executeRawUnsafe(
      'DELETE FROM referral_facts f WHERE NOT EXISTS (SELECT 1 FROM rebuilt_referral_facts r WHERE r.referral_id = f.referral_id)',
    );
    const written = await this.db.$executeRawUnsafe(`
      INSERT INTO referral_facts (${factColumns.join(', ')}, projected_at)
      SELECT ${factColumns.join(', ')}, now() FROM rebuilt_referral_facts
      ON CONFLICT (referral_id) DO UPDATE SET ${factColumns.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}, projected_at = now()
      WHERE (${comparedColumns.map((column) => `referral_facts.${column}`).join(', ')})
            IS DISTINCT FROM (${comparedColumns.map((column) => `EXCLUDED.${column}`).join(', ')})`);
    return { referrals: counts?.referrals ?? 0, transitions: counts?.transitions ?? 0, corrected: removed + written };
  }
}
