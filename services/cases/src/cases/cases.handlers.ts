import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetCaseQuery, OpenCaseCommand, Requests, type CaseView } from '@samverkan/contracts';
import { CasesService } from './cases.service';

@Controller()
export class CasesHandlers {
  constructor(private readonly cases: CasesService) {}

  @MessagePattern(Requests.cases.openCase)
  open(@Payload() command: OpenCaseCommand): Promise<CaseView> {
    return this.cases.open(command);
  }

  @MessagePattern(Requests.cases.getCase)
  get(@Payload() query: GetCaseQuery): Promise<CaseView> {
    return this.cases.get(query);
  }
}
