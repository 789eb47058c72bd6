import { Injectable } from '@nestjs/common';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';
import type { DemoOrganisation } from './orebro-lan';

/** Arbitrary but fixed: serialises seeding when several replicas start at once. */
const seedLock = 4711_2014;

@Injectable()
export class DemoDataRepository {
  constructor(@InjectActorsTransactionHost() private readonly txHost: ActorsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async lockForSeeding(): Promise<void> {
    await this.db.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', seedLock);
  }

  async existingOrganisationIds(ids: string[]): Promise<Set<string>> {
    const rows = await this.db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  }

  async insert(organisations: DemoOrganisation[]): Promise<void> {
    await this.db.organisation.createMany({
      data: organisations.map(({ id, name, type, municipalityCode }) => ({ id, name, type, municipalityCode })),
      skipDuplicates: true,
    });
    await this.db.unit.createMany({
      data: organisations.flatMap((org) =>
        org.units.map((unit) => ({ id: unit.id, organisationId: org.id, name: unit.name, municipalityCode: org.municipalityCode })),
      ),
      skipDuplicates: true,
    });
    await this.db.staffMember.createMany({
      data: organisations.flatMap((org) =>
        org.units.flatMap((unit) =>
          unit.staff.map((member) => ({ id: member.id, organisationId: org.id, unitId: unit.id, displayName: member.displayName, roles: member.roles })),
        ),
      ),
      skipDuplicates: true,
    });
    await this.db.supportResource.createMany({
      data: organisations.flatMap((org) => org.supportResources.map((resource) => ({ ...resource, organisationId: org.id }))),
      skipDuplicates: true,
    });
  }
}
