import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLogEntryView, AccessLogVerificationView, ListAccessLogQuery, Requests, StaffRole, type Page } from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { Roles } from '../auth/auth.decorators';
import { pageOf, schemaRef } from '../http/openapi';

/** The access log of cases, for data-protection officers only. */
@ApiTags('access log')
@Controller('access-log')
export class AccessLogController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Roles(StaffRole.DataProtectionOfficer)
  @ApiOperation({ summary: "Who read or changed a person's data, or tried to, newest first: the own organisation's staff and the cases it leads" })
  @ApiOkResponse({ schema: pageOf(AccessLogEntryView) })
  list(@Query() query: ListAccessLogQuery): Promise<Page<AccessLogEntryView>> {
    return this.rpc.request(Requests.cases.listAccessLog, query);
  }

  @Get('verification')
  @Roles(StaffRole.DataProtectionOfficer)
  @ApiOperation({ summary: 'Checks the hash chain of the whole log and names the first entry that does not hold' })
  @ApiOkResponse({ schema: schemaRef(AccessLogVerificationView) })
  verify(): Promise<AccessLogVerificationView> {
    return this.rpc.request(Requests.cases.verifyAccessLog, {});
  }
}
