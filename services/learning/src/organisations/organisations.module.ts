import { Module } from '@nestjs/common';
import { OrganisationEventsHandlers } from './organisations.handlers';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService } from './organisations.service';

@Module({
  providers: [OrganisationsService, OrganisationsRepository, OrganisationEventsHandlers],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
