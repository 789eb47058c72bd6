import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceFoundationModule } from '@samverkan/messaging';
import { ServiceConfigModule } from '@samverkan/platform';
import type { ActorsConfig } from './config';
import { ACTORS_CONFIG } from './config.token';
import { DatabaseModule } from './database/database.module';
import { PrismaService } from './database/prisma.service';
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
        ServiceFoundationModule.forRoot({ service: 'actors', config, databaseModule: DatabaseModule, prismaService: PrismaService }),
        OrganisationsModule,
        StaffModule,
        SupportResourcesModule,
        DemoDataModule,
      ],
    };
  }
}
