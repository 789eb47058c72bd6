import { Injectable } from '@nestjs/common';
import type { MunicipalityCode, ReferralCountRow, ReferralStatus } from '@samverkan/contracts';
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

/** Nothing is written for an event that tells nothing new (a repeat, or an older one already overtaken). */
const upsertCondition = Prisma.raw([newer, ...referralSteps.map(stepIsNewer)].join(' OR '));

@Injectable()
export class ReferralFactsRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** Inserts or moves the fact forward; an older or repeated version changes nothing it already knows better. */
  async upsertIfNewer(fact: ReferralFact): Promise<void> {
    const stepVersion = (at: Date | null) => (at ? fact.version : null);
    const { steps, deadlines } = fact;
    await this.db.$executeRaw`
      INSERT INTO referral_facts (referral_id, municipality_code, target_group, gender, status, decline_reason, from_organisation_id, to_organisation_id,
                                  version, event_time, projected_at,
                                  sent_at, sent_at_version, acknowledged_at, acknowledged_at_version, answered_at, answered_at_version,
                                  started_at, started_at_version, ended_at, ended_at_version, acknowledge_by, answer_by, start_by)
      VALUES (${fact.referralId}::uuid, ${fact.municipalityCode}, ${fact.targetGroup}, ${fact.gender}, ${fact.status}, ${fact.declineReason},
              ${fact.fromOrganisationId}::uuid, ${fact.toOrganisationId}::uuid, ${fact.version}, ${fact.eventTime}, now(),
              ${steps.sent}, ${stepVersion(steps.sent)}::int, ${steps.acknowledged}, ${stepVersion(steps.acknowledged)}::int,
              ${steps.answered}, ${stepVersion(steps.answered)}::int, ${steps.started}, ${stepVersion(steps.started)}::int,
              ${steps.ended}, ${stepVersion(steps.ended)}::int,
              ${deadlines.acknowledgeBy}::date, ${deadlines.answerBy}::date, ${deadlines.startBy}::date)
      ON CONFLICT (referral_id) DO UPDATE SET ${upsertAssignments}
      WHERE ${upsertCondition}`;
  }

  async countByMunicipalityAndStatus(municipalityCode?: MunicipalityCode): Promise<ReferralCountRow[]> {
    const groups = await this.db.referralFact.groupBy({
      by: ['municipalityCode', 'status'],
      where: municipalityCode ? { municipalityCode } : {},
      _count: { _all: true },
      orderBy: [{ municipalityCode: 'asc' }, { status: 'asc' }],
    });
    return groups.map((group) => ({
      municipalityCode: group.municipalityCode as MunicipalityCode,
      status: group.status as ReferralStatus,
      count: group._count._all,
    }));
  }
}
