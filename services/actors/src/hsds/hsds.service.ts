import { Injectable } from '@nestjs/common';
import type { HsdsExportView } from '@samverkan/contracts';
import { todayInSweden } from '@samverkan/contracts';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { SupportResourcesRepository } from '../support-resources/support-resources.repository';
import { toHsds } from './hsds-export';

@Injectable()
export class HsdsExportService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly resources: SupportResourcesRepository,
  ) {}

  /** The whole directory: a few hundred entries for a county, read in three queries. */
  async export(): Promise<HsdsExportView> {
    const [organisations, units, resources] = await Promise.all([this.organisations.findAll(), this.organisations.findAllUnits(), this.resources.findAll()]);
    return toHsds({ organisations, units, resources }, todayInSweden());
  }
}
