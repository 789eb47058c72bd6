import { Injectable } from '@nestjs/common';
import {
  CaseStatus,
  type CaseOpenedData,
  type CaseStatusChangedData,
  type CompetenceMapRowView,
  type CompetenceMapView,
  type GetCompetenceMapQuery,
  type MunicipalityCode,
  type SupportNeed,
} from '@samverkan/contracts';
import { CompetencesRepository } from '../competences/competences.repository';
import { CompetenceMapRepository } from './competence-map.repository';

/** A need counts as frequent from this many open cases in a municipality. */
export const minimumCases = 3;
/** Above this many cases per competent staff member, the competence is short. */
export const casesPerStaffThreshold = 5;

/** Largest gap first: no one competent, then the most cases per competent person, then the most cases. */
function byGap(a: CompetenceMapRowView, b: CompetenceMapRowView): number {
  const ratio = (row: CompetenceMapRowView) => row.casesPerCompetentStaff ?? Number.POSITIVE_INFINITY;
  return ratio(b) - ratio(a) || b.cases - a.cases || a.municipalityCode.localeCompare(b.municipalityCode) || a.need.localeCompare(b.need);
}

@Injectable()
export class CompetenceMapService {
  constructor(
    private readonly map: CompetenceMapRepository,
    private readonly competences: CompetencesRepository,
  ) {}

  /** From a case-opened event: the case's municipality and needs, counts only, nothing about the person. */
  async recordCaseNeeds(event: CaseOpenedData): Promise<void> {
    await this.map.recordCaseNeeds(event.caseId, event.municipalityCode, event.supportNeeds ?? []);
  }

  /** From a case-status-changed event: a closed case stops counting. */
  async recordStatusChange(event: CaseStatusChangedData): Promise<void> {
    if (event.status === CaseStatus.Closed) await this.map.recordCaseClosed(event.caseId, event.municipalityCode);
  }

  /** Needs recorded in open cases set against the staff who hold a competence addressing them. */
  async get(query: GetCompetenceMapQuery): Promise<CompetenceMapView> {
    const catalogue = await this.competences.findAll();
    const competencesByNeed = new Map<SupportNeed, string[]>();
    for (const competence of catalogue) {
      for (const need of competence.addressesNeeds) competencesByNeed.set(need, [...(competencesByNeed.get(need) ?? []), competence.code]);
    }
    const [needCounts, staffByNeed] = await Promise.all([
      this.map.needCounts(query.municipalityCode),
      this.map.competentStaffByNeed({ municipalityCode: query.municipalityCode, organisationId: query.organisationId }, competencesByNeed),
    ]);
    const cases = new Map(needCounts.map((count) => [`${count.municipalityCode}:${count.need}`, count.cases]));
    const keys = new Set([...cases.keys(), ...staffByNeed.keys()]);
    const rows = [...keys]
      .map((key): CompetenceMapRowView => {
        const [municipalityCode, need] = key.split(':') as [MunicipalityCode, SupportNeed];
        const caseCount = cases.get(key) ?? 0;
        const competentStaff = staffByNeed.get(key) ?? 0;
        return {
          municipalityCode,
          need,
          cases: caseCount,
          competentStaff,
          competences: competencesByNeed.get(need) ?? [],
          casesPerCompetentStaff: competentStaff > 0 ? Math.round((caseCount / competentStaff) * 100) / 100 : null,
        };
      })
      .sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode) || a.need.localeCompare(b.need));
    const developmentNeeds = rows
      .filter((row) => row.cases >= minimumCases && (row.casesPerCompetentStaff === null || row.casesPerCompetentStaff > casesPerStaffThreshold))
      .sort(byGap);
    return { rows, developmentNeeds, minimumCases };
  }
}
