import { Injectable } from '@nestjs/common';
import type { CaseOutcome, CaseStatus, CaseTeamRole, Gender, LegalBasis, MunicipalityCode, SupportNeed, TargetGroup } from '@samverkan/contracts';
import type { Cursor } from '@samverkan/platform';
import type { TeamMember } from '../access/access-policy';
import { InjectCasesTransactionHost, type CasesTransactionHost } from '../database';
import type { Case, CaseTeamMember } from '../generated/prisma/client';
import type { ProtectedIdentity } from '../identity/identity-protector';

export interface CaseRecord {
  id: string;
  personId: string;
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

function toTeamMember(row: CaseTeamMember): TeamMember {
  return { unitId: row.unitId, organisationId: row.organisationId, role: row.role as CaseTeamRole, legalBasis: row.legalBasis as LegalBasis };
}

@Injectable()
export class CasesRepository {
  constructor(@InjectCasesTransactionHost() private readonly txHost: CasesTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /**
   * Returns the person found by any of the hashes (one per configured key), or creates them
   * under the current key. Safe under races: the unique hash decides, and the loser finds the
   * winner's row.
   */
  async findOrCreatePerson(person: { id: string; identity: ProtectedIdentity }): Promise<string> {
    const { identity } = person;
    const hashes = identity.lookupHashes.map((candidate) => new Uint8Array(candidate.hash));
    const existing = await this.db.person.findFirst({ where: { identityHash: { in: hashes } }, select: { id: true } });
    if (existing) return existing.id;
    const row = await this.db.person.upsert({
      where: { identityHash: new Uint8Array(identity.hash.hash) },
      create: {
        id: person.id,
        identityHash: new Uint8Array(identity.hash.hash),
        identityHashKeyId: identity.hash.keyId,
        identityCiphertext: new Uint8Array(identity.encryption.ciphertext),
        identityKeyId: identity.encryption.keyId,
      },
      update: {},
      select: { id: true },
    });
    return row.id;
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

  async findWithTeam(id: string): Promise<{ case: CaseRecord; team: TeamMember[] } | null> {
    const row = await this.db.case.findUnique({ where: { id }, include: { team: { orderBy: [{ addedAt: 'asc' }, { unitId: 'asc' }] } } });
    return row ? { case: toCaseRecord(row), team: row.team.map(toTeamMember) } : null;
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

  async addToTimeline(entry: Omit<TimelineEntry, 'at'>): Promise<void> {
    await this.db.caseTimelineEntry.create({ data: entry });
  }

  async timeline(caseId: string): Promise<TimelineEntry[]> {
    const rows = await this.db.caseTimelineEntry.findMany({ where: { caseId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    return rows.map((row) => ({ ...row, details: row.details as Record<string, string | null> }));
  }
}
