import { Module } from '@nestjs/common';
import { CompetencesModule } from '../competences/competences.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { StaffHandlers } from './staff.handlers';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({ imports: [OrganisationsModule, CompetencesModule], controllers: [StaffHandlers], providers: [StaffService, StaffRepository] })
export class StaffModule {}
