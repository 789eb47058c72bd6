import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { SupportResourcesHandlers } from './support-resources.handlers';
import { SupportResourcesRepository } from './support-resources.repository';
import { SupportResourcesService } from './support-resources.service';

@Module({
  imports: [OrganisationsModule],
  controllers: [SupportResourcesHandlers],
  providers: [SupportResourcesService, SupportResourcesRepository],
  exports: [SupportResourcesRepository],
})
export class SupportResourcesModule {}
