import { Controller } from '@nestjs/common';
import { Actor } from '@samverkan/messaging';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetCaseQuery, OpenCaseCommand, Requests, type CaseView, type ActorContext } from '@samverkan/contracts';
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
}
