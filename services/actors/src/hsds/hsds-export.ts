import {
  municipalities,
  type AccessibilityFeature,
  type EligibilityRule,
  type HsdsExportView,
  type MunicipalityCode,
  type OrganisationType,
} from '@samverkan/contracts';
import { v5 as uuidv5 } from 'uuid';
import type { OrganisationRecord, SupportResourceRecord, UnitRecord } from '../directory/records';

/*
 * The actors directory as Open Referral HSDS 3.0 (Human Services Data Specification): a pure
 * mapping, no I/O. The field names are the specification's; every object carries the fields its
 * HSDS JSON schema requires (schema/*.json of openreferral/specification, branch 3.0).
 *
 *   organisation                      → organization (+ organization_identifiers: the organisationsnummer)
 *   unit with an address              → location, type physical (+ addresses, phones, accessibility)
 *   organisation with a remote offer  → location, type virtual
 *   support resource                  → service (+ languages, service_areas)
 *   resource × its unit / distance    → service_at_location
 *
 * No staff or person data is taken or given. Unit e-mail addresses are left out too: HSDS only
 * carries e-mail on contacts, and the export has none.
 */

/** The HSDS version the export follows. */
export const hsdsVersion = '3.0';

export interface HsdsDirectory {
  organisations: OrganisationRecord[];
  units: UnitRecord[];
  resources: SupportResourceRecord[];
}

export type HsdsServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';

/** The county every unit of the directory lies in; HSDS calls it state_province. */
const county = 'Örebro län';

/**
 * Namespace of the name-based (v5) ids of the objects the directory has no id for: addresses,
 * phones, accessibility, languages, service areas, identifiers, virtual locations and the
 * services at locations. The same directory therefore always exports the same ids.
 */
const hsdsNamespace = '8f3c2a61-5d0e-4b7a-9c14-6e2b7f0d3a95';
const derivedId = (parentId: string, ...suffix: string[]): string => uuidv5([parentId, ...suffix].join('/'), hsdsNamespace);

const organisationTypeDescriptions: Record<OrganisationType, string> = {
  state_agency: 'Statlig myndighet verksam i Örebro län',
  municipality: 'Kommun i Örebro län',
  region: 'Region i Örebro län',
  county_administrative_board: 'Länsstyrelse i Örebro län',
  civil_society: 'Civilsamhällesorganisation i Örebro län',
  employer: 'Arbetsgivare i Örebro län',
  other: 'Aktör i Örebro län',
};

/** What a physical location offers, in Swedish. Remote is no property of a place: it is the virtual location. */
const accessibilityDescriptions: Record<Exclude<AccessibilityFeature, 'remote'>, string> = {
  physical_access: 'Lokalerna är tillgängliga för personer med rörelsenedsättning.',
  interpreter: 'Tolk kan bokas vid behov.',
  easy_swedish: 'Information och stöd ges på lättläst svenska.',
  sign_language: 'Stödet kan ges på teckenspråk.',
  adapted_pace: 'Stödet ges i anpassad takt.',
};

/** Each rule as what the participant "ska …" (must …), so the rules join into one Swedish sentence. */
const eligibilityPhrases: Record<EligibilityRule, (municipalityCodes: MunicipalityCode[]) => string> = {
  registered_at_employment_service: () => 'vara inskriven som arbetssökande hos Arbetsförmedlingen',
  social_insurance_decision: () => 'ha ett beslut från Försäkringskassan (till exempel om aktivitetsersättning eller en rehabiliteringsplan)',
  resident_in_municipality: (codes) => {
    const names = unique(codes).map((code) => municipalities[code]);
    if (names.length === 0) return 'vara folkbokförd i en kommun som insatsen riktar sig till';
    if (names.length === 1) return `vara folkbokförd i ${names.join('')} kommun`;
    return `vara folkbokförd i någon av kommunerna ${swedishList(names, 'eller')}`;
  },
  receives_income_support: () => 'ha försörjningsstöd från kommunen',
  newly_arrived: () => 'vara nyanländ (i etableringsprogrammet eller med uppehållstillstånd sedan högst tre år)',
};

const languageNames = new Intl.DisplayNames('sv', { type: 'language', fallback: 'none' });

