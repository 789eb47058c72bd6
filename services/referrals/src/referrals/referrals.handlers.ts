import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcceptReferralCommand,
  CompleteReferralCommand,
  InterruptReferralCommand,
  ReferralStepCommand,
  DeclineReferralCommand,
  GetReferralQuery,
  GetSharedInformationQuery,
  type SharedInformationView,
  ListReferralsQuery,
  ReferralCountsQuery,
  type ReferralCountsView,
  Requests,
  SendReferralCommand,
  type ActorContext,
  type Page,
  type ReferralView,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { ReferralsService } from './referrals.service';

@Controller()
export class ReferralsHandlers {
  constructor(private readonly referrals: ReferralsService) {}

  @MessagePattern(Requests.referrals.sendReferral)
  send(@Payload() command: SendReferralCommand, @Actor() actor: ActorContext): Promise<ReferralView> {
    return this.referrals.send(command, actor);
  }

  @MessagePattern(Requests.referrals.getSharedInformation)
  getSharedInformation(@Payload() query: GetSharedInformationQuery, @Actor() actor: ActorContext): Promise<SharedInformationView> {
    return this.referrals.getSharedInformation(query, actor);
  }

  @MessagePattern(Requests.referrals.acknowledgeReferral)
  acknowledge(@Payload() command: ReferralStepCommand, @Actor() actor: ActorContext): Promise<ReferralView> {
    return this.referrals.acknowledge(command, actor);
  }

  @MessagePattern(Requests.referrals.startReferral)
  start(@Payload() command: ReferralStepCommand, @Actor() actor: ActorContext): Promise<ReferralView> {
    return this.referrals.start(command, actor);
  }

  @MessagePattern(Requests.referrals.completeReferral)
  complete(@Payload() command: CompleteReferralCommand, @Actor() actor: ActorContext): Promise<ReferralView> {
    return this.referrals.complete(command, actor);
  }

  @MessagePattern(Requests.referrals.interruptReferral)
  interrupt(@Payload() command: InterruptReferralCommand, @Actor() actor: ActorContext): Promise<ReferralView> {
    return this.referrals.interrupt(command, actor);
  }

  @MessagePattern(Requests.referrals.withdrawReferral)
  withdraw(@Payload() command: ReferralStepCommand, @Actor() actor: ActorContext): Promise<ReferralView> {
    return this.referrals.withdraw(command, actor);
  }

  @MessagePattern(Requests.referrals.acceptReferral)
  accept(@Payload() command: AcceptReferralCommand, @Actor() actor: ActorContext): Promise<ReferralView> {
    return this.referrals.accept(command, actor);
  }

  @MessagePattern(Requests.referrals.declineReferral)
  decline(@Payload() command: DeclineReferralCommand, @Actor() actor: ActorContext): Promise<ReferralView> {
    return this.referrals.decline(command, actor);
  }

  @MessagePattern(Requests.referrals.getReferral)
  get(@Payload() query: GetReferralQuery, @Actor() actor: ActorContext): Promise<ReferralView> {
    return this.referrals.get(query, actor);
  }

  @MessagePattern(Requests.referrals.countReferrals)
  counts(@Payload() query: ReferralCountsQuery, @Actor() actor: ActorContext): Promise<ReferralCountsView> {
    return this.referrals.counts(query, actor);
  }

  @MessagePattern(Requests.referrals.listReferrals)
  list(@Payload() query: ListReferralsQuery, @Actor() actor: ActorContext): Promise<Page<ReferralView>> {
    return this.referrals.list(query, actor);
  }
}
