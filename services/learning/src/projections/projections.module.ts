import { Module } from '@nestjs/common';
import { ReferralStatisticsModule } from '../referral-statistics/referral-statistics.module';
import { ProjectionRunsRepository } from './projection-runs.repository';
import { ProjectionsHandlers } from './projections.handlers';
import { ProjectionsService } from './projections.service';

@Module({
  imports: [ReferralStatisticsModule],
  controllers: [ProjectionsHandlers],
  providers: [ProjectionsService, ProjectionRunsRepository],
})
export class ProjectionsModule {}
