import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AddCompetenceCommand, ListCompetencesQuery, Requests, type ActorContext, type CompetenceView, type Page } from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { CompetencesService } from './competences.service';

@Controller()
export class CompetencesHandlers {
  constructor(private readonly competences: CompetencesService) {}

  @MessagePattern(Requests.actors.listCompetences)
  list(@Payload() query: ListCompetencesQuery): Promise<Page<CompetenceView>> {
    return this.competences.list(query);
  }

  @MessagePattern(Requests.actors.addCompetence)
  add(@Payload() command: AddCompetenceCommand, @Actor() actor: ActorContext): Promise<CompetenceView> {
    return this.competences.add(command, actor);
  }
}
