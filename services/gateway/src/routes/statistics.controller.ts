import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CommutingQuery,
  GenderBalanceView,
  municipalityCodes,
  MunicipalityReferralsHttpQuery,
  MunicipalityReferralsView,
  ReferralDurationsQuery,
  ReferralDurationsView,
  ReferralStatisticsQuery,
  ReferralStatisticsTable,
  Requests,
  StaffRole,
  StatisticsPeriodQuery,
  SupportResourceFollowUpView,
  TrackingFormat,
  validationFailed,
  type GetMunicipalityReferralsQuery,
  type MunicipalityCode,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import type { Request, Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';
import { municipalityReferralsFileName, renderMunicipalityReferralsCsv } from './municipality-referrals.csv';
import { renderDurationsCsv, renderStatisticsTableCsv } from './statistics-table.csv';

/** A path parameter that must be one of Örebro län's municipality codes; anything else is a 400 naming it. */
const MunicipalityCodeParam = (name: string): ParameterDecorator =>
  Param(name, {
    transform: (value: string): MunicipalityCode => {
      if (!(municipalityCodes as string[]).includes(value)) {
        throw validationFailed([{ field: name, message: `${name} must be the code of a municipality in Örebro län (${municipalityCodes.join(', ')})` }]);
      }
      return value as MunicipalityCode;
    },
  });

/** Who reads statistics of the flow; learning narrows what each of them reads. */
const statisticsReaders = [StaffRole.Analyst, StaffRole.Coordinator, StaffRole.UnitManager, StaffRole.Caseworker];

/** CSV with format=csv, or when the client prefers it (Accept: text/csv) and asked for no format. */
function wantsCsv(format: TrackingFormat | undefined, request: Request): boolean {
  return format === TrackingFormat.Csv || (format === undefined && request.accepts(['application/json', 'text/csv']) === 'text/csv');
}

function sendCsv(response: Response, fileName: string, body: string): string {
  response.type('text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  return body;
}

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('referrals')
  @Roles(...statisticsReaders)
  @ApiOperation({
    summary: 'A table of referral counts by any dimensions, for a period, small counts suppressed',
    description:
      "Counted from referrals' and the directory's events (learning holds nothing that names a person). rows: up to three dimensions " +
      '(comma-separated) whose combinations are the rows; columns: one dimension split across the columns (gender splits every figure by ' +
      "gender). periodBasis: which step's day puts a referral in the period (sent, the default; started; ended). Filters narrow the " +
      'referrals counted. Counts from 1 to 4 are null with suppressed: true, and so is the smallest other figure of a row or column that ' +
      'would give one away by subtraction. Grouped by need, a referral to a resource that addresses several needs is counted under each, so ' +
      'totals can exceed the referrals. Analysts read every referral; coordinators, unit managers and caseworkers those their own ' +
      'organisation sent or received (coverage says which). JSON, or CSV with format=csv or Accept: text/csv.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ schema: schemaRef(ReferralStatisticsTable) })
  async referrals(
    @Query() query: ReferralStatisticsQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReferralStatisticsTable | string> {
    const { format, ...payload } = query;
    const table = await this.rpc.request<ReferralStatisticsTable>(Requests.learning.getReferralStatistics, payload);
    return wantsCsv(format, request) ? sendCsv(response, `remisser-${table.from}-${table.to}.csv`, renderStatisticsTableCsv(table)) : table;
  }

  @Get('referrals/durations')
  @Roles(...statisticsReaders)
  @ApiOperation({
    summary: 'How long referrals took (days to answer, to start, in the resource) by any dimensions: median and 90th percentile',
    description:
      'Over the referrals that took the step, placed in the period as for the counts. Where fewer than five referrals are behind a row, its ' +
      'basis, median and percentile are withheld (suppressed: true). Same readers and formats as GET /statistics/referrals.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ schema: schemaRef(ReferralDurationsView) })
  async durations(
    @Query() query: ReferralDurationsQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReferralDurationsView | string> {
    const { format, ...payload } = query;
    const view = await this.rpc.request<ReferralDurationsView>(Requests.learning.getReferralDurations, payload);
    return wantsCsv(format, request) ? sendCsv(response, `remisser-${view.measure}-${view.from}-${view.to}.csv`, renderDurationsCsv(view)) : view;
  }

  @Get('support-resources/:supportResourceId/follow-up')
  @Roles(...statisticsReaders)
  @ApiOperation({
    summary: "A support resource's follow-up (as ESF's SUS register asks for it), derived from referrals' events",
    description:
      'Participants who started and who ended (completed or interrupted) in the period, by gender; where those who ended went; the outcomes ' +
      'of those who completed; days in the resource. Suppressed like every statistic. For analysts, and for staff of the organisation that ' +
      'gives the resource.',
  })
  @ApiOkResponse({ schema: schemaRef(SupportResourceFollowUpView) })
  followUp(@UuidParam('supportResourceId') supportResourceId: string, @Query() query: StatisticsPeriodQuery): Promise<SupportResourceFollowUpView> {
    const { format: _format, ...period } = query;
    return this.rpc.request(Requests.learning.getSupportResourceFollowUp, { ...period, supportResourceId });
  }

  @Get('commuting')
  @Roles(...statisticsReaders)
  @ApiOperation({
    summary: 'Commuting: where people who started a support in the period live (rows) against the municipality of the support (columns)',
    description:
      'An origin–destination matrix of referrals started in the period; gender narrows it to one gender. Suppressed like every statistic; ' +
      "the support's municipality is unknown when its unit has none. JSON, or CSV with format=csv or Accept: text/csv.",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ schema: schemaRef(ReferralStatisticsTable) })
  async commuting(
    @Query() query: CommutingQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReferralStatisticsTable | string> {
    const { format, ...payload } = query;
    const table = await this.rpc.request<ReferralStatisticsTable>(Requests.learning.getCommuting, payload);
    return wantsCsv(format, request) ? sendCsv(response, `pendling-${table.from}-${table.to}.csv`, renderStatisticsTableCsv(table)) : table;
  }

  @Get('gender-balance')
  @Roles(...statisticsReaders)
  @ApiOperation({
    summary: 'Gender balance: exit destinations of those who ended in the period, and who started which resource, by gender',
    description: 'Two tables, suppressed like every statistic.',
  })
  @ApiOkResponse({ schema: schemaRef(GenderBalanceView) })
  genderBalance(@Query() query: StatisticsPeriodQuery): Promise<GenderBalanceView> {
    const { format: _format, ...period } = query;
    return this.rpc.request(Requests.learning.getGenderBalance, period);
  }

  @Get('municipalities/:municipalityCode/referrals')
  @Roles(StaffRole.Analyst, StaffRole.Coordinator, StaffRole.UnitManager)
  @ApiOperation({
    summary: "Municipality tracking: the municipality's referrals sent in a period, split by target group and gender, small counts suppressed",
    description:
      "Referrals of the persons living in the municipality (by=residence, the default) or sent or received by the municipality's own organisation " +
      '(by=organisation): how many, sent and received by the municipality, open, overdue, time to answer and to start (median and 90th ' +
      'percentile, hours), decline reasons. Counts from 1 to 4, and figures that would give one away, are null with suppressed: true. ' +
      "JSON, or CSV with format=csv or Accept: text/csv. For analysts, coordinators and unit managers; a municipality's staff read their own municipality.",
  })
  @ApiParam({ name: 'municipalityCode', enum: municipalityCodes })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ schema: schemaRef(MunicipalityReferralsView) })
  async municipalityReferrals(
    @MunicipalityCodeParam('municipalityCode') municipalityCode: MunicipalityCode,
    @Query() query: MunicipalityReferralsHttpQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MunicipalityReferralsView | string> {
    const { format, ...period } = query;
    const payload: GetMunicipalityReferralsQuery = { ...period, municipalityCode };
    const view = await this.rpc.request<MunicipalityReferralsView>(Requests.learning.getMunicipalityReferrals, payload);
    return wantsCsv(format, request) ? sendCsv(response, municipalityReferralsFileName(view), renderMunicipalityReferralsCsv(view)) : view;
  }
}
