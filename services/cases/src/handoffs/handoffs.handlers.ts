import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcceptHandoffCommand,
  DeclineHandoffCommand,
  ListHandoffsQuery,
  RequestHandoffCommand,
  Requests,
  type ActorContext,
  type HandoffView,
  type Page,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { HandoffsService } from './handoffs.service';

@Controller()
export class HandoffsHandlers {
  constructor(private readonly handoffs: HandoffsService) {}

  @MessagePattern(Requests.cases.requestHandoff)
  request(@Payload() command: RequestHandoffCommand, @Actor() actor: ActorContext): Promise<HandoffView> {
    return this.handoffs.request(command, actor);
  }

  @MessagePattern(Requests.cases.acceptHandoff)
  accept(@Payload() command: AcceptHandoffCommand, @Actor() actor: ActorContext): Promise<HandoffView> {
    return this.handoffs.accept(command, actor);
  }

  @MessagePattern(Requests.cases.declineHandoff)
  decline(@Payload() command: DeclineHandoffCommand, @Actor() actor: ActorContext): Promise<HandoffView> {
    return this.handoffs.decline(command, actor);
  }

  @MessagePattern(Requests.cases.listHandoffs)
  list(@Payload() query: ListHandoffsQuery, @Actor() actor: ActorContext): Promise<Page<HandoffView>> {
    return this.handoffs.list(query, actor);
  }
}
