import { Injectable } from '@nestjs/common';
import {
  assertRole,
  DomainError,
  DurationMeasure,
  ErrorCode,
  ReferralStatus,
  StaffRole,
  StatisticsCoverage,
  StatisticsDimension,
  StatisticsPeriodBasis,
  type ActorContext,
  type CommutingQuery,
  type GenderBalanceView,
  type ReferralDurationsQuery,
  type ReferralDurationsView,
  type ReferralStatisticsQuery,
  type ReferralStatisticsTable,
  type StatisticsPeriodQuery,
  type StatisticsScopeQuery,
  type SupportResourceFollowUpQuery,
  type SupportResourceFollowUpView,
} from '@samverkan/contracts';
import { DirectoryService } from '../directory/directory.service';
import { FlowStatisticsRepository, type FlowScope } from './flow-statistics.repository';
import { countTable, durationsView, type TableFrame } from './statistics-tables';

/** The filters of a query that narrow the referrals counted. */
const scopeFilters = [
  'municipalityCode',
  'resourceMunicipalityCode',
  'targetGroup',
  'gender',
  'need',
  'supportResourceId',
  'fromOrganisationType',
  'toOrganisationType',
  'status',
] as const satisfies ReadonlyArray<keyof StatisticsScopeQuery>;

/** Who reads statistics of the flow: analysts every figure; staff who work with referrals their own organisation's. */
const readerRoles = [StaffRole.Analyst, StaffRole.Coordinator, StaffRole.UnitManager, StaffRole.Caseworker];

const supportResourceNotFound = (supportResourceId: string) =>
  new DomainError(ErrorCode.SupportResourceNotFound, `No support resource ${supportResourceId} is known to statistics`, [
    { field: 'supportResourceId', message: 'is not a known support resource' },
  ]);

const notOwnResource = () =>
  new DomainError(ErrorCode.Forbidden, "A support resource's follow-up is for analysts and for the organisation that gives it", [
    { field: 'supportResourceId', message: "is not your organisation's support resource" },
  ]);

/**
 * Anonymised statistics of the referral flow, from learning's projection of referrals' events
 * and the directory's: tables of counts by any dimensions, durations, the follow-up of a support
 * resource, commuting and gender balance. Every count from 1 to 4 is suppressed, and so is what
 * would give one away.
 */
@Injectable()
export class FlowStatisticsService {
  constructor(
    private readonly flow: FlowStatisticsRepository,
    private readonly directory: DirectoryService,
  ) {}

  async table(query: ReferralStatisticsQuery, actor: ActorContext): Promise<ReferralStatisticsTable> {
    const { scope, frame } = this.scopeOf(query, actor);
    const rows = query.rows ?? [];
    const columns = query.columns ?? null;
    return countTable(await this.flow.counts(scope, rows, columns), rows, columns, frame);
  }

  async durations(query: ReferralDurationsQuery, actor: ActorContext): Promise<ReferralDurationsView> {
    const { scope, frame } = this.scopeOf(query, actor);
    const rows = query.rows ?? [];
    return durationsView(await this.flow.durations(scope, rows, query.measure), rows, query.measure, frame);
  }

