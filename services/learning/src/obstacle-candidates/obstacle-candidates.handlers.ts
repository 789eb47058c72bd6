import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DecideObstacleCandidateCommand,
  ListObstacleCandidatesQuery,
  Requests,
  type ActorContext,
  type ObstacleCandidateView,
  type Page,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { ObstacleCandidatesService } from './obstacle-candidates.service';

@Controller()
export class ObstacleCandidatesHandlers {
  constructor(private readonly candidates: ObstacleCandidatesService) {}

  @MessagePattern(Requests.learning.listObstacleCandidates)
  list(@Payload() query: ListObstacleCandidatesQuery, @Actor() actor: ActorContext): Promise<Page<ObstacleCandidateView>> {
    return this.candidates.list(query, actor);
  }

  @MessagePattern(Requests.learning.decideObstacleCandidate)
  decide(@Payload() command: DecideObstacleCandidateCommand, @Actor() actor: ActorContext): Promise<ObstacleCandidateView> {
    return this.candidates.decide(command, actor);
  }
}
