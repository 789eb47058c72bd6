import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetMunicipalityReferralsQuery, Requests, type ActorContext, type MunicipalityReferralsView } from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { MunicipalityTrackingService } from './municipality-tracking.service';

@Controller()
export class MunicipalityTrackingHandlers {
  constructor(private readonly tracking: MunicipalityTrackingService) {}

  @MessagePattern(Requests.learning.getMunicipalityReferrals)
  referrals(@Payload() query: GetMunicipalityReferralsQuery, @Actor() actor: ActorContext): Promise<MunicipalityReferralsView> {
    return this.tracking.referrals(query, actor);
  }
}