  /** For analysts, and for staff of the organisation that gives the resource (all its referrals were received by it). */
  async followUp(query: SupportResourceFollowUpQuery, actor: ActorContext): Promise<SupportResourceFollowUpView> {
    assertRole(actor, ...readerRoles);
    const resource = await this.directory.findSupportResource(query.supportResourceId);
    if (!resource) throw supportResourceNotFound(query.supportResourceId);
    if (!actor.roles.includes(StaffRole.Analyst) && resource.organisationId !== actor.organisationId) throw notOwnResource();

    // Participants are those who started; those who ended left after a start (completed or interrupted).
    const scopeBy = (periodBasis: StatisticsPeriodBasis, statuses?: ReferralStatus[]) => ({
      scope: { from: query.from, to: query.to, periodBasis, supportResourceId: query.supportResourceId, ...(statuses ? { statuses } : {}) },
      frame: { from: query.from, to: query.to, periodBasis, coverage: StatisticsCoverage.All },
    });
    const started = scopeBy(StatisticsPeriodBasis.Started);
    const ended = scopeBy(StatisticsPeriodBasis.Ended, [ReferralStatus.Completed, ReferralStatus.Interrupted]);
    const completed = scopeBy(StatisticsPeriodBasis.Ended, [ReferralStatus.Completed]);
    const gender = [StatisticsDimension.Gender];

    const [startedCounts, endedCounts, exitCounts, outcomeCounts, durations] = await Promise.all([
      this.flow.counts(started.scope, [], StatisticsDimension.Gender),
      this.flow.counts(ended.scope, [], StatisticsDimension.Gender),
      this.flow.counts(ended.scope, [StatisticsDimension.ExitDestination], StatisticsDimension.Gender),
      this.flow.counts(completed.scope, [StatisticsDimension.Outcome], StatisticsDimension.Gender),
      this.flow.durations(ended.scope, gender, DurationMeasure.TimeInResource),
    ]);
    // Who started and who ended form one table, so that suppression holds across both rows.
    const participants = [...startedCounts.map((count) => ({ ...count, keys: ['started'] })), ...endedCounts.map((count) => ({ ...count, keys: ['ended'] }))];
    return {
      supportResourceId: query.supportResourceId,
      from: query.from,
      to: query.to,
      participants: countTable(participants, [StatisticsDimension.Status], StatisticsDimension.Gender, started.frame),
      exitDestinations: countTable(exitCounts, [StatisticsDimension.ExitDestination], StatisticsDimension.Gender, ended.frame),
      outcomes: countTable(outcomeCounts, [StatisticsDimension.Outcome], StatisticsDimension.Gender, completed.frame),
      timeInResource: durationsView(durations, gender, DurationMeasure.TimeInResource, ended.frame),
    };
  }

  /** Where the people who started a support in the period live (rows) against where the support is (columns). */
  commuting(query: CommutingQuery, actor: ActorContext): Promise<ReferralStatisticsTable> {
    return this.table(
      {
        from: query.from,
        to: query.to,
        periodBasis: StatisticsPeriodBasis.Started,
        ...(query.gender ? { gender: query.gender } : {}),
        rows: [StatisticsDimension.Municipality],
        columns: StatisticsDimension.ResourceMunicipality,
      },
      actor,
    );
  }

  async genderBalance(query: StatisticsPeriodQuery, actor: ActorContext): Promise<GenderBalanceView> {
    const period = { from: query.from, to: query.to };
    const [exitDestinations, resources] = await Promise.all([
      this.table(
        { ...period, periodBasis: StatisticsPeriodBasis.Ended, rows: [StatisticsDimension.ExitDestination], columns: StatisticsDimension.Gender },
        actor,
      ),
      this.table(
        { ...period, periodBasis: StatisticsPeriodBasis.Started, rows: [StatisticsDimension.SupportResource], columns: StatisticsDimension.Gender },
        actor,
      ),
    ]);
    return { exitDestinations, resources };
  }

  /** The referrals a reader may count: every one for an analyst, else those the reader's organisation sent or received. */
  private scopeOf(query: StatisticsScopeQuery, actor: ActorContext): { scope: FlowScope; frame: TableFrame } {
    assertRole(actor, ...readerRoles);
    const everything = actor.roles.includes(StaffRole.Analyst);
    const periodBasis = query.periodBasis ?? StatisticsPeriodBasis.Sent;
    const { from, to } = query;
    const filters = Object.fromEntries(scopeFilters.filter((key) => query[key] !== undefined).map((key) => [key, query[key]]));
    const scope: FlowScope = {
      from,
      to,
      periodBasis,
      ...filters,
      ...(everything ? {} : { organisationId: actor.organisationId }),
    };
    return { scope, frame: { from, to, periodBasis, coverage: everything ? StatisticsCoverage.All : StatisticsCoverage.OwnOrganisation } };
  }
}
