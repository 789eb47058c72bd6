import { Injectable } from '@nestjs/common';
import type { ConsentPurpose, Gender, MunicipalityCode, SupportNeed, TargetGroup } from '@samverkan/contracts';
import { InjectCasesTransactionHost, type CasesTransactionHost } from '../database';
import { Prisma, type Case, type Consent } from '../generated/prisma/client';
import type { ProtectedIdentity } from '../identity/identity-protector';

export interface ConsentRecord {
  id: string;
  caseId: string;
  organisationId: string;
  purpose: ConsentPurpose;
  recordedBy: string;
  givenAt: Date;
  revokedAt: Date | null;
}

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

export function toConsentRecord(row: Consent): ConsentRecord {
  return {
    id: row.id,
    caseId: row.caseId,
    organisationId: row.organisationId,
    purpose: row.purpose as ConsentPurpose,
    recordedBy: row.recordedBy,
    givenAt: row.givenAt,
    revokedAt: row.revokedAt,
  };
}

/** The columns of a case (table alias `c`) under the names of Prisma's model, so raw SQL and Prisma give one shape. */
export const caseColumns = Prisma.raw(
  `c.id, c.person_id AS "personId", c.owner_organisation_id AS "ownerOrganisationId", c.owner_unit_id AS "ownerUnitId",
   c.municipality_code AS "municipalityCode", c.target_group AS "targetGroup", c.gender, c.support_needs AS "supportNeeds", c.status, c.opened_by AS "openedBy",
   c.opened_at AS "openedAt"`,
);

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

  async create(record: Omit<CaseRecord, 'openedAt'>): Promise<CaseRecord> {
    return toCaseRecord(await this.db.case.create({ data: record }));
  }

  async findById(id: string): Promise<CaseRecord | null> {
    const row = await this.db.case.findUnique({ where: { id } });
    return row ? toCaseRecord(row) : null;
  }

  async findWithActiveConsents(id: string): Promise<{ case: CaseRecord; consents: ConsentRecord[] } | null> {
    const row = await this.db.case.findUnique({
      where: { id },
      include: { consents: { where: { revokedAt: null }, orderBy: [{ givenAt: 'asc' }, { id: 'asc' }] } },
    });
    return row ? { case: toCaseRecord(row), consents: row.consents.map(toConsentRecord) } : null;
  }
}
