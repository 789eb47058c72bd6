import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceFoundationModule } from '@samverkan/messaging';
import { ServiceConfigModule } from '@samverkan/platform';
import type { CasesConfig } from './config';
import { CASES_CONFIG } from './config.token';
import { casesDatabase } from './database';
import { CasesModule } from './cases/cases.module';
import { ConsentsModule } from './consents/consents.module';
import { HandoffsModule } from './handoffs/handoffs.module';
import { PersonsModule } from './persons/persons.module';
import { PlansModule } from './plans/plans.module';
import { RetentionModule } from './retention/retention.module';

@Module({})
export class AppModule {
  static register(config: CasesConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceConfigModule.register(CASES_CONFIG, config),
        ServiceFoundationModule.forRoot({ config, database: casesDatabase }),
        CasesModule,
        ConsentsModule,
        HandoffsModule,
        PersonsModule,
        PlansModule,
        RetentionModule,
      ],
    };
  }
}
