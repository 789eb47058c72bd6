import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateOrganisationCommand,
  CreateUnitCommand,
  GetOrganisationQuery,
  GetUnitQuery,
  ListOrganisationsQuery,
  ListUnitsQuery,
  Requests,
  UpdateOrganisationCommand,
  UpdateUnitCommand,
  type ActorContext,
  type OrganisationView,
  type Page,
  type UnitView,
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

  @MessagePattern(Requests.actors.updateOrganisation)
  update(@Payload() command: UpdateOrganisationCommand, @Actor() actor: ActorContext): Promise<OrganisationView> {
    return this.organisations.update(command, actor);
  }

  @MessagePattern(Requests.actors.listUnits)
  listUnits(@Payload() query: ListUnitsQuery): Promise<Page<UnitView>> {
    return this.organisations.listUnits(query);
  }

  @MessagePattern(Requests.actors.getUnit)
  getUnit(@Payload() query: GetUnitQuery): Promise<UnitView> {
    return this.organisations.getUnit(query.unitId);
  }

  @MessagePattern(Requests.actors.createUnit)
  createUnit(@Payload() command: CreateUnitCommand, @Actor() actor: ActorContext): Promise<UnitView> {
    return this.organisations.createUnit(command, actor);
  }

  @MessagePattern(Requests.actors.updateUnit)
  updateUnit(@Payload() command: UpdateUnitCommand, @Actor() actor: ActorContext): Promise<UnitView> {
    return this.organisations.updateUnit(command, actor);
  }
}
