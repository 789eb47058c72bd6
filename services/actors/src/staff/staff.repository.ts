import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@samverkan/contracts';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';

export interface StaffMemberRecord {
  id: string;
  displayName: string;
  organisationId: string;
  unitId: string;
  unitName: string;
  roles: StaffRole[];
}

const withUnit = { unit: { select: { name: true } } } as const;

function toRecord(row: {
  id: string;
  displayName: string;
  organisationId: string;
  unitId: string;
  roles: string[];
  unit: { name: string };
}): StaffMemberRecord {
  return {
    id: row.id,
    displayName: row.displayName,
    organisationId: row.organisationId,
    unitId: row.unitId,
    unitName: row.unit.name,
    roles: row.roles as StaffRole[],
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
  async list(filter: { organisationId?: string; afterId?: string; take: number }): Promise<StaffMemberRecord[]> {
    const after = filter.afterId ? await this.db.staffMember.findUnique({ where: { id: filter.afterId }, select: { id: true, displayName: true } }) : null;
    if (filter.afterId && !after) return [];
    const rows = await this.db.staffMember.findMany({
      where: {
        ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
        ...(after ? { OR: [{ displayName: { gt: after.displayName } }, { displayName: after.displayName, id: { gt: after.id } }] } : {}),
      },
      include: withUnit,
      orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
      take: filter.take,
    });
    return rows.map(toRecord);
  }
}
