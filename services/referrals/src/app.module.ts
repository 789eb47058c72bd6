import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceFoundationModule } from '@samverkan/messaging';
import { ServiceConfigModule } from '@samverkan/platform';
import type { ReferralsConfig } from './config';
import { REFERRALS_CONFIG } from './config.token';
import { DatabaseModule } from './database/database.module';
import { PrismaService } from './database/prisma.service';
import { ReferralsModule } from './referrals/referrals.module';

@Module({})
export class AppModule {
  static register(config: ReferralsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceConfigModule.register(REFERRALS_CONFIG, config),
        ServiceFoundationModule.forRoot({ service: 'referrals', config, databaseModule: DatabaseModule, prismaService: PrismaService }),
        ReferralsModule,
      ],
    };
  }
}
