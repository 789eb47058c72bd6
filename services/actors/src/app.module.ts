import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ServiceFoundationModule } from '@samverkan/messaging';
import type { ActorsConfig } from './config';
import { ACTORS_CONFIG } from './config.token';
import { DatabaseModule } from './database/database.module';
import { PrismaService } from './database/prisma.service';
import { DemoDataModule } from './demo-data/demo-data.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { StaffModule } from './staff/staff.module';
import { SupportResourcesModule } from './support-resources/support-resources.module';

@Global()
@Module({})
class ConfigModule {
  static register(config: ActorsConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: ACTORS_CONFIG, useValue: config }], exports: [ACTORS_CONFIG] };
  }
}

@Module({})
export class AppModule {
  static register(config: ActorsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        ServiceFoundationModule.forRoot({ service: 'actors', config, databaseModule: DatabaseModule, prismaService: PrismaService }),
        OrganisationsModule,
        StaffModule,
        SupportResourcesModule,
        DemoDataModule,
      ],
    };
  }
}
