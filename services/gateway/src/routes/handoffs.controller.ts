import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HandoffView, ListHandoffsQuery, Requests, type Page } from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { pageOf } from '../http/openapi';

@ApiTags('cases')
@Controller('handoffs')
export class HandoffsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: "Hand-offs the staff member's unit asked for (outgoing) or was asked to take (incoming), newest first" })
  @ApiOkResponse({ schema: pageOf(HandoffView) })
  list(@Query() query: ListHandoffsQuery): Promise<Page<HandoffView>> {
    return this.rpc.request(Requests.cases.listHandoffs, query);
  }
}
