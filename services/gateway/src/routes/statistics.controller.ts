import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetReferralStatisticsQuery, ReferralCountRow, Requests, type ReferralStatisticsView } from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { schemaRef } from '../http/openapi';

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
}
