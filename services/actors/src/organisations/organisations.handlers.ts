import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateOrganisationCommand,
  GetOrganisationQuery,
  ListOrganisationsQuery,
  Requests,
  type ActorContext,
  type OrganisationView,
  type Page,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { OrganisationsService } from './organisations.service';

@Controller()
export class OrganisationsHandlers {
  constructor(private readonly organisations: OrganisationsService) {}

  @MessagePattern(Requests.actors.listOrganisations)
  list(@Payload() query: ListOrganisationsQuery): Promise<Page<OrganisationView>> {
    return this.organisations.list(query);
  }

  @MessagePattern(Requests.actors.getOrganisation)
  get(@Payload() query: GetOrganisationQuery): Promise<OrganisationView> {
    return this.organisations.get(query.organisationId);
  }

  @MessagePattern(Requests.actors.createOrganisation)
  create(@Payload() command: CreateOrganisationCommand, @Actor() actor: ActorContext): Promise<OrganisationView> {
    return this.organisations.create(command, actor);
  }
}
