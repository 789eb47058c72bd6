import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddTeamUnitCommand,
  ChangeCaseStatusCommand,
  RemoveTeamUnitCommand,
  GetCaseQuery,
  GetCaseTimelineQuery,
  ListCasesQuery,
  OpenCaseCommand,
  Requests,
  type ActorContext,
  type CaseSummaryView,
  type CaseTimelineEntryView,
  type CaseView,
  type Page,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { CasesService } from './cases.service';

@Controller()
export class CasesHandlers {
  constructor(private readonly cases: CasesService) {}

  @MessagePattern(Requests.cases.openCase)
  open(@Payload() command: OpenCaseCommand, @Actor() actor: ActorContext): Promise<CaseView> {
    return this.cases.open(command, actor);
  }

  @MessagePattern(Requests.cases.getCase)
  get(@Payload() query: GetCaseQuery, @Actor() actor: ActorContext): Promise<CaseView> {
    return this.cases.get(query, actor);
  }

  @MessagePattern(Requests.cases.listCases)
  list(@Payload() query: ListCasesQuery, @Actor() actor: ActorContext): Promise<Page<CaseSummaryView>> {
    return this.cases.list(query, actor);
  }

  @MessagePattern(Requests.cases.changeCaseStatus)
  changeStatus(@Payload() command: ChangeCaseStatusCommand, @Actor() actor: ActorContext): Promise<CaseView> {
    return this.cases.changeStatus(command, actor);
  }

  @MessagePattern(Requests.cases.getCaseTimeline)
  timeline(@Payload() query: GetCaseTimelineQuery, @Actor() actor: ActorContext): Promise<CaseTimelineEntryView[]> {
    return this.cases.timeline(query, actor);
  }

  @MessagePattern(Requests.cases.addTeamUnit)
  addTeamUnit(@Payload() command: AddTeamUnitCommand, @Actor() actor: ActorContext): Promise<CaseView> {
    return this.cases.addTeamUnit(command, actor);
  }

  @MessagePattern(Requests.cases.removeTeamUnit)
  removeTeamUnit(@Payload() command: RemoveTeamUnitCommand, @Actor() actor: ActorContext): Promise<CaseView> {
    return this.cases.removeTeamUnit(command, actor);
  }
}