export function toHsds(directory: HsdsDirectory, today: string): HsdsExportView {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got '${today}'`);

  const organisationIds = new Set(directory.organisations.map((organisation) => organisation.id));
  // Only what hangs off an exported organisation, so that every reference in the export resolves.
  const units = directory.units.filter((unit) => organisationIds.has(unit.organisationId));
  const resources = directory.resources.filter((resource) => organisationIds.has(resource.organisationId));

  const physicalLocations = units.flatMap((unit) => {
    const location = physicalLocation(
      unit,
      resources.filter((resource) => resource.unitId === unit.id && isOffered(serviceStatus(resource, today))),
    );
    return location ? [location] : [];
  });
  const physicalLocationIds = new Set(physicalLocations.map((location) => location.id));

  const remoteOrganisations = directory.organisations.filter((organisation) =>
    resources.some((resource) => resource.organisationId === organisation.id && offersRemote(resource)),
  );
  const virtualLocations = remoteOrganisations.map(virtualLocation);

  const serviceAtLocations = resources.flatMap((resource) => {
    const locationIds = [
      ...(physicalLocationIds.has(resource.unitId) ? [resource.unitId] : []),
      ...(offersRemote(resource) ? [virtualLocationId(resource.organisationId)] : []),
    ];
    return locationIds.map((locationId) => ({
      id: derivedId(resource.id, 'service-at-location', locationId),
      service_id: resource.id,
      location_id: locationId,
    }));
  });

  return {
    version: hsdsVersion,
    organizations: directory.organisations.map(organization),
    services: resources.map((resource) => service(resource, today)),
    locations: [...physicalLocations, ...virtualLocations],
    service_at_locations: serviceAtLocations,
  };
}

/**
 * The HSDS status of a support resource on `today`: defunct once its period has ended, inactive
 * while deactivated, temporarily closed before its period starts, active otherwise. An ended
 * period wins over deactivation: the resource is gone either way, and defunct says so for good.
 */
export function serviceStatus(resource: Pick<SupportResourceRecord, 'active' | 'activeFrom' | 'activeUntil'>, today: string): HsdsServiceStatus {
  if (resource.activeUntil !== null && resource.activeUntil < today) return 'defunct';
  if (!resource.active) return 'inactive';
  if (resource.activeFrom > today) return 'temporarily closed';
  return 'active';
}

function organization(organisation: OrganisationRecord): Record<string, unknown> {
  const number = organisation.organisationNumber?.trim();
  return {
    id: organisation.id,
    name: organisation.name,
    description: nonEmpty(organisation.description) ?? organisationTypeDescriptions[organisation.type],
    ...(nonEmpty(organisation.website) ? { website: nonEmpty(organisation.website) } : {}),
    organization_identifiers: number
      ? [
          {
            id: derivedId(organisation.id, 'organization-identifier', 'SE-ON'),
            organization_id: organisation.id,
            identifier_scheme: 'SE-ON',
            identifier_type: 'Organisationsnummer',
            identifier: number,
          },
        ]
      : [],
  };
}

/** A unit's place, when it has a complete address; `resources` are those offered there now or soon. */
function physicalLocation(unit: UnitRecord, resources: SupportResourceRecord[]): Record<string, unknown> | null {
  const street = nonEmpty(unit.address?.street);
  const city = nonEmpty(unit.address?.city);
  const postalCode = nonEmpty(unit.address?.postalCode);
  if (!street || !city || !postalCode) return null;
  const phone = nonEmpty(unit.phone);
  const features = unique(resources.flatMap((resource) => resource.accessibility)).filter(
    (feature): feature is Exclude<AccessibilityFeature, 'remote'> => feature !== 'remote',
  );
  return {
    id: unit.id,
    location_type: 'physical',
    organization_id: unit.organisationId,
    name: unit.name,
    addresses: [
      {
        id: derivedId(unit.id, 'address', 'physical'),
        location_id: unit.id,
        address_1: street,
        city,
        state_province: county,
        postal_code: postalCode,
        country: 'SE',
        address_type: 'physical',
      },
    ],
    phones: phone ? [{ id: derivedId(unit.id, 'phone'), location_id: unit.id, number: phone }] : [],
    accessibility: features.map((feature) => ({
      id: derivedId(unit.id, 'accessibility', feature),
      location_id: unit.id,
      description: accessibilityDescriptions[feature],
    })),
  };
}

const virtualLocationId = (organisationId: string): string => derivedId(organisationId, 'location', 'virtual');

function virtualLocation(organisation: OrganisationRecord): Record<string, unknown> {
  const website = nonEmpty(organisation.website);
  return {
    id: virtualLocationId(organisation.id),
    location_type: 'virtual',
    organization_id: organisation.id,
    name: `${organisation.name} – på distans`,
    description: 'Stöd som ges på distans.',
    ...(website ? { url: website } : {}),
  };
}

function service(resource: SupportResourceRecord, today: string): Record<string, unknown> {
  const description = nonEmpty(resource.description);
  const languageCodes = unique(['sv', ...resource.languages.map((code) => code.trim().toLowerCase())].filter((code) => code.length > 0));
  return {
    id: resource.id,
    organization_id: resource.organisationId,
    name: resource.name,
    ...(description ? { description } : {}),
    status: serviceStatus(resource, today),
    minimum_age: resource.ageRange.min,
    maximum_age: resource.ageRange.max,
    eligibility_description: eligibilityDescription(resource),
    wait_time: waitTime(resource.capacity.expectedWaitDays),
    last_modified: resource.updatedAt.toISOString(),
    languages: languageCodes.map((code) => {
      const name = languageNames.of(code);
      return { id: derivedId(resource.id, 'language', code), service_id: resource.id, ...(name ? { name } : {}), code };
    }),
    service_areas: unique(resource.municipalityCodes).map((code) => ({
      id: derivedId(resource.id, 'service-area', code),
      service_id: resource.id,
      name: municipalities[code],
      description: `Kommun i Örebro län (kommunkod ${code})`,
    })),
  };
}

/** E.g. "Deltagaren ska vara 16–29 år, vara inskriven som arbetssökande hos Arbetsförmedlingen och ha försörjningsstöd från kommunen." */
function eligibilityDescription(resource: SupportResourceRecord): string {
  const phrases = [
    `vara ${resource.ageRange.min}–${resource.ageRange.max} år`,
    ...unique(resource.eligibility).map((rule) => eligibilityPhrases[rule](resource.municipalityCodes)),
  ];
  return `Deltagaren ska ${swedishList(phrases, 'och')}.`;
}

function waitTime(days: number): string {
  if (days <= 0) return 'Ingen väntetid';
  return days === 1 ? '1 dag' : `${days} dagar`;
}

const offersRemote = (resource: SupportResourceRecord): boolean => resource.accessibility.includes('remote');

const isOffered = (status: HsdsServiceStatus): boolean => status === 'active' || status === 'temporarily closed';

function nonEmpty(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** "a", "a och b", "a, b och c". */
function swedishList(items: readonly string[], conjunction: 'och' | 'eller'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.slice(-1).join('')}`;
}
