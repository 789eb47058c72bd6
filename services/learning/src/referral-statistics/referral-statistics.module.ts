import { Module } from '@nestjs/common';
import { ReferralFactsRepository } from './referral-facts.repository';
import { ReferralEventsHandlers, ReferralStatisticsHandlers } from './referral-statistics.handlers';
import { ReferralStatisticsService } from './referral-statistics.service';

@Module({
  controllers: [ReferralStatisticsHandlers],
  providers: [ReferralStatisticsService, ReferralFactsRepository, ReferralEventsHandlers],
})
export class ReferralStatisticsModule {}
