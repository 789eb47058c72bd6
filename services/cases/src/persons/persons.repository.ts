import { Injectable } from '@nestjs/common';
import type { DuplicateStatus, Gender, MunicipalityCode } from '@samverkan/contracts';
import type { Cursor } from '@samverkan/platform';
import { InjectCasesTransactionHost, type CasesTransactionHost } from '../database';
import type { Person } from '../generated/prisma/client';
import type { Encrypted, IdentityHash } from '../identity/identity-protector';

export interface PersonRecord {
  id: string;
  identity: Encrypted;
  name: Encrypted | null;
  gender: Gender;
  municipalityCode: MunicipalityCode | null;
  protectedIdentity: boolean;
}

export interface NewPerson {
  id: string;
  identityHash: IdentityHash;
  /** The number's hashes under every configured key: finds a person stored under an older one. */
  identityLookupHashes: IdentityHash[];
  identity: Encrypted;
  name: Encrypted | null;
  duplicateKey: IdentityHash | null;
  gender: Gender;
  municipalityCode: MunicipalityCode | null;
  protectedIdentity: boolean;
}

/** What rectification changes; a field left out stays. */
export interface PersonChanges {
  identityHash?: IdentityHash;
  identity?: Encrypted;
  name?: Encrypted | null;
  duplicateKey?: IdentityHash | null;
  gender?: Gender;
  municipalityCode?: MunicipalityCode | null;
  protectedIdentity?: boolean;
}

export interface DuplicateRecord {
  id: string;
  personId: string;
  otherPersonId: string;
  status: DuplicateStatus;
  proposedAt: Date;
  keptPersonId: string | null;
}

export interface DuplicateWithCases extends DuplicateRecord {
  cases: Array<{ caseId: string; personId: string }>;
}

function toPersonRecord(row: Person): PersonRecord {
  return {
    id: row.id,
    identity: { keyId: row.identityKeyId, ciphertext: Buffer.from(row.identityCiphertext) },
    name: row.nameCiphertext && row.nameKeyId ? { keyId: row.nameKeyId, ciphertext: Buffer.from(row.nameCiphertext) } : null,
    gender: row.gender as Gender,
    municipalityCode: row.municipalityCode as MunicipalityCode | null,
    protectedIdentity: row.protectedIdentity,
  };
}

const bytes = (hash: IdentityHash | null | undefined) => (hash ? new Uint8Array(hash.hash) : hash);

