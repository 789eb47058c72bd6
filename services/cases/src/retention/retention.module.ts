import { Module } from '@nestjs/common';
import { RetentionJobs } from './retention.jobs';
import { RetentionRepository } from './retention.repository';

@Module({ providers: [RetentionJobs, RetentionRepository] })
export class RetentionModule {}
