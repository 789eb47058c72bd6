import { Injectable } from '@nestjs/common';
import { EventType, type OrganisationStateData } from '@samverkan/contracts';
import { consumers, EventsHandler, OnEvent } from '@samverkan/messaging';
import { OrganisationsService } from './organisations.service';

/** Organisation events from actors, fed by the durable consumer declared in the topology. */
@Injectable()
@EventsHandler(consumers.learningOrganisations.durable)
export class OrganisationEventsHandlers {
  constructor(private readonly organisations: OrganisationsService) {}

  @OnEvent(EventType.OrganisationRegistered)
  onRegistered(state: OrganisationStateData): Promise<void> {
    return this.organisations.record(state);
  }

  @OnEvent(EventType.OrganisationUpdated)
  onUpdated(state: OrganisationStateData): Promise<void> {
    return this.organisations.record(state);
  }
}