@Injectable()
export class PersonsRepository {
  constructor(@InjectCasesTransactionHost() private readonly txHost: CasesTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /**
   * The person with the number (found by any of its hashes, one per configured key), or a new
   * one. Safe under races: the unique hash decides, and the loser finds the winner's row.
   */
  async findOrCreate(person: NewPerson): Promise<{ person: PersonRecord; created: boolean }> {
    const hashes = person.identityLookupHashes.map((candidate) => new Uint8Array(candidate.hash));
    const existing = await this.db.person.findFirst({ where: { identityHash: { in: hashes } } });
    if (existing) return { person: toPersonRecord(existing), created: false };
    const [created] = await this.db.person.createManyAndReturn({
      data: [
        {
          id: person.id,
          identityHash: new Uint8Array(person.identityHash.hash),
          identityHashKeyId: person.identityHash.keyId,
          identityCiphertext: new Uint8Array(person.identity.ciphertext),
          identityKeyId: person.identity.keyId,
          nameCiphertext: person.name ? new Uint8Array(person.name.ciphertext) : null,
          nameKeyId: person.name?.keyId ?? null,
          duplicateKeyHash: bytes(person.duplicateKey) ?? null,
          duplicateKeyId: person.duplicateKey?.keyId ?? null,
          gender: person.gender,
          municipalityCode: person.municipalityCode,
          protectedIdentity: person.protectedIdentity,
        },
      ],
      skipDuplicates: true,
    });
    if (created) return { person: toPersonRecord(created), created: true };
    const winner = await this.db.person.findFirstOrThrow({ where: { identityHash: { in: hashes } } });
    return { person: toPersonRecord(winner), created: false };
  }

  async get(id: string): Promise<PersonRecord | null> {
    const row = await this.db.person.findUnique({ where: { id } });
    return row ? toPersonRecord(row) : null;
  }

  /** Another person with this number (under any key), if there is one. */
  async withIdentity(lookupHashes: IdentityHash[], exceptId: string): Promise<string | null> {
    const row = await this.db.person.findFirst({
      where: { identityHash: { in: lookupHashes.map((candidate) => new Uint8Array(candidate.hash)) }, id: { not: exceptId } },
      select: { id: true },
    });
    return row?.id ?? null;
  }

  async update(id: string, changes: PersonChanges): Promise<PersonRecord> {
    const row = await this.db.person.update({
      where: { id },
      data: {
        ...(changes.identityHash ? { identityHash: new Uint8Array(changes.identityHash.hash), identityHashKeyId: changes.identityHash.keyId } : {}),
        ...(changes.identity ? { identityCiphertext: new Uint8Array(changes.identity.ciphertext), identityKeyId: changes.identity.keyId } : {}),
        ...(changes.name !== undefined
          ? { nameCiphertext: changes.name ? new Uint8Array(changes.name.ciphertext) : null, nameKeyId: changes.name?.keyId ?? null }
          : {}),
        ...(changes.duplicateKey !== undefined
          ? { duplicateKeyHash: bytes(changes.duplicateKey) ?? null, duplicateKeyId: changes.duplicateKey?.keyId ?? null }
          : {}),
        ...(changes.gender ? { gender: changes.gender } : {}),
        ...(changes.municipalityCode !== undefined ? { municipalityCode: changes.municipalityCode } : {}),
        ...(changes.protectedIdentity !== undefined ? { protectedIdentity: changes.protectedIdentity } : {}),
        updatedAt: new Date(),
      },
    });
    return toPersonRecord(row);
  }

  /** Proposes every other person with the same duplicate key (under any configured key); a pair proposed or decided before is left as it is. */
  async proposeDuplicates(personId: string, lookupHashes: IdentityHash[]): Promise<number> {
    return this.db.$executeRaw`
      INSERT INTO person_duplicates (id, person_id, other_person_id, status)
      SELECT gen_random_uuid(), ${personId}::uuid, p.id, 'proposed'
        FROM persons p
       WHERE p.duplicate_key_hash = ANY(${lookupHashes.map((candidate) => new Uint8Array(candidate.hash))}::bytea[]) AND p.id <> ${personId}::uuid
      ON CONFLICT DO NOTHING`;
  }

  /**
   * The proposals about persons with a case the unit leads, newest first, each with those cases.
   * A proposal a unit cannot see both sides of is still listed: the unit decides for its own cases.
   */
  async duplicatesForUnit(filter: { unitId: string; status?: DuplicateStatus; after?: Cursor; take: number }): Promise<DuplicateWithCases[]> {
    const after = filter.after ? { at: new Date(filter.after.key), id: filter.after.id } : null;
    const rows = await this.db.$queryRaw<Array<DuplicateRecord & { cases: Array<{ caseId: string; personId: string }> }>>`
      SELECT d.id, d.person_id AS "personId", d.other_person_id AS "otherPersonId", d.status, d.proposed_at AS "proposedAt",
             d.kept_person_id AS "keptPersonId", cases.list AS cases
        FROM person_duplicates d
        CROSS JOIN LATERAL (
          SELECT json_agg(json_build_object('caseId', c.id, 'personId', c.person_id) ORDER BY c.opened_at, c.id) AS list
            FROM cases c JOIN case_team t ON t.case_id = c.id AND t.role = 'lead' AND t.unit_id = ${filter.unitId}::uuid
           WHERE c.person_id IN (d.person_id, d.other_person_id, d.kept_person_id)) cases
       WHERE cases.list IS NOT NULL
         AND (${filter.status ?? null}::text IS NULL OR d.status = ${filter.status ?? null})
         AND (${after?.at ?? null}::timestamptz IS NULL OR (d.proposed_at, d.id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
       ORDER BY d.proposed_at DESC, d.id DESC
       LIMIT ${filter.take}`;
    return rows;
  }

  async duplicate(id: string): Promise<DuplicateRecord | null> {
    const row = await this.db.personDuplicate.findUnique({ where: { id } });
    return row ? { ...row, status: row.status as DuplicateStatus } : null;
  }

  /** Decides a proposal still open; null when someone decided it first. */
  async decide(id: string, status: DuplicateStatus, keptPersonId: string | null, decidedBy: string): Promise<DuplicateRecord | null> {
    const [row] = await this.db.personDuplicate.updateManyAndReturn({
      where: { id, status: 'proposed' },
      data: { status, keptPersonId, decidedBy, decidedAt: new Date() },
    });
    return row ? { ...row, status: row.status as DuplicateStatus } : null;
  }

  /** The lead unit of each case of the person. */
  async leadUnitsOfCases(personId: string): Promise<Array<{ caseId: string; unitId: string; organisationId: string; status: string }>> {
    return this.db.$queryRaw`
      SELECT c.id AS "caseId", t.unit_id AS "unitId", t.organisation_id AS "organisationId", c.status
        FROM cases c JOIN case_team t ON t.case_id = c.id AND t.role = 'lead'
       WHERE c.person_id = ${personId}::uuid
       ORDER BY c.opened_at, c.id`;
  }

  /**
   * Makes two persons one: the removed person's cases move to the kept one, other open proposals
   * about the removed person go, and so does their identity.
   */
  async merge(keptPersonId: string, removedPersonId: string): Promise<string[]> {
    const moved = await this.db.case.updateManyAndReturn({ where: { personId: removedPersonId }, data: { personId: keptPersonId }, select: { id: true } });
    await this.db.personDuplicate.deleteMany({
      where: { status: 'proposed', OR: [{ personId: removedPersonId }, { otherPersonId: removedPersonId }] },
    });
    await this.db.person.delete({ where: { id: removedPersonId } });
    return moved.map((row) => row.id);
  }
}
