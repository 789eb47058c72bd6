import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EventType } from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { ClsService } from 'nestjs-cls';
import type { ActorsConfig } from '../config';
import { ACTORS_CONFIG } from '../config.token';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';
import { DemoDataRepository } from './demo-data.repository';
import { demoOrganisations } from './orebro-lan';

/** Seeds the demo directory when configured to; only organisations not there yet are added. */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataSeeder.name);

  constructor(
    @Inject(ACTORS_CONFIG) private readonly config: ActorsConfig,
    private readonly repository: DemoDataRepository,
    private readonly outbox: Outbox,
    @InjectActorsTransactionHost() private readonly txHost: ActorsTransactionHost,
    private readonly cls: ClsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    const added = await this.seed();
    this.logger.log({ added }, added > 0 ? 'seeded the Örebro län demo directory' : 'demo directory already present');
  }

  seed(): Promise<number> {
    return this.cls.run(() =>
      this.txHost.withTransaction(async () => {
        await this.repository.lockForSeeding();
        const existing = await this.repository.existingOrganisationIds(demoOrganisations.map((org) => org.id));
        const missing = demoOrganisations.filter((org) => !existing.has(org.id));
        if (missing.length === 0) return 0;
        await this.repository.insert(missing);
        for (const org of missing) {
          await this.outbox.add(
            EventType.OrganisationCreated,
            { type: 'organisation', id: org.id },
            { organisationId: org.id, type: org.type, municipalityCode: org.municipalityCode },
          );
        }
        return missing.length;
      }),
    );
  }
}
