import { Injectable } from '@nestjs/common';
import type { MunicipalityCode, StaffRole } from '@samverkan/contracts';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';
import type { StaffMemberRecord } from '../directory/records';
import type { StaffMember } from '../generated/prisma/client';

export interface StaffFilter {
  organisationId?: string;
  unitId?: string;
  role?: StaffRole;
  competence?: string;
  language?: string;
  municipalityCode?: MunicipalityCode;
  active?: boolean;
  afterId?: string;
  take: number;
}

export type StaffChanges = Partial<Pick<StaffMemberRecord, 'unitId' | 'displayName' | 'email' | 'roles' | 'languages' | 'competences' | 'active'>>;

const withUnit = { unit: { select: { name: true } } } as const;

function toRecord(row: StaffMember & { unit: { name: string } }): StaffMemberRecord {
  return {
    id: row.id,
    organisationId: row.organisationId,
    unitId: row.unitId,
    unitName: row.unit.name,
    displayName: row.displayName,
    email: row.email,
    roles: row.roles as StaffRole[],
    languages: row.languages,
    competences: row.competences,
    active: row.active,
    version: row.version,
  };
}

@Injectable()
export class StaffRepository {
  constructor(@InjectActorsTransactionHost() private readonly txHost: ActorsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async findById(id: string): Promise<StaffMemberRecord | null> {
    const row = await this.db.staffMember.findUnique({ where: { id }, include: withUnit });
    return row ? toRecord(row) : null;
  }

  /**
   * Sorted by display name, then id (keyset pagination). The cursor holds only the id of the
   * last row, so no name ever travels in a URL; its name is looked up here.
   */
  async list(filter: StaffFilter): Promise<StaffMemberRecord[]> {
    const after = filter.afterId ? await this.db.staffMember.findUnique({ where: { id: filter.afterId }, select: { id: true, displayName: true } }) : null;
    if (filter.afterId && !after) return [];
    const rows = await this.db.staffMember.findMany({
      where: {
        AND: [
          filter.organisationId ? { organisationId: filter.organisationId } : {},
          filter.unitId ? { unitId: filter.unitId } : {},
          filter.role ? { roles: { has: filter.role } } : {},
          filter.competence ? { competences: { has: filter.competence } } : {},
          filter.language ? { languages: { has: filter.language } } : {},
          filter.active === undefined ? {} : { active: filter.active },
          // Working in the municipality: a unit there, or a county-wide unit of an organisation serving it.
          filter.municipalityCode
            ? {
                OR: [
                  { unit: { municipalityCode: filter.municipalityCode } },
                  { unit: { municipalityCode: null }, organisation: { municipalityCodes: { has: filter.municipalityCode } } },
                ],
              }
            : {},
          after ? { OR: [{ displayName: { gt: after.displayName } }, { displayName: after.displayName, id: { gt: after.id } }] } : {},
        ],
      },
      include: withUnit,
      orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
      take: filter.take,
    });
    return rows.map(toRecord);
  }

  async create(member: Omit<StaffMemberRecord, 'unitName' | 'version' | 'active'>): Promise<StaffMemberRecord> {
    return toRecord(await this.db.staffMember.create({ data: member, include: withUnit }));
  }

  async update(id: string, changes: StaffChanges): Promise<StaffMemberRecord | null> {
    const updated = await this.db.staffMember.updateManyAndReturn({ where: { id }, data: { ...changes, version: { increment: 1 }, updatedAt: new Date() } });
    return updated[0] ? this.findById(id) : null;
  }
}
