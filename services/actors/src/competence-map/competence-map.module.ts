import { Module } from '@nestjs/common';
import { CompetencesModule } from '../competences/competences.module';
import { CaseEventsHandlers, CompetenceMapHandlers } from './competence-map.handlers';
import { CompetenceMapRepository } from './competence-map.repository';
import { CompetenceMapService } from './competence-map.service';

@Module({
  imports: [CompetencesModule],
  controllers: [CompetenceMapHandlers],
  providers: [CompetenceMapService, CompetenceMapRepository, CaseEventsHandlers],
})
export class CompetenceMapModule {}
