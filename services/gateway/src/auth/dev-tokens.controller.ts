import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode, ListStaffMembersQuery, Requests, type Page, type StaffMemberView } from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { IsUUID } from 'class-validator';
import { SignJWT } from 'jose';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../config.token';
import { schemaRef } from '../http/openapi';
import { PublicRoute } from '@samverkan/platform';

export class IssueDevTokenBody {
  @IsUUID()
  staffId!: string;
}

export interface DevToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  staffMember: StaffMemberView;
}

/**
 * Development tokens for seeded staff. The controller is only mounted when DEV_TOKENS_ENABLED
 * is true, which production configuration refuses.
 */
@ApiTags('development')
@PublicRoute()
@Controller('auth')
export class DevTokensController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('dev-staff')
  @ApiOperation({ summary: 'List staff members a development token can be issued for' })
  staff(@Query() query: ListStaffMembersQuery): Promise<Page<StaffMemberView>> {
    return this.rpc.request(Requests.actors.listStaffMembers, query);
  }

  @Post('dev-tokens')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a development token for a seeded staff member' })
  @ApiBody({ schema: schemaRef(IssueDevTokenBody) })
  @ApiOkResponse({ description: 'A bearer token acting as the staff member' })
  async issue(@Body() body: IssueDevTokenBody): Promise<DevToken> {
    const staffMember = await this.rpc.request<StaffMemberView>(Requests.actors.getStaffMember, { staffId: body.staffId });
    // Someone who left the unit signs in no more, in development as in the real identity provider.
    if (!staffMember.active)
      throw new DomainError(ErrorCode.Forbidden, 'The staff member is no longer active', [{ field: 'staffId', message: 'is not active' }]);
    const { ttlSeconds } = this.config.devTokens;
    const accessToken = await new SignJWT({ org: staffMember.organisationId, unit: staffMember.unitId, roles: staffMember.roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(staffMember.id)
      .setIssuer(this.config.jwt.issuer)
      .setAudience(this.config.jwt.audience)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.config.jwt.secret as Uint8Array);
    return { accessToken, tokenType: 'Bearer', expiresIn: ttlSeconds, staffMember };
  }
}
