import { Injectable } from '@nestjs/common';
import {
  assertRole,
  municipalities,
  MunicipalityTrackingBy,
  OrganisationType,
  StaffRole,
  todayInSweden,
  type ActorContext,
  type GetMunicipalityReferralsQuery,
  type MunicipalityReferralsView,
} from '@samverkan/contracts';
import { OrganisationsService } from '../organisations/organisations.service';
import { otherMunicipality } from './municipality-tracking.errors';
import { MunicipalityTrackingRepository, type TrackingScope } from './municipality-tracking.repository';
import { trackingFigures } from './tracking-view';

/** Who follows a municipality's referrals: its analysts, and those who coordinate and lead units. */
const trackingRoles = [StaffRole.Analyst, StaffRole.Coordinator, StaffRole.UnitManager];

/**
 * Municipality tracking: the referrals of one municipality in a period, from learning's
 * projection of referrals' events, with every small count suppressed. Nothing in it names a
 * person, and learning holds nothing that could.
 */
@Injectable()
export class MunicipalityTrackingService {
  constructor(
    private readonly tracking: MunicipalityTrackingRepository,
    private readonly organisations: OrganisationsService,
  ) {}

  async referrals(query: GetMunicipalityReferralsQuery, actor: ActorContext): Promise<MunicipalityReferralsView> {
    assertRole(actor, ...trackingRoles);
    // A municipality's staff follow their own municipality; the region's and the agencies' follow every one.
    const own = await this.organisations.find(actor.organisationId);
    if (own?.type === OrganisationType.Municipality && !own.municipalityCodes.includes(query.municipalityCode)) {
      throw otherMunicipality(query.municipalityCode);
    }

    const scope: TrackingScope = {
      municipalityCode: query.municipalityCode,
      by: query.by ?? MunicipalityTrackingBy.Residence,
      organisationIds: await this.organisations.municipalityOrganisationIds(query.municipalityCode),
      from: query.from,
      to: query.to,
      today: todayInSweden(),
    };
    const [rows, declines] = await Promise.all([this.tracking.figures(scope), this.tracking.declineReasons(scope)]);
    return {
      municipalityCode: scope.municipalityCode,
      municipalityName: municipalities[scope.municipalityCode],
      by: scope.by,
      from: scope.from,
      to: scope.to,
      asOf: scope.today,
      organisationIds: scope.organisationIds,
      ...trackingFigures(rows, declines),
    };
  }
}
