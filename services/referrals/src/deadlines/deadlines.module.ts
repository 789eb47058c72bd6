import { ActorsDirectory } from '@samverkan/messaging';
import { Module } from '@nestjs/common';
import { ReferralsRepository } from '../referrals/referrals.repository';
import { DeadlineJobs } from './deadline.jobs';
import { DeadlinePoliciesRepository } from './deadline-policies.repository';
import { DeadlinesHandlers } from './deadlines.handlers';
import { DeadlinesService } from './deadlines.service';

@Module({
  controllers: [DeadlinesHandlers],
  providers: [ActorsDirectory, DeadlinesService, DeadlinePoliciesRepository, DeadlineJobs, ReferralsRepository],
  exports: [DeadlinesService, ActorsDirectory],
})
export class DeadlinesModule {}
