import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetProjectionRunQuery, RebuildProjectionCommand, Requests, type ActorContext, type ProjectionRunView } from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { ProjectionsService } from './projections.service';

@Controller()
export class ProjectionsHandlers {
  constructor(private readonly projections: ProjectionsService) {}

  @MessagePattern(Requests.learning.rebuildProjection)
  rebuild(@Payload() command: RebuildProjectionCommand, @Actor() actor: ActorContext): Promise<ProjectionRunView> {
    return this.projections.rebuild(command, actor);
  }

  @MessagePattern(Requests.learning.getProjectionRun)
  run(@Payload() query: GetProjectionRunQuery, @Actor() actor: ActorContext): Promise<ProjectionRunView> {
    return this.projections.run(query, actor);
  }
}
