import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { FlowStatisticsRepository } from './flow-statistics.repository';
import { FlowStatisticsService } from './flow-statistics.service';
import { ReferralFactsRepository } from './referral-facts.repository';
import { ReferralEventsHandlers, ReferralStatisticsHandlers } from './referral-statistics.handlers';
import { ReferralStatisticsService } from './referral-statistics.service';

@Module({
  imports: [DirectoryModule],
  controllers: [ReferralStatisticsHandlers],
  providers: [ReferralStatisticsService, ReferralFactsRepository, ReferralEventsHandlers, FlowStatisticsService, FlowStatisticsRepository],
  exports: [ReferralStatisticsService, ReferralFactsRepository, FlowStatisticsRepository],
})
export class ReferralStatisticsModule {}
