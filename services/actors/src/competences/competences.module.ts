import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CompetencesHandlers } from './competences.handlers';
import { CompetencesRepository } from './competences.repository';
import { CompetencesService } from './competences.service';

@Module({
  imports: [OrganisationsModule],
  controllers: [CompetencesHandlers],
  providers: [CompetencesService, CompetencesRepository],
  exports: [CompetencesService, CompetencesRepository],
})
export class CompetencesModule {}
