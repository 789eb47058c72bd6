import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateWorkplaceCommand,
  GetWorkplaceQuery,
  ListWorkplacesQuery,
  Requests,
  UpdateWorkplaceCommand,
  type ActorContext,
  type Page,
  type WorkplaceView,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { WorkplacesService } from './workplaces.service';

@Controller()
export class WorkplacesHandlers {
  constructor(private readonly workplaces: WorkplacesService) {}

  @MessagePattern(Requests.actors.listWorkplaces)
  list(@Payload() query: ListWorkplacesQuery): Promise<Page<WorkplaceView>> {
    return this.workplaces.list(query);
  }

  @MessagePattern(Requests.actors.getWorkplace)
  get(@Payload() query: GetWorkplaceQuery): Promise<WorkplaceView> {
    return this.workplaces.get(query.workplaceId);
  }

  @MessagePattern(Requests.actors.createWorkplace)
  create(@Payload() command: CreateWorkplaceCommand, @Actor() actor: ActorContext): Promise<WorkplaceView> {
    return this.workplaces.create(command, actor);
  }

  @MessagePattern(Requests.actors.updateWorkplace)
  update(@Payload() command: UpdateWorkplaceCommand, @Actor() actor: ActorContext): Promise<WorkplaceView> {
    return this.workplaces.update(command, actor);
  }
}
