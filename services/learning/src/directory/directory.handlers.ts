import { Injectable } from '@nestjs/common';
import { EventType, type SupportResourceStateData, type UnitStateData } from '@samverkan/contracts';
import { consumers, EventsHandler, OnEvent } from '@samverkan/messaging';
import { DirectoryService } from './directory.service';

/** Unit events from actors, fed by the durable consumer declared in the topology. */
@Injectable()
@EventsHandler(consumers.learningUnits.durable)
export class UnitEventsHandlers {
  constructor(private readonly directory: DirectoryService) {}

  @OnEvent(EventType.UnitRegistered, EventType.UnitUpdated)
  onUnit(state: UnitStateData): Promise<void> {
    return this.directory.recordUnit(state);
  }
}

/** Support-resource events from actors; a change of capacity carries the whole state like the others. */
@Injectable()
@EventsHandler(consumers.learningSupportResources.durable)
export class SupportResourceEventsHandlers {
  constructor(private readonly directory: DirectoryService) {}

  @OnEvent(EventType.SupportResourceRegistered, EventType.SupportResourceUpdated, EventType.SupportResourceCapacityChanged)
  onSupportResource(state: SupportResourceStateData): Promise<void> {
    return this.directory.recordSupportResource(state);
  }
}
