import { Injectable } from '@nestjs/common';
import { defaultPageSize, type ListSupportResourcesQuery, type Page, type SupportResourceView } from '@samverkan/contracts';
import { decodeCursor, toPage } from '@samverkan/platform';
import { SupportResourcesRepository, type SupportResourceRecord } from './support-resources.repository';

const toView = (record: SupportResourceRecord): SupportResourceView => ({ ...record });

@Injectable()
export class SupportResourcesService {
  constructor(private readonly resources: SupportResourcesRepository) {}

  async list(query: ListSupportResourcesQuery): Promise<Page<SupportResourceView>> {
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.resources.list({
      organisationId: query.organisationId,
      targetGroup: query.targetGroup,
      after: decodeCursor(query.after),
      take: limit + 1,
    });
    return toPage(rows, limit, toView, (row) => ({ key: row.name, id: row.id }));
  }
}
