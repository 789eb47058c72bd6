import { Module, type DynamicModule } from '@nestjs/common';
import { consumers, ServiceFoundationModule } from '@samverkan/messaging';
import { ServiceConfigModule } from '@samverkan/platform';
import { CompetenceMapModule } from './competence-map/competence-map.module';
import { CompetencesModule } from './competences/competences.module';
import type { ActorsConfig } from './config';
import { ACTORS_CONFIG } from './config.token';
import { actorsDatabase } from './database';
import { DemoDataModule } from './demo-data/demo-data.module';
import { HsdsModule } from './hsds/hsds.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { StaffModule } from './staff/staff.module';
import { SupportResourcesModule } from './support-resources/support-resources.module';
import { WorkplacesModule } from './workplaces/workplaces.module';

@Module({})
export class AppModule {
  static register(config: ActorsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceConfigModule.register(ACTORS_CONFIG, config),
        ServiceFoundationModule.forRoot({ config, database: actorsDatabase, consumers: [consumers.actorsCaseNeeds.durable] }),
        OrganisationsModule,
        StaffModule,
        CompetencesModule,
        SupportResourcesModule,
        WorkplacesModule,
        CompetenceMapModule,
        HsdsModule,
        DemoDataModule,
      ],
    };
  }
}
