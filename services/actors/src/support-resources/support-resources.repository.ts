import { Injectable } from '@nestjs/common';
import { EligibilityRule, MatchReason, type AccessibilityFeature, type MunicipalityCode, type SupportNeed, type TargetGroup } from '@samverkan/contracts';
import { fromDateColumn, toDateColumn, type Cursor } from '@samverkan/platform';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';
import type { Capacity, SupportResourceRecord } from '../directory/records';
import { Prisma, type SupportResource } from '../generated/prisma/client';
import { matchScoring, swedish, unique, type PersonProfile } from './matching';

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
    activeFrom: fromDateColumn(row.activeFrom),
    activeUntil: row.activeUntil ? fromDateColumn(row.activeUntil) : null,
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
    ...(activeFrom === undefined ? {} : { activeFrom: toDateColumn(activeFrom) }),
    ...(activeUntil === undefined ? {} : { activeUntil: activeUntil === null ? null : toDateColumn(activeUntil) }),
  };
}

/** A profile's lists as the SQL of matching takes them: each value once, the rules the person meets with residence (checked apart). */
function profileParameters(profile: PersonProfile) {
  return {
    targetGroups: unique(profile.targetGroups),
    supportNeeds: unique(profile.supportNeeds),
    accessibilityNeeds: unique(profile.accessibilityNeeds),
    otherLanguages: unique(profile.languages).filter((language) => language !== swedish),
    meets: unique(profile.meets),
    rulesMet: unique([...profile.meets, EligibilityRule.ResidentInMunicipality]),
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
   * The best-fitting resources, at least `limit` of them and every one tied with the last on score
   * and wait, so that the matching engine (the judge of eligibility and order) ranks exactly what it
   * would rank from the whole directory. SQL applies the same rules and the same score, with the
   * engine's weights, so a match reads a page of rows instead of every resource that could fit;
   * `support-resources.repository.spec.ts` holds the two to the same answers.
   */
  async bestCandidates(profile: PersonProfile, on: string, limit: number): Promise<SupportResourceRecord[]> {
    const { weights, shortWaitDays, perExtraFortnight, longestWaitPenalty } = matchScoring;
    const p = profileParameters(profile);
    const rows = await this.db.$queryRaw<SupportResource[]>`
      SELECT ${resourceColumns} FROM support_resources
       WHERE active AND active_from <= ${on}::date AND (active_until IS NULL OR active_until >= ${on}::date)
         AND age_min <= ${profile.age} AND age_max >= ${profile.age}
         AND target_groups && ${p.targetGroups}::text[]
         AND (municipality_codes @> ARRAY[${profile.municipalityCode}]::text[] OR NOT (${EligibilityRule.ResidentInMunicipality} = ANY(eligibility)))
         AND eligibility <@ ${p.rulesMet}::text[]
         AND accessibility @> ${p.accessibilityNeeds}::text[]
       ORDER BY
         ${weights[MatchReason.SupportNeed]}::float8 * (SELECT count(DISTINCT need) FROM unnest(${p.supportNeeds}::text[]) need WHERE need = ANY(addresses_needs))
         + ${weights[MatchReason.TargetGroup]}::float8 * (SELECT count(DISTINCT grp) FROM unnest(${p.targetGroups}::text[]) grp WHERE grp = ANY(target_groups))
         + CASE WHEN cardinality(${p.accessibilityNeeds}::text[]) > 0 THEN ${weights[MatchReason.Accessibility]}::float8 ELSE 0 END
         + CASE WHEN languages && ${p.otherLanguages}::text[] THEN ${weights[MatchReason.Language]}::float8 ELSE 0 END
         + CASE WHEN places > taken THEN ${weights[MatchReason.FreePlaces]}::float8 ELSE 0 END
         + CASE WHEN expected_wait_days <= ${shortWaitDays} THEN ${weights[MatchReason.ShortWait]}::float8 ELSE 0 END
         + CASE WHEN municipality_codes @> ARRAY[${profile.municipalityCode}]::text[] THEN ${weights[MatchReason.InOwnMunicipality]}::float8 ELSE 0 END
         - LEAST(${longestWaitPenalty}::float8, GREATEST(0, CEIL((expected_wait_days - ${shortWaitDays})::float8 / 14)) * ${perExtraFortnight}::float8) DESC,
         expected_wait_days
       FETCH FIRST ${limit} ROWS WITH TIES`;
    return rows.map(toRecord);
  }

  /**
   * The resources serving the person's municipality that do not fit, fewest broken rules first:
   * at least `limit` and every one tied with the last, for the engine to explain and order. The
   * count of broken rules is the engine's, one per rule.
   */
  async nearestMisses(profile: PersonProfile, on: string, limit: number): Promise<SupportResourceRecord[]> {
    const p = profileParameters(profile);
    const rows = await this.db.$queryRaw<SupportResource[]>`
      SELECT * FROM (
        SELECT ${resourceColumns},
               (NOT active)::int
               + (active_from > ${on}::date OR (active_until IS NOT NULL AND active_until < ${on}::date))::int
               + (age_min > ${profile.age} OR age_max < ${profile.age})::int
               + (NOT target_groups && ${p.targetGroups}::text[])::int
               + (SELECT count(DISTINCT rule)::int FROM unnest(eligibility) rule
                   WHERE CASE WHEN rule = ${EligibilityRule.ResidentInMunicipality} THEN NOT municipality_codes @> ARRAY[${profile.municipalityCode}]::text[]
                              ELSE NOT rule = ANY(${p.meets}::text[]) END)
               + (NOT accessibility @> ${p.accessibilityNeeds}::text[])::int AS broken
          FROM support_resources
         WHERE municipality_codes @> ARRAY[${profile.municipalityCode}]::text[]) serving
       WHERE broken > 0
       ORDER BY broken
       FETCH FIRST ${limit} ROWS WITH TIES`;
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
