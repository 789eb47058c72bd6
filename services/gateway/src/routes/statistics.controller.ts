import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  GetReferralStatisticsQuery,
  municipalityCodes,
  MunicipalityReferralsHttpQuery,
  MunicipalityReferralsView,
  ReferralCountRow,
  Requests,
  StaffRole,
  TrackingFormat,
  validationFailed,
  type GetMunicipalityReferralsQuery,
  type MunicipalityCode,
  type ReferralStatisticsView,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import type { Request, Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { schemaRef } from '../http/openapi';
import { municipalityReferralsFileName, renderMunicipalityReferralsCsv } from './municipality-referrals.csv';

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

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('referrals')
  @ApiOperation({ summary: 'Referrals counted by municipality and status, built from events (anonymised)' })
  @ApiOkResponse({ schema: { type: 'object', properties: { rows: { type: 'array', items: schemaRef(ReferralCountRow) }, total: { type: 'integer' } } } })
  referrals(@Query() query: GetReferralStatisticsQuery): Promise<ReferralStatisticsView> {
    return this.rpc.request(Requests.learning.getReferralStatistics, query);
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
    const csv = format === TrackingFormat.Csv || (format === undefined && request.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (!csv) return view;
    response.type('text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${municipalityReferralsFileName(view)}"`);
    return renderMunicipalityReferralsCsv(view);
  }
}
