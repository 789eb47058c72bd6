import { Injectable } from '@nestjs/common';
import type { MunicipalityCode, SupportNeed } from '@samverkan/contracts';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';

export interface NeedCount {
  municipalityCode: MunicipalityCode;
  need: SupportNeed;
  cases: number;
}

@Injectable()
export class CompetenceMapRepository {
  constructor(@InjectActorsTransactionHost() private readonly txHost: ActorsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** Records a case's needs once; a redelivered or republished event changes nothing. */
  async recordCaseNeeds(caseId: string, municipalityCode: MunicipalityCode, needs: SupportNeed[]): Promise<void> {
    await this.db.caseNeeds.createMany({ data: [{ caseId, municipalityCode, needs }], skipDuplicates: true });
  }

  /** The case no longer counts; recorded even before its opening event arrives. */
  async recordCaseClosed(caseId: string, municipalityCode: MunicipalityCode): Promise<void> {
    await this.db.caseNeeds.upsert({
      where: { caseId },
      create: { caseId, municipalityCode, needs: [], closed: true },
      update: { closed: true, updatedAt: new Date() },
    });
  }

  /** Open cases per municipality and need. */
  async needCounts(municipalityCode?: MunicipalityCode): Promise<NeedCount[]> {
    const rows = await this.db.$queryRaw<Array<{ municipality_code: string; need: string; cases: number }>>`
      SELECT municipality_code, need, count(*)::int AS cases
        FROM case_needs, unnest(needs) AS need
       WHERE NOT closed AND (${municipalityCode ?? null}::text IS NULL OR municipality_code = ${municipalityCode ?? null}::text)
       GROUP BY municipality_code, need`;
    return rows.map((row) => ({ municipalityCode: row.municipality_code as MunicipalityCode, need: row.need as SupportNeed, cases: row.cases }));
  }

  /**
   * Active staff holding a competence for each need, per municipality (key `<code>:<need>`). A
   * staff member works in their unit's municipality, or, in a county-wide unit, in every
   * municipality their organisation serves; holding two competences for one need counts once.
   */
  async competentStaffByNeed(
    filter: { municipalityCode?: MunicipalityCode; organisationId?: string },
    competencesByNeed: Map<SupportNeed, string[]>,
  ): Promise<Map<string, number>> {
    const municipality = filter.municipalityCode ?? null;
    const organisation = filter.organisationId ?? null;
    const pairs = [...competencesByNeed].flatMap(([need, codes]) => codes.map((code) => [need, code] as const));
    if (pairs.length === 0) return new Map();
    const rows = await this.db.$queryRaw<Array<{ municipality_code: string; need: string; staff: number }>>`
      SELECT place.code AS municipality_code, link.need, count(DISTINCT s.id)::int AS staff
        FROM staff_members s
        JOIN units u ON u.id = s.unit_id
        JOIN organisations o ON o.id = s.organisation_id
        CROSS JOIN LATERAL unnest(CASE WHEN u.municipality_code IS NULL THEN o.municipality_codes ELSE ARRAY[u.municipality_code] END) AS place(code)
        JOIN unnest(${pairs.map(([need]) => need)}::text[], ${pairs.map(([, code]) => code)}::text[]) AS link(need, competence)
          ON link.competence = ANY(s.competences)
       WHERE s.active AND u.active AND o.active
         AND (${municipality}::text IS NULL OR place.code = ${municipality}::text)
         AND (${organisation}::uuid IS NULL OR s.organisation_id = ${organisation}::uuid)
       GROUP BY place.code, link.need`;
    return new Map(rows.map((row) => [`${row.municipality_code}:${row.need}`, row.staff]));
  }
}
