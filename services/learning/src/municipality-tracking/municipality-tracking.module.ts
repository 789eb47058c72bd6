import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { MunicipalityTrackingHandlers } from './municipality-tracking.handlers';
import { MunicipalityTrackingRepository } from './municipality-tracking.repository';
import { MunicipalityTrackingService } from './municipality-tracking.service';

@Module({
  imports: [OrganisationsModule],
  controllers: [MunicipalityTrackingHandlers],
  providers: [MunicipalityTrackingService, MunicipalityTrackingRepository],
})
export class MunicipalityTrackingModule {}
