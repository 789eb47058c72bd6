import { Injectable } from '@nestjs/common';
import type { AccessibilityFeature, EligibilityRule, MunicipalityCode, SupportNeed, TargetGroup } from '@samverkan/contracts';
import type { Cursor } from '@samverkan/platform';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';
import type { Capacity, SupportResourceRecord } from '../directory/records';
import { Prisma, type SupportResource } from '../generated/prisma/client';

export interface SupportResourceFilter {
  organisationId?: string;
  targetGroup?: TargetGroup;
  municipalityCode?: MunicipalityCode;
  need?: SupportNeed;
  accessibility?: AccessibilityFeature;
  active?: boolean;
  after?: Cursor;
  take: number;
}

export type NewSupportResource = Omit<SupportResourceRecord, 'active' | 'version' | 'updatedAt'>;
export type SupportResourceChanges = Partial<Omit<SupportResourceRecord, 'id' | 'organisationId' | 'unitId' | 'capacity' | 'version' | 'updatedAt'>>;

/** What a profile fixes before the rules run: the day, the age, the groups, the municipality. */
export interface CandidateFilter {
  on: string;
  age: number;
  targetGroups: TargetGroup[];
  municipalityCode: MunicipalityCode;
}

// Raw queries may hand a date column over as text; model queries as a Date at midnight UTC.
const calendarDate = (date: Date | string): string => (typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10));
const dateColumn = (date: string): Date => new Date(`${date}T00:00:00Z`);

function toRecord(row: SupportResource): SupportResourceRecord {
  return {
    id: row.id,
    organisationId: row.organisationId,
    unitId: row.unitId,
    name: row.name,
    description: row.description,
    targetGroups: row.targetGroups as TargetGroup[],
    ageRange: { min: row.ageMin, max: row.ageMax },
    municipalityCodes: row.municipalityCodes as MunicipalityCode[],
    eligibility: row.eligibility as EligibilityRule[],
    accessibility: row.accessibility as AccessibilityFeature[],
    addressesNeeds: row.addressesNeeds as SupportNeed[],
    languages: row.languages,
    capacity: { places: row.places, taken: row.taken, expectedWaitDays: row.expectedWaitDays },
    activeFrom: calendarDate(row.activeFrom),
    activeUntil: row.activeUntil ? calendarDate(row.activeUntil) : null,
    active: row.active,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

function columns(resource: Partial<SupportResourceRecord>) {
  const { ageRange, capacity, activeFrom, activeUntil, ...rest } = resource;
  return {
    ...rest,
    ...(ageRange ? { ageMin: ageRange.min, ageMax: ageRange.max } : {}),
    ...(capacity ? { places: capacity.places, taken: capacity.taken, expectedWaitDays: capacity.expectedWaitDays } : {}),
    ...(activeFrom === undefined ? {} : { activeFrom: dateColumn(activeFrom) }),
    ...(activeUntil === undefined ? {} : { activeUntil: activeUntil === null ? null : dateColumn(activeUntil) }),
  };
}

/** The columns of a support resource under Prisma's field names, so raw SQL maps like a model query. */
const resourceColumns = Prisma.raw(
  `id, organisation_id AS "organisationId", unit_id AS "unitId", name, description, target_groups AS "targetGroups",
   age_min AS "ageMin", age_max AS "ageMax", municipality_codes AS "municipalityCodes", eligibility, accessibility,
   addresses_needs AS "addressesNeeds", languages, places, taken, expected_wait_days AS "expectedWaitDays",
   active_from AS "activeFrom", active_until AS "activeUntil", active, version, created_at AS "createdAt", updated_at AS "updatedAt"`,
);

@Injectable()
export class SupportResourcesRepository {
  constructor(@InjectActorsTransactionHost() private readonly txHost: ActorsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async findById(id: string): Promise<SupportResourceRecord | null> {
    const row = await this.db.supportResource.findUnique({ where: { id } });
    return row ? toRecord(row) : null;
  }

  async findAll(): Promise<SupportResourceRecord[]> {
    return (await this.db.supportResource.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] })).map(toRecord);
  }

  /** Sorted by name, then id (keyset pagination). */
  async list(filter: SupportResourceFilter): Promise<SupportResourceRecord[]> {
    const rows = await this.db.supportResource.findMany({
      where: {
        ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
        ...(filter.targetGroup ? { targetGroups: { has: filter.targetGroup } } : {}),
        ...(filter.municipalityCode ? { municipalityCodes: { has: filter.municipalityCode } } : {}),
        ...(filter.need ? { addressesNeeds: { has: filter.need } } : {}),
        ...(filter.accessibility ? { accessibility: { has: filter.accessibility } } : {}),
        ...(filter.active === undefined ? {} : { active: filter.active }),
        ...(filter.after ? { OR: [{ name: { gt: filter.after.key } }, { name: filter.after.key, id: { gt: filter.after.id } }] } : {}),
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: filter.take,
    });
    return rows.map(toRecord);
  }

  /**
   * The resources that can fit a profile before the finer rules run: running on the day, for the
   * person's age and one of their target groups, and either serving their municipality or open
   * to residents of others. The indexes on target groups and municipalities narrow it in SQL.
   */
  async matchCandidates(filter: CandidateFilter): Promise<SupportResourceRecord[]> {
    const rows = await this.db.$queryRaw<SupportResource[]>`
      SELECT ${resourceColumns} FROM support_resources
       WHERE active AND active_from <= ${filter.on}::date AND (active_until IS NULL OR active_until >= ${filter.on}::date)
         AND age_min <= ${filter.age} AND age_max >= ${filter.age}
         AND target_groups && ${filter.targetGroups}::text[]
         AND (municipality_codes @> ARRAY[${filter.municipalityCode}]::text[] OR NOT ('resident_in_municipality' = ANY(eligibility)))`;
    return rows.map(toRecord);
  }

  /** Every resource serving a municipality, running or not: what the excluded list explains. */
  async servingMunicipality(municipalityCode: MunicipalityCode): Promise<SupportResourceRecord[]> {
    const rows = await this.db.supportResource.findMany({ where: { municipalityCodes: { has: municipalityCode } } });
    return rows.map(toRecord);
  }

  async create(resource: NewSupportResource): Promise<SupportResourceRecord> {
    return toRecord(await this.db.supportResource.create({ data: columns(resource) as Prisma.SupportResourceUncheckedCreateInput }));
  }

  async update(id: string, changes: SupportResourceChanges): Promise<SupportResourceRecord | null> {
    const updated = await this.db.supportResource.updateManyAndReturn({
      where: { id },
      data: { ...columns(changes), version: { increment: 1 }, updatedAt: new Date() },
    });
    return updated[0] ? toRecord(updated[0]) : null;
  }

  async updateCapacity(id: string, capacity: Capacity): Promise<SupportResourceRecord | null> {
    const updated = await this.db.supportResource.updateManyAndReturn({
      where: { id },
      data: { ...columns({ capacity }), version: { increment: 1 }, updatedAt: new Date() },
    });
    return updated[0] ? toRecord(updated[0]) : null;
  }
}
