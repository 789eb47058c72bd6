import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceFoundationModule } from '@samverkan/messaging';
import { ServiceConfigModule } from '@samverkan/platform';
import type { ActorsConfig } from './config';
import { ACTORS_CONFIG } from './config.token';
import { actorsDatabase } from './database';
import { DemoDataModule } from './demo-data/demo-data.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { StaffModule } from './staff/staff.module';
import { SupportResourcesModule } from './support-resources/support-resources.module';

@Module({})
export class AppModule {
  static register(config: ActorsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceConfigModule.register(ACTORS_CONFIG, config),
        ServiceFoundationModule.forRoot({ config, database: actorsDatabase }),
        OrganisationsModule,
        StaffModule,
        SupportResourcesModule,
        DemoDataModule,
      ],
    };
  }
}
