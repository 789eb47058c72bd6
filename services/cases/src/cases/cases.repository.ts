import { Injectable } from '@nestjs/common';
import type { CaseTeamRole, Gender, LegalBasis, MunicipalityCode, SupportNeed, TargetGroup } from '@samverkan/contracts';
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
  status: 'open';
  openedBy: string;
  openedAt: Date;
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
    status: row.status as 'open',
    openedBy: row.openedBy,
    openedAt: row.openedAt,
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
  async create(record: Omit<CaseRecord, 'openedAt'>, lead: TeamMember): Promise<CaseRecord> {
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
}
