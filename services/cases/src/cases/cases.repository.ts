import { Injectable } from '@nestjs/common';
import type {
  CaseOutcome,
  CaseStatus,
  CaseTeamRole,
  ConsentPurpose,
  Gender,
  LegalBasis,
  MunicipalityCode,
  SupportNeed,
  TargetGroup,
  DisclosureBasis,
} from '@samverkan/contracts';
import { disclosureBases } from '@samverkan/contracts';
import type { Cursor } from '@samverkan/platform';
import type { TeamMember } from '../access/access-policy';
import { InjectCasesTransactionHost, type CasesTransactionHost } from '../database';
import { Prisma, type Case, type CaseTeamMember } from '../generated/prisma/client';

export interface CaseRecord {
  id: string;
  /** Null only once retention deleted the person; such cases are never handed to a handler. */
  personId: string | null;
  ownerOrganisationId: string;
  ownerUnitId: string;
  municipalityCode: MunicipalityCode;
  targetGroup: TargetGroup;
  gender: Gender;
  supportNeeds: SupportNeed[];
  status: CaseStatus;
  outcome: CaseOutcome | null;
  leadStaffId: string;
  openedBy: string;
  openedAt: Date;
  version: number;
}

export interface CaseFilter {
  /** Cases with this unit on the team. */
  unitId: string;
  /** Only the cases this staff member leads. */
  leadStaffId?: string;
  status?: CaseStatus;
  targetGroup?: TargetGroup;
  municipalityCode?: MunicipalityCode;
  /** Newest first: continue after this (opened at, id). */
  after?: Cursor;
  take: number;
}

export interface TimelineEntry {
  id: string;
  caseId: string;
  at: Date;
  kind: string;
  staffId: string;
  unitId: string;
  details: Record<string, string | null>;
}

export function toCaseRecord(row: Case): CaseRecord {
  return {
    id: row.id,
    personId: row.personId,
    ownerOrganisationId: row.ownerOrganisationId,
    ownerUnitId: row.ownerUnitId,
    municipalityCode: row.municipalityCode as MunicipalityCode,
    targetGroup: row.targetGroup as TargetGroup,
    gender: row.gender as Gender,
    supportNeeds: row.supportNeeds as SupportNeed[],
    status: row.status as CaseStatus,
    outcome: row.outcome as CaseOutcome | null,
    leadStaffId: row.leadStaffId,
    openedBy: row.openedBy,
    openedAt: row.openedAt,
    version: row.version,
  };
}

export interface CaseWithTeam {
  case: CaseRecord;
  team: TeamMember[];
  protectedIdentity: boolean;
}

export interface ConsentQuestion {
  purpose: ConsentPurpose;
  /** The receiving organisation, and the unit when the share goes to one. */
  organisationId: string;
  unitId?: string;
  /** Only this consent may cover the share. */
  consentId?: string;
  /** Only the receiver's place on the team on this ground may cover it (instead of a consent). */
  legalBasis?: DisclosureBasis;
  /** The staff member asking: named among the consent's receivers, they may ask about it. */
  asker: { organisationId: string; unitId: string };
}

export interface ConsentAnswer {
  coveringConsentId: string | null;
  /** The ground in law on which the receiving organisation (or unit) is on the case team, if it is on one. */
  teamBasis: DisclosureBasis | null;
  askerNamed: boolean;
}

type CaseWithTeamRow = Case & { protectedIdentity: boolean; team: Array<CaseTeamMember & { covered: boolean }> };

/**
 * The case's columns with its team, each unit on consent with whether a consent for coordination
 * names it today, and whether the person has protected identity: what every access decision reads.
 */
function caseWithTeamColumns(today: string): Prisma.Sql {
  return Prisma.sql`
    c.id, c.person_id AS "personId", c.owner_organisation_id AS "ownerOrganisationId", c.owner_unit_id AS "ownerUnitId",
    c.municipality_code AS "municipalityCode", c.target_group AS "targetGroup", c.gender, c.support_needs AS "supportNeeds",
    c.status, c.outcome, c.lead_staff_id AS "leadStaffId", c.opened_by AS "openedBy", c.opened_at AS "openedAt", c.version,
    COALESCE((SELECT p.protected_identity FROM persons p WHERE p.id = c.person_id), false) AS "protectedIdentity",
    COALESCE((SELECT json_agg(json_build_object(
                        'unitId', t.unit_id, 'organisationId', t.organisation_id, 'role', t.role, 'legalBasis', t.legal_basis,
                        'covered', t.legal_basis = 'consent' AND EXISTS (
                          SELECT 1 FROM consents k JOIN consent_receivers r ON r.consent_id = k.id
                           WHERE k.case_id = c.id AND k.purpose = 'coordination' AND k.withdrawn_at IS NULL AND k.expires_on >= ${today}::date
                             AND r.organisation_id = t.organisation_id AND (r.unit_id IS NULL OR r.unit_id = t.unit_id)))
                      ORDER BY t.added_at, t.unit_id)
                FROM case_team t WHERE t.case_id = c.id), '[]'::json) AS team`;
}

