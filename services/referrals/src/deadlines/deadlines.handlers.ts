import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetOrganisationDeadlinesQuery,
  GetResourceDeadlinesQuery,
  Requests,
  SetOrganisationDeadlinesCommand,
  SetResourceDeadlinesCommand,
  type ActorContext,
  type DeadlinePolicyView,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { DeadlinesService } from './deadlines.service';

@Controller()
export class DeadlinesHandlers {
  constructor(private readonly deadlines: DeadlinesService) {}

  @MessagePattern(Requests.referrals.getOrganisationDeadlines)
  getForOrganisation(@Payload() query: GetOrganisationDeadlinesQuery): Promise<DeadlinePolicyView> {
    return this.deadlines.getForOrganisation(query);
  }

  @MessagePattern(Requests.referrals.setOrganisationDeadlines)
  setForOrganisation(@Payload() command: SetOrganisationDeadlinesCommand, @Actor() actor: ActorContext): Promise<DeadlinePolicyView> {
    return this.deadlines.setForOrganisation(command, actor);
  }

  @MessagePattern(Requests.referrals.getResourceDeadlines)
  getForResource(@Payload() query: GetResourceDeadlinesQuery): Promise<DeadlinePolicyView> {
    return this.deadlines.getForResource(query);
  }

  @MessagePattern(Requests.referrals.setResourceDeadlines)
  setForResource(@Payload() command: SetResourceDeadlinesCommand, @Actor() actor: ActorContext): Promise<DeadlinePolicyView> {
    return this.deadlines.setForResource(command, actor);
  }
}
