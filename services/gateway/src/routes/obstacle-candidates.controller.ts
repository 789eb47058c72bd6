import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ConfirmObstacleCandidateBody,
  DismissObstacleCandidateBody,
  ListObstacleCandidatesQuery,
  ObstacleCandidateDecision,
  ObstacleCandidateView,
  Requests,
  StaffRole,
  type Page,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { Roles } from '../auth/auth.decorators';
import { pageOf, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';

/** Structural obstacles the referral flow suggests, for analysts to confirm or dismiss. */
@ApiTags('obstacles')
@Controller('obstacle-candidates')
@Roles(StaffRole.Analyst)
export class ObstacleCandidatesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'Obstacle candidates found in the referral flow, newest first',
    description:
      "Learning looks through the referrals sent since the previous quarter began and proposes a candidate wherever a rule's count for " +
      'one municipality (where the persons live), need (what the support addresses) and quarter crosses the threshold: many declined for ' +
      'lack of places (capacity), many declined as not eligible (regulation), many that expired unanswered (mandate gap). Each carries ' +
      'the numbers behind it; a proposed one follows the flow until it is decided. For analysts.',
  })
  @ApiOkResponse({ schema: pageOf(ObstacleCandidateView) })
  list(@Query() query: ListObstacleCandidatesQuery): Promise<Page<ObstacleCandidateView>> {
    return this.rpc.request(Requests.learning.listObstacleCandidates, query);
  }

  @Post(':candidateId/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a candidate: the structural obstacle is recorded, with the candidate as its evidence',
    description: 'At the version read (409 when its figures moved or it was decided meanwhile). The obstacle is recorded in the same transaction.',
  })
  @ApiBody({ schema: schemaRef(ConfirmObstacleCandidateBody) })
  @ApiOkResponse({ schema: schemaRef(ObstacleCandidateView) })
  confirm(@UuidParam('candidateId') candidateId: string, @Body() body: ConfirmObstacleCandidateBody): Promise<ObstacleCandidateView> {
    return this.rpc.request(Requests.learning.decideObstacleCandidate, { ...body, candidateId, decision: ObstacleCandidateDecision.Confirm });
  }

  @Post(':candidateId/dismiss')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss a candidate, with the reason it is no structural obstacle' })
  @ApiBody({ schema: schemaRef(DismissObstacleCandidateBody) })
  @ApiOkResponse({ schema: schemaRef(ObstacleCandidateView) })
  dismiss(@UuidParam('candidateId') candidateId: string, @Body() body: DismissObstacleCandidateBody): Promise<ObstacleCandidateView> {
    return this.rpc.request(Requests.learning.decideObstacleCandidate, { ...body, candidateId, decision: ObstacleCandidateDecision.Dismiss });
  }
}