function toCaseWithTeam(row: CaseWithTeamRow): CaseWithTeam {
  return {
    case: toCaseRecord(row),
    team: row.team.map((member) => ({ ...toTeamMember(member), covered: member.covered })),
    protectedIdentity: row.protectedIdentity,
  };
}

function toTeamMember(row: CaseTeamMember): TeamMember {
  return { unitId: row.unitId, organisationId: row.organisationId, role: row.role as CaseTeamRole, legalBasis: row.legalBasis as LegalBasis };
}

@Injectable()
export class CasesRepository {
  constructor(@InjectCasesTransactionHost() private readonly txHost: CasesTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** Creates the case with its lead unit on the team. */
  async create(record: Omit<CaseRecord, 'openedAt' | 'version' | 'outcome'>, lead: TeamMember): Promise<CaseRecord> {
    return toCaseRecord(
      await this.db.case.create({
        data: {
          ...record,
          team: {
            create: { unitId: lead.unitId, organisationId: lead.organisationId, role: lead.role, legalBasis: lead.legalBasis, addedBy: record.openedBy },
          },
        },
      }),
    );
  }

  /**
   * The case and its team in one round trip: every handler that touches a case asks this first.
   * A unit on the team on the person's consent comes with whether a consent for coordination
   * names it today, decided on this database's rows in the same query.
   */
  async findWithTeam(id: string, today: string): Promise<CaseWithTeam | null> {
    const [row] = await this.db.$queryRaw<
      CaseWithTeamRow[]
    >`SELECT ${caseWithTeamColumns(today)} FROM cases c WHERE c.id = ${id}::uuid AND c.purged_at IS NULL`;
    return row ? toCaseWithTeam(row) : null;
  }

  /**
   * What a consent check needs, in the same one round trip: the case with its team (as
   * `findWithTeam`), the consent that covers the share (the one named, or the one that holds
   * longest), and whether the consent named lists the asking staff member's organisation (or unit)
   * among its receivers. Referrals asks this on every send, read and answer of a referral.
   */
  async findForConsentCheck(id: string, today: string, question: ConsentQuestion): Promise<(CaseWithTeam & ConsentAnswer) | null> {
    const [row] = await this.db.$queryRaw<Array<CaseWithTeamRow & ConsentAnswer>>`
      SELECT ${caseWithTeamColumns(today)},
             (SELECT k.id FROM consents k
               WHERE k.case_id = c.id AND k.purpose = ${question.purpose} AND k.withdrawn_at IS NULL AND k.expires_on >= ${today}::date
                 AND (${question.consentId ?? null}::uuid IS NULL OR k.id = ${question.consentId ?? null}::uuid)
                 AND EXISTS (SELECT 1 FROM consent_receivers r
                              WHERE r.consent_id = k.id AND r.organisation_id = ${question.organisationId}::uuid
                                AND (r.unit_id IS NULL OR r.unit_id = ${question.unitId ?? null}::uuid))
               ORDER BY k.expires_on DESC, k.given_at DESC, k.id DESC LIMIT 1) AS "coveringConsentId",
             (SELECT m.legal_basis FROM case_team m
               WHERE m.case_id = c.id AND m.organisation_id = ${question.organisationId}::uuid
                 AND (${question.unitId ?? null}::uuid IS NULL OR m.unit_id = ${question.unitId ?? null}::uuid)
                 AND m.legal_basis = ANY(${question.legalBasis ? [question.legalBasis] : [...disclosureBases]}::text[])
               ORDER BY m.legal_basis LIMIT 1) AS "teamBasis",
             (${question.consentId ?? null}::uuid IS NOT NULL AND EXISTS (
                SELECT 1 FROM consents k JOIN consent_receivers r ON r.consent_id = k.id
                 WHERE k.id = ${question.consentId ?? null}::uuid AND k.case_id = c.id
                   AND r.organisation_id = ${question.asker.organisationId}::uuid
                   AND (r.unit_id IS NULL OR r.unit_id = ${question.asker.unitId}::uuid))) AS "askerNamed"
        FROM cases c WHERE c.id = ${id}::uuid AND c.purged_at IS NULL`;
    return row ? { ...toCaseWithTeam(row), coveringConsentId: row.coveringConsentId, teamBasis: row.teamBasis, askerNamed: row.askerNamed } : null;
  }

  /** Puts the unit on the team; false when it already was. */
  async addTeamMember(caseId: string, member: TeamMember, addedBy: string): Promise<boolean> {
    const { count } = await this.db.caseTeamMember.createMany({
      data: [{ caseId, unitId: member.unitId, organisationId: member.organisationId, role: member.role, legalBasis: member.legalBasis, addedBy }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  /** Takes a member (never the lead) off the team; false when it was not a member. */
  async removeTeamMember(caseId: string, unitId: string): Promise<boolean> {
    const { count } = await this.db.caseTeamMember.deleteMany({ where: { caseId, unitId, role: 'member' } });
    return count === 1;
  }

  /** Moves the case from one status to another; null when it was not in `from` any more (a concurrent change). */
  async changeStatus(id: string, from: CaseStatus, to: CaseStatus, outcome: CaseOutcome | null): Promise<CaseRecord | null> {
    const now = new Date();
    const [row] = await this.db.case.updateManyAndReturn({
      where: { id, status: from },
      data: { status: to, outcome, closedAt: to === 'closed' ? now : null, updatedAt: now, version: { increment: 1 } },
    });
    return row ? toCaseRecord(row) : null;
  }

  async list(filter: CaseFilter): Promise<CaseRecord[]> {
    const rows = await this.db.case.findMany({
      where: {
        team: { some: { unitId: filter.unitId } },
        ...(filter.leadStaffId ? { leadStaffId: filter.leadStaffId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.targetGroup ? { targetGroup: filter.targetGroup } : {}),
        ...(filter.municipalityCode ? { municipalityCode: filter.municipalityCode } : {}),
        ...(filter.after
          ? { OR: [{ openedAt: { lt: new Date(filter.after.key) } }, { openedAt: new Date(filter.after.key), id: { lt: filter.after.id } }] }
          : {}),
      },
      orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
      take: filter.take,
    });
    return rows.map(toCaseRecord);
  }

  /** A rectified gender holds on every case of the person, which statistics count by. */
  async setGenderOfPerson(personId: string, gender: Gender): Promise<void> {
    await this.db.case.updateMany({ where: { personId }, data: { gender, updatedAt: new Date() } });
  }

  async addToTimeline(entry: Omit<TimelineEntry, 'at'>): Promise<void> {
    await this.db.caseTimelineEntry.create({ data: entry });
  }

  async timeline(caseId: string): Promise<TimelineEntry[]> {
    const rows = await this.db.caseTimelineEntry.findMany({ where: { caseId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    return rows.map((row) => ({ ...row, details: row.details as Record<string, string | null> }));
  }

  /**
   * Hands the lead to another unit: the case's owner and lead staff member change, the old lead
   * unit stays on the team as a member (it keeps seeing what it handled), the new one leads.
   */
  async moveLead(caseId: string, from: TeamMember, to: { unitId: string; organisationId: string }, leadStaffId: string): Promise<CaseRecord> {
    await this.db.caseTeamMember.update({ where: { caseId_unitId: { caseId, unitId: from.unitId } }, data: { role: 'member' } });
    await this.db.caseTeamMember.upsert({
      where: { caseId_unitId: { caseId, unitId: to.unitId } },
      create: { caseId, unitId: to.unitId, organisationId: to.organisationId, role: 'lead', legalBasis: 'case_handling', addedBy: leadStaffId },
      update: { role: 'lead', legalBasis: 'case_handling' },
    });
    const row = await this.db.case.update({
      where: { id: caseId },
      data: { ownerUnitId: to.unitId, ownerOrganisationId: to.organisationId, leadStaffId, version: { increment: 1 }, updatedAt: new Date() },
    });
    return toCaseRecord(row);
  }
}
