import { Module, type DynamicModule } from '@nestjs/common';
import { consumers, ServiceFoundationModule } from '@samverkan/messaging';
import { ServiceConfigModule } from '@samverkan/platform';
import type { LearningConfig } from './config';
import { LEARNING_CONFIG } from './config.token';
import { DatabaseModule } from './database/database.module';
import { PrismaService } from './database/prisma.service';
import { ReferralStatisticsModule } from './referral-statistics/referral-statistics.module';

@Module({})
export class AppModule {
  static register(config: LearningConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceConfigModule.register(LEARNING_CONFIG, config),
        ServiceFoundationModule.forRoot({
          service: 'learning',
          config,
          databaseModule: DatabaseModule,
          prismaService: PrismaService,
          consumers: [consumers.learningReferralStatistics.durable],
        }),
        ReferralStatisticsModule,
      ],
    };
  }
}
