import { Injectable } from '@nestjs/common';
import type { TargetGroup } from '@samverkan/contracts';
import type { Cursor } from '@samverkan/platform';
import type { SupportResource } from '../generated/prisma/client';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';

export interface SupportResourceRecord {
  id: string;
  organisationId: string;
  name: string;
  targetGroups: TargetGroup[];
  accessibility: string[];
}

function toRecord(row: SupportResource): SupportResourceRecord {
  return { id: row.id, organisationId: row.organisationId, name: row.name, targetGroups: row.targetGroups as TargetGroup[], accessibility: row.accessibility };
}

@Injectable()
export class SupportResourcesRepository {
  constructor(@InjectActorsTransactionHost() private readonly txHost: ActorsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** Sorted by name, then id (keyset pagination). */
  async list(filter: { organisationId?: string; targetGroup?: TargetGroup; after?: Cursor; take: number }): Promise<SupportResourceRecord[]> {
    const rows = await this.db.supportResource.findMany({
      where: {
        ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
        ...(filter.targetGroup ? { targetGroups: { has: filter.targetGroup } } : {}),
        ...(filter.after ? { OR: [{ name: { gt: filter.after.key } }, { name: filter.after.key, id: { gt: filter.after.id } }] } : {}),
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: filter.take,
    });
    return rows.map(toRecord);
  }
}
