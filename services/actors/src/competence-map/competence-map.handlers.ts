import { Controller, Injectable } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EventType, GetCompetenceMapQuery, Requests, type CaseOpenedData, type CaseStatusChangedData, type CompetenceMapView } from '@samverkan/contracts';
import { consumers, EventsHandler, OnEvent } from '@samverkan/messaging';
import { CompetenceMapService } from './competence-map.service';

/** Cases' events, fed by the durable consumer declared in the topology. */
@Injectable()
@EventsHandler(consumers.actorsCaseNeeds.durable)
export class CaseEventsHandlers {
  constructor(private readonly competenceMap: CompetenceMapService) {}

  @OnEvent(EventType.CaseOpened)
  onCaseOpened(data: CaseOpenedData): Promise<void> {
    return this.competenceMap.recordCaseNeeds(data);
  }

  @OnEvent(EventType.CaseStatusChanged)
  onCaseStatusChanged(data: CaseStatusChangedData): Promise<void> {
    return this.competenceMap.recordStatusChange(data);
  }
}

@Controller()
export class CompetenceMapHandlers {
  constructor(private readonly competenceMap: CompetenceMapService) {}

  @MessagePattern(Requests.actors.getCompetenceMap)
  get(@Payload() query: GetCompetenceMapQuery): Promise<CompetenceMapView> {
    return this.competenceMap.get(query);
  }
}
