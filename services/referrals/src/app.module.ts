import { Module, type DynamicModule } from '@nestjs/common';
import { consumers, ServiceFoundationModule } from '@samverkan/messaging';
import { ServiceConfigModule } from '@samverkan/platform';
import type { ReferralsConfig } from './config';
import { REFERRALS_CONFIG } from './config.token';
import { referralsDatabase } from './database';
import { NotificationsModule } from './notifications/notifications.module';
import { ReferralsModule } from './referrals/referrals.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static register(config: ReferralsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceConfigModule.register(REFERRALS_CONFIG, config),
        ServiceFoundationModule.forRoot({
          config,
          database: referralsDatabase,
          consumers: [consumers.referralsConsentEnded.durable, consumers.referralsNotifications.durable],
        }),
        ReferralsModule,
        WebhooksModule,
        NotificationsModule,
      ],
    };
  }
}
