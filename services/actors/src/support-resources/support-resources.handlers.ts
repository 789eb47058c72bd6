import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateSupportResourceCommand,
  GetSupportResourceQuery,
  ListSupportResourcesQuery,
  MatchSupportResourcesQuery,
  Requests,
  UpdateCapacityCommand,
  UpdateSupportResourceCommand,
  type ActorContext,
  type Page,
  type SupportResourceMatchesView,
  type SupportResourceView,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { SupportResourcesService } from './support-resources.service';

@Controller()
export class SupportResourcesHandlers {
  constructor(private readonly resources: SupportResourcesService) {}

  @MessagePattern(Requests.actors.listSupportResources)
  list(@Payload() query: ListSupportResourcesQuery): Promise<Page<SupportResourceView>> {
    return this.resources.list(query);
  }

  @MessagePattern(Requests.actors.getSupportResource)
  get(@Payload() query: GetSupportResourceQuery): Promise<SupportResourceView> {
    return this.resources.get(query.resourceId);
  }

  @MessagePattern(Requests.actors.createSupportResource)
  create(@Payload() command: CreateSupportResourceCommand, @Actor() actor: ActorContext): Promise<SupportResourceView> {
    return this.resources.create(command, actor);
  }

  @MessagePattern(Requests.actors.updateSupportResource)
  update(@Payload() command: UpdateSupportResourceCommand, @Actor() actor: ActorContext): Promise<SupportResourceView> {
    return this.resources.update(command, actor);
  }

  @MessagePattern(Requests.actors.updateCapacity)
  updateCapacity(@Payload() command: UpdateCapacityCommand, @Actor() actor: ActorContext): Promise<SupportResourceView> {
    return this.resources.updateCapacity(command, actor);
  }

  @MessagePattern(Requests.actors.matchSupportResources)
  match(@Payload() query: MatchSupportResourcesQuery): Promise<SupportResourceMatchesView> {
    return this.resources.match(query);
  }
}
