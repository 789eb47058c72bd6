import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { SupportResourcesModule } from '../support-resources/support-resources.module';
import { HsdsHandlers } from './hsds.handlers';
import { HsdsExportService } from './hsds.service';

@Module({ imports: [OrganisationsModule, SupportResourcesModule], controllers: [HsdsHandlers], providers: [HsdsExportService] })
export class HsdsModule {}
