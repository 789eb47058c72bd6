import { Module } from '@nestjs/common';
import { ObstaclesModule } from '../obstacles/obstacles.module';
import { ObstacleCandidatesHandlers } from './obstacle-candidates.handlers';
import { ObstacleCandidatesRepository } from './obstacle-candidates.repository';
import { ObstacleCandidatesService } from './obstacle-candidates.service';

@Module({
  imports: [ObstaclesModule],
  controllers: [ObstacleCandidatesHandlers],
  providers: [ObstacleCandidatesService, ObstacleCandidatesRepository],
})
export class ObstacleCandidatesModule {}
