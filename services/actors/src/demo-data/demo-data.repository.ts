import { Injectable } from '@nestjs/common';
import { toDateColumn } from '@samverkan/platform';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';
import type { CompetenceRecord } from '../directory/records';
import type { DemoOrganisation } from './demo-directory';

/** Arbitrary but fixed: serialises seeding when several replicas start at once. */
const seedLock = 4711_2014;

/** Ids of what is already there, per kind: the seeder adds only the rest. */
export interface ExistingIds {
  competences: Set<string>;
  organisations: Set<string>;
  units: Set<string>;
  staff: Set<string>;
  supportResources: Set<string>;
  workplaces: Set<string>;
}

@Injectable()
export class DemoDataRepository {
  constructor(@InjectActorsTransactionHost() private readonly txHost: ActorsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async lockForSeeding(): Promise<void> {
    await this.db.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', seedLock);
  }

  async existingIds(organisations: DemoOrganisation[], competences: CompetenceRecord[]): Promise<ExistingIds> {
    const ids = <T extends { id: string }>(rows: T[]) => new Set(rows.map((row) => row.id));
    const units = organisations.flatMap((org) => org.units);
    const [competenceRows, organisationRows, unitRows, staffRows, resourceRows, workplaceRows] = await Promise.all([
      this.db.competence.findMany({ where: { code: { in: competences.map((competence) => competence.code) } }, select: { code: true } }),
      this.db.organisation.findMany({ where: { id: { in: organisations.map((org) => org.id) } }, select: { id: true } }),
      this.db.unit.findMany({ where: { id: { in: units.map((unit) => unit.id) } }, select: { id: true } }),
      this.db.staffMember.findMany({ where: { id: { in: units.flatMap((unit) => unit.staff.map((member) => member.id)) } }, select: { id: true } }),
      this.db.supportResource.findMany({
        where: { id: { in: organisations.flatMap((org) => org.supportResources.map((resource) => resource.id)) } },
        select: { id: true },
      }),
      this.db.workplace.findMany({
        where: { id: { in: organisations.flatMap((org) => org.workplaces.map((workplace) => workplace.id)) } },
        select: { id: true },
      }),
    ]);
    return {
      competences: new Set(competenceRows.map((row) => row.code)),
      organisations: ids(organisationRows),
      units: ids(unitRows),
      staff: ids(staffRows),
      supportResources: ids(resourceRows),
      workplaces: ids(workplaceRows),
    };
  }

  async insertCompetences(competences: CompetenceRecord[]): Promise<void> {
    if (competences.length > 0) await this.db.competence.createMany({ data: competences, skipDuplicates: true });
  }

  async insertOrganisations(organisations: DemoOrganisation[]): Promise<void> {
    if (organisations.length === 0) return;
    await this.db.organisation.createMany({
      data: organisations.map(({ id, name, type, organisationNumber, municipalityCodes, description, website, inNetwork }) => ({
        id,
        name,
        type,
        organisationNumber,
        municipalityCodes,
        description,
        website,
        inNetwork,
      })),
      skipDuplicates: true,
    });
  }

  /** An organisation seeded before the directory kept organisation numbers gets its number; nothing else of it changes. */
  async fillInOrganisationNumber(id: string, organisationNumber: string): Promise<boolean> {
    const { count } = await this.db.organisation.updateMany({
      where: { id, organisationNumber: null },
      data: { organisationNumber, version: { increment: 1 }, updatedAt: new Date() },
    });
    return count > 0;
  }

  async insertUnits(units: Array<DemoOrganisation['units'][number] & { organisationId: string }>): Promise<void> {
    if (units.length === 0) return;
    await this.db.unit.createMany({
      data: units.map(({ id, organisationId, name, municipalityCode, email, phone, address }) => ({
        id,
        organisationId,
        name,
        municipalityCode,
        email,
        phone,
        street: address?.street ?? null,
        postalCode: address?.postalCode ?? null,
        city: address?.city ?? null,
      })),
      skipDuplicates: true,
    });
  }

  async insertStaff(staff: Array<DemoOrganisation['units'][number]['staff'][number] & { organisationId: string; unitId: string }>): Promise<void> {
    if (staff.length > 0) await this.db.staffMember.createMany({ data: staff, skipDuplicates: true });
  }

  async insertSupportResources(resources: Array<DemoOrganisation['supportResources'][number] & { organisationId: string }>): Promise<void> {
    if (resources.length === 0) return;
    await this.db.supportResource.createMany({
      data: resources.map(({ ageRange, capacity, activeFrom, activeUntil, ...resource }) => ({
        ...resource,
        ageMin: ageRange.min,
        ageMax: ageRange.max,
        places: capacity.places,
        taken: capacity.taken,
        expectedWaitDays: capacity.expectedWaitDays,
        activeFrom: toDateColumn(activeFrom),
        activeUntil: activeUntil ? toDateColumn(activeUntil) : null,
      })),
      skipDuplicates: true,
    });
  }

  async insertWorkplaces(workplaces: Array<DemoOrganisation['workplaces'][number] & { organisationId: string }>): Promise<void> {
    if (workplaces.length === 0) return;
    await this.db.workplace.createMany({
      data: workplaces.map(({ address, ...workplace }) => ({
        ...workplace,
        street: address?.street ?? null,
        postalCode: address?.postalCode ?? null,
        city: address?.city ?? null,
      })),
      skipDuplicates: true,
    });
  }
}
