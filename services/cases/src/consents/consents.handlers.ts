import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CheckConsentQuery,
  RecordConsentCommand,
  Requests,
  WithdrawConsentCommand,
  type ActorContext,
  type ConsentCheckResult,
  type ConsentView,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { ConsentsService } from './consents.service';

@Controller()
export class ConsentsHandlers {
  constructor(private readonly consents: ConsentsService) {}

  @MessagePattern(Requests.cases.recordConsent)
  record(@Payload() command: RecordConsentCommand, @Actor() actor: ActorContext): Promise<ConsentView> {
    return this.consents.record(command, actor);
  }

  @MessagePattern(Requests.cases.withdrawConsent)
  withdraw(@Payload() command: WithdrawConsentCommand, @Actor() actor: ActorContext): Promise<ConsentView> {
    return this.consents.withdraw(command, actor);
  }

  /** Only referrals asks (requestCallers), on behalf of the staff member sending a referral. */
  @MessagePattern(Requests.cases.checkConsent)
  check(@Payload() query: CheckConsentQuery, @Actor() actor: ActorContext): Promise<ConsentCheckResult> {
    return this.consents.check(query, actor);
  }
}
