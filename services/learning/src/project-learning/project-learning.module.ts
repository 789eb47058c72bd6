import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { ProjectLearningHandlers } from './project-learning.handlers';
import { ProjectLearningRepository } from './project-learning.repository';
import { ProjectLearningService } from './project-learning.service';

/** A project's results over time, its lessons and its critical factors. */
@Module({
  imports: [ProjectsModule],
  controllers: [ProjectLearningHandlers],
  providers: [ProjectLearningService, ProjectLearningRepository],
  exports: [ProjectLearningService],
})
export class ProjectLearningModule {}
