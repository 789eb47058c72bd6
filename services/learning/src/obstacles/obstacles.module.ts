import { Module } from '@nestjs/common';
import { ProjectLearningModule } from '../project-learning/project-learning.module';
import { ProjectsModule } from '../projects/projects.module';
import { ObstaclesHandlers } from './obstacles.handlers';
import { ObstaclesRepository } from './obstacles.repository';
import { ObstaclesService } from './obstacles.service';

/**
 * Structural obstacles. Exports `ObstaclesService`, whose `recordFromFlow` the referral flow's
 * analysis calls inside its own transaction when an analyst confirms an obstacle candidate.
 */
@Module({
  imports: [ProjectsModule, ProjectLearningModule],
  controllers: [ObstaclesHandlers],
  providers: [ObstaclesService, ObstaclesRepository],
  exports: [ObstaclesService],
})
export class ObstaclesModule {}
