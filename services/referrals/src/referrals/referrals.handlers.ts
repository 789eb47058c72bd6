import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcceptReferralCommand,
  DeclineReferralCommand,
  GetReferralQuery,
  ListReferralsQuery,
  Requests,
  SendReferralCommand,
  type Page,
  type ReferralView,
} from '@samverkan/contracts';
import { ReferralsService } from './referrals.service';

@Controller()
export class ReferralsHandlers {
  constructor(private readonly referrals: ReferralsService) {}

  @MessagePattern(Requests.referrals.sendReferral)
  send(@Payload() command: SendReferralCommand): Promise<ReferralView> {
    return this.referrals.send(command);
  }

  @MessagePattern(Requests.referrals.acceptReferral)
  accept(@Payload() command: AcceptReferralCommand): Promise<ReferralView> {
    return this.referrals.accept(command);
  }

  @MessagePattern(Requests.referrals.declineReferral)
  decline(@Payload() command: DeclineReferralCommand): Promise<ReferralView> {
    return this.referrals.decline(command);
  }

  @MessagePattern(Requests.referrals.getReferral)
  get(@Payload() query: GetReferralQuery): Promise<ReferralView> {
    return this.referrals.get(query);
  }

  @MessagePattern(Requests.referrals.listReferrals)
  list(@Payload() query: ListReferralsQuery): Promise<Page<ReferralView>> {
    return this.referrals.list(query);
  }
}
