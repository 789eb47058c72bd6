import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompetenceMapView, GetCompetenceMapQuery, HsdsExportView, Requests } from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { schemaRef } from '../http/openapi';

/** What the directory says as a whole: the competence map and the Open Referral export. */
@ApiTags('directory')
@Controller()
export class DirectoryReportsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('competence-map')
  @ApiOperation({
    summary: 'Staff competences per municipality set against the support needs of open cases (counts only)',
    description: 'developmentNeeds lists the needs that are frequent where few hold a competence addressing them, the largest gap first.',
  })
  @ApiOkResponse({ schema: schemaRef(CompetenceMapView) })
  competenceMap(@Query() query: GetCompetenceMapQuery): Promise<CompetenceMapView> {
    return this.rpc.request(Requests.actors.getCompetenceMap, query);
  }

  @Get('exports/hsds')
  @ApiOperation({ summary: 'The directory as Open Referral HSDS 3: organizations, services, locations and the services at each location' })
  @ApiOkResponse({ schema: schemaRef(HsdsExportView) })
  hsds(): Promise<HsdsExportView> {
    return this.rpc.request(Requests.actors.exportHsds, {});
  }
}
