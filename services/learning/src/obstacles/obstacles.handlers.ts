import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddEvidenceCommand,
  GetObstacleQuery,
  ListObstaclesQuery,
  RecordObstacleBody,
  Requests,
  type ActorContext,
  type ObstacleView,
  type Page,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { ObstaclesService } from './obstacles.service';

@Controller()
export class ObstaclesHandlers {
  constructor(private readonly obstacles: ObstaclesService) {}

  @MessagePattern(Requests.learning.recordObstacle)
  record(@Payload() command: RecordObstacleBody, @Actor() actor: ActorContext): Promise<ObstacleView> {
    return this.obstacles.record(command, actor);
  }

  /** Any staff member reads obstacles: `@Actor()` refuses a request without one. */
  @MessagePattern(Requests.learning.listObstacles)
  list(@Payload() query: ListObstaclesQuery, @Actor() _actor: ActorContext): Promise<Page<ObstacleView>> {
    return this.obstacles.list(query);
  }

  @MessagePattern(Requests.learning.getObstacle)
  get(@Payload() query: GetObstacleQuery, @Actor() _actor: ActorContext): Promise<ObstacleView> {
    return this.obstacles.get(query);
  }

  @MessagePattern(Requests.learning.addObstacleEvidence)
  addEvidence(@Payload() command: AddEvidenceCommand, @Actor() actor: ActorContext): Promise<ObstacleView> {
    return this.obstacles.addEvidence(command, actor);
  }
}
