import { Module, type DynamicModule } from '@nestjs/common';
import { consumers, ServiceFoundationModule } from '@samverkan/messaging';
import { ServiceConfigModule } from '@samverkan/platform';
import type { LearningConfig } from './config';
import { LEARNING_CONFIG } from './config.token';
import { learningDatabase } from './database';
import { DirectoryModule } from './directory/directory.module';
import { MunicipalityTrackingModule } from './municipality-tracking/municipality-tracking.module';
import { ObstaclesModule } from './obstacles/obstacles.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ProjectLearningModule } from './project-learning/project-learning.module';
import { ObstacleCandidatesModule } from './obstacle-candidates/obstacle-candidates.module';
import { ProjectionsModule } from './projections/projections.module';
import { ProjectsModule } from './projects/projects.module';
import { ReferralStatisticsModule } from './referral-statistics/referral-statistics.module';

@Module({})
export class AppModule {
  static register(config: LearningConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceConfigModule.register(LEARNING_CONFIG, config),
        ServiceFoundationModule.forRoot({
          config,
          database: learningDatabase,
          consumers: [
            consumers.learningReferralStatistics.durable,
            consumers.learningOrganisations.durable,
            consumers.learningUnits.durable,
            consumers.learningSupportResources.durable,
          ],
        }),
        ReferralStatisticsModule,
        OrganisationsModule,
        DirectoryModule,
        MunicipalityTrackingModule,
        ProjectsModule,
        ProjectionsModule,
        ObstacleCandidatesModule,
        ProjectLearningModule,
        ObstaclesModule,
      ],
    };
  }
}
