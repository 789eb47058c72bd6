import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ConsentEventsHandlers } from './consent-events.handlers';
import { ReferralWithdrawals } from './referral-withdrawals.service';
import { ReferralsHandlers } from './referrals.handlers';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [DeadlinesModule],
  controllers: [ReferralsHandlers],
  providers: [ReferralsService, ReferralsRepository, ReferralWithdrawals, ConsentEventsHandlers],
})
export class ReferralsModule {}
