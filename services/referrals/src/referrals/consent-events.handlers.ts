import { Injectable } from '@nestjs/common';
import { EventType, ReferralWithdrawalReason, type ConsentWithdrawnData } from '@samverkan/contracts';
import { consumers, EventsHandler, OnEvent } from '@samverkan/messaging';
import { ReferralWithdrawals } from './referral-withdrawals.service';

/** Cases' consent events, fed by the durable consumer declared in the topology. */
@Injectable()
@EventsHandler(consumers.referralsConsentEnded.durable)
export class ConsentEventsHandlers {
  constructor(private readonly withdrawals: ReferralWithdrawals) {}

  @OnEvent(EventType.ConsentWithdrawn)
  async onWithdrawn(consent: ConsentWithdrawnData): Promise<void> {
    await this.withdrawals.withdrawRelyingOn(consent, ReferralWithdrawalReason.ConsentWithdrawn);
  }

  @OnEvent(EventType.ConsentExpired)
  async onExpired(consent: ConsentWithdrawnData): Promise<void> {
    await this.withdrawals.withdrawRelyingOn(consent, ReferralWithdrawalReason.ConsentExpired);
  }
}
