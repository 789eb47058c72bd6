import { PrismaPg } from '@prisma/adapter-pg';
import { AccessibilityFeature, EligibilityRule, municipalityCodes, SupportNeed, TargetGroup, type Gender, type MunicipalityCode } from '@samverkan/contracts';
import { runMigrations } from '@samverkan/platform';
import { createTestDatabase, dropTestDatabase, query } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { migrationsDirectory } from '../app';
import type { ActorsTransactionHost } from '../database';
import type { SupportResourceRecord } from '../directory/records';
import { PrismaClient } from '../generated/prisma/client';
import { rankMatches, type PersonProfile } from './matching';
import { SupportResourcesRepository } from './support-resources.repository';

/** A small deterministic generator: the same directory and profiles on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const some = <T>(values: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(values)))];
  return { next, pick, some };
}

/*
 * SQL reads only the best candidates of a match (and their ties), where the matching engine would
 * rank the whole directory. These tests hold the two to the same answer on a directory made to
 * tie: few names, few waits, few capacities, so that the cut at `limit` falls inside ties.
 */
describe('matching in SQL and in the engine', () => {
  let databaseUrl: string;
  let client: PrismaClient;
  let repository: SupportResourcesRepository;
  let directory: SupportResourceRecord[];
  const random = seeded(20261129);
  const days = ['2025-06-01', '2026-01-15', '2026-11-29'];
  const municipalities = municipalityCodes.slice(0, 4) as MunicipalityCode[];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('matching');
    await runMigrations(databaseUrl, migrationsDirectory, 'actors');
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
    repository = new SupportResourcesRepository({ tx: client } as unknown as ActorsTransactionHost);

    const organisationId = randomUUID();
    const unitId = randomUUID();
    await query(
      databaseUrl,
      `INSERT INTO organisations (id, name, type, organisation_number, municipality_codes) VALUES ($1, 'Kommunen', 'municipality', '212000-1355', $2)`,
      [organisationId, municipalities],
    );
    await query(databaseUrl, `INSERT INTO units (id, organisation_id, name) VALUES ($1, $2, 'Enheten')`, [unitId, organisationId]);
    for (let index = 0; index < 300; index++) {
      const from = random.pick(['2025-01-01', '2026-01-01', '2026-06-01']);
      await repository.create({
        id: randomUUID(),
        organisationId,
        unitId,
        name: random.pick(['Arbetsträning', 'Coachning', 'Studiestöd', 'Språkcafé']),
        description: null,
        targetGroups: [random.pick(Object.values(TargetGroup)), ...random.some(Object.values(TargetGroup), 2)].filter((g, i, all) => all.indexOf(g) === i),
        ageRange: random.pick([
          { min: 16, max: 20 },
          { min: 16, max: 29 },
          { min: 18, max: 64 },
        ]),
        municipalityCodes: random.next() < 0.7 ? [random.pick(municipalities)] : [...municipalities],
        eligibility: random.some(Object.values(EligibilityRule), 2),
        accessibility: random.some(Object.values(AccessibilityFeature), 3),
        addressesNeeds: random.some(Object.values(SupportNeed), 3),
        languages: random.some(['ar', 'so', 'sv'], 2),
        capacity: { places: random.pick([0, 5, 10]), taken: random.pick([0, 5, 12]), expectedWaitDays: random.pick([0, 14, 15, 28, 29, 90]) },
        activeFrom: from,
        activeUntil: from < '2026-03-31' && random.next() < 0.3 ? '2026-03-31' : null,
      });
    }
    // Some resources are switched off, which only the excluded list shows.
    await query(databaseUrl, `UPDATE support_resources SET active = false WHERE id IN (SELECT id FROM support_resources ORDER BY id LIMIT 20)`);
    directory = await repository.findAll();
  });

  afterAll(async () => {
    await client?.$disconnect();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  const profiles = Array.from({ length: 60 }, (): { profile: PersonProfile; on: string; limit: number } => ({
    profile: {
      age: random.pick([16, 19, 25, 40, 70]),
      gender: random.pick(['female', 'male'] as Gender[]),
      municipalityCode: random.pick(municipalities),
      targetGroups: [random.pick(Object.values(TargetGroup))],
      supportNeeds: random.some(Object.values(SupportNeed), 3),
      accessibilityNeeds: random.some(Object.values(AccessibilityFeature), 1),
      languages: random.some(['ar', 'so', 'sv', 'en'], 2),
      meets: random.some(Object.values(EligibilityRule), 3),
    },
    on: random.pick(days),
    limit: random.pick([1, 3, 5, 20]),
  }));

  const summary = (ranked: ReturnType<typeof rankMatches>) => ({
    matches: ranked.matches.map(({ resource, score, reasons }) => ({ id: resource.id, score, reasons })),
    excluded: ranked.excluded.map(({ resource, excludedBy }) => ({ id: resource.id, excludedBy })),
  });

  it('ranks the same resources first, with the same scores and reasons, as the engine over the whole directory', async () => {
    let compared = 0;
    for (const { profile, on, limit } of profiles) {
      const whole = summary(rankMatches(directory, profile, on, limit)).matches;
      const fromSql = summary(rankMatches(await repository.bestCandidates(profile, on, limit), profile, on, limit));
      expect({ profile, on, limit, matches: fromSql.matches }).toEqual({ profile, on, limit, matches: whole });
      expect(fromSql.excluded).toEqual([]); // SQL let through nothing the engine refuses
      compared += whole.length;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('lists the same nearest misses in the person’s municipality, with the same rules broken', async () => {
    let compared = 0;
    for (const { profile, on, limit } of profiles) {
      const serving = directory.filter((resource) => resource.municipalityCodes.includes(profile.municipalityCode));
      const whole = summary(rankMatches(serving, profile, on, limit)).excluded;
      const fromSql = summary(rankMatches(await repository.nearestMisses(profile, on, limit), profile, on, limit));
      expect({ profile, on, limit, excluded: fromSql.excluded }).toEqual({ profile, on, limit, excluded: whole });
      expect(fromSql.matches).toEqual([]);
      compared += whole.length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
