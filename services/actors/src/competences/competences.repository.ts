import { Injectable } from '@nestjs/common';
import type { SupportNeed, TargetGroup } from '@samverkan/contracts';
import { isUniqueViolation } from '@samverkan/messaging';
import { InjectActorsTransactionHost, type ActorsTransactionHost } from '../database';
import type { CompetenceRecord } from '../directory/records';
import type { Competence } from '../generated/prisma/client';
import { competenceCodeTaken } from './competences.errors';

function toRecord(row: Competence): CompetenceRecord {
  return {
    code: row.code,
    name: row.name,
    description: row.description,
    addressesNeeds: row.addressesNeeds as SupportNeed[],
    targetGroups: row.targetGroups as TargetGroup[],
  };
}

@Injectable()
export class CompetencesRepository {
  constructor(@InjectActorsTransactionHost() private readonly txHost: ActorsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** Sorted by code (keyset pagination on the code alone: it is the key). */
  async list(filter: { need?: SupportNeed; afterCode?: string; take: number }): Promise<CompetenceRecord[]> {
    const rows = await this.db.competence.findMany({
      where: {
        ...(filter.need ? { addressesNeeds: { has: filter.need } } : {}),
        ...(filter.afterCode ? { code: { gt: filter.afterCode } } : {}),
      },
      orderBy: { code: 'asc' },
      take: filter.take,
    });
    return rows.map(toRecord);
  }

  async findAll(): Promise<CompetenceRecord[]> {
    return (await this.db.competence.findMany({ orderBy: { code: 'asc' } })).map(toRecord);
  }

  async existingCodes(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.db.competence.findMany({ where: { code: { in: codes } }, select: { code: true } });
    return new Set(rows.map((row) => row.code));
  }

  async add(competence: CompetenceRecord): Promise<CompetenceRecord> {
    try {
      return toRecord(await this.db.competence.create({ data: competence }));
    } catch (error) {
      throw isUniqueViolation(error) ? competenceCodeTaken(competence.code) : error;
    }
  }
}
