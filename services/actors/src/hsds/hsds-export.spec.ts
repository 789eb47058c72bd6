import type { HsdsExportView } from '@samverkan/contracts';
import type { OrganisationRecord, SupportResourceRecord, UnitRecord } from '../directory/records';
import { hsdsVersion, toHsds, type HsdsDirectory } from './hsds-export';

/*
 * The fields each HSDS object must carry and the values its enums allow: the "required" arrays
 * and "enum" lists of HSDS 3.0's JSON schemas, openreferral/specification branch 3.0 (tag v3.0
 * plus documentation commits; the entity schemas are unchanged since v3.0): schema/organization.json,
 * service.json, location.json, address.json, phone.json, service_at_location.json, language.json,
 * accessibility.json, service_area.json, organization_identifier.json and contact.json.
 */
const hsdsRequired = {
  organization: ['id', 'name', 'description'],
  service: ['id', 'name', 'status'],
  location: ['id', 'location_type'],
  address: ['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
  phone: ['id', 'number'],
  service_at_location: ['id'],
  language: ['id'],
  accessibility: ['id'],
  service_area: ['id'],
  organization_identifier: ['id', 'identifier_type', 'identifier'],
  contact: ['id'],
} as const;
type HsdsKind = keyof typeof hsdsRequired;

const hsdsEnums: Partial<Record<HsdsKind, Record<string, readonly string[]>>> = {
  service: { status: ['active', 'inactive', 'defunct', 'temporarily closed'] },
  location: { location_type: ['physical', 'postal', 'virtual'] },
  address: { address_type: ['physical', 'postal', 'virtual'] },
};

/** The array properties through which one HSDS object nests another, per the same schemas. */
const nestedKinds: Partial<Record<HsdsKind, Record<string, HsdsKind>>> = {
  organization: { organization_identifiers: 'organization_identifier', phones: 'phone', contacts: 'contact', locations: 'location' },
  service: { languages: 'language', service_areas: 'service_area', phones: 'phone', contacts: 'contact', service_at_locations: 'service_at_location' },
  location: { addresses: 'address', phones: 'phone', accessibility: 'accessibility', languages: 'language', contacts: 'contact' },
  service_at_location: { phones: 'phone', contacts: 'contact' },
  phone: { languages: 'language' },
  contact: { phones: 'phone' },
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Visited {
  kind: HsdsKind;
  path: string;
  object: Record<string, unknown>;
}

/** Every object of the export with its kind, nested ones included. */
function allObjects(view: HsdsExportView): Visited[] {
  const visited: Visited[] = [];
  const visit = (kind: HsdsKind, path: string, object: Record<string, unknown>): void => {
    visited.push({ kind, path, object });
    for (const [key, value] of Object.entries(object)) {
      if (!Array.isArray(value)) continue;
      const nestedKind = nestedKinds[kind]?.[key];
      if (!nestedKind) throw new Error(`${path}.${key} is an array no HSDS ${kind} nests`);
      value.forEach((item, index) => visit(nestedKind, `${path}.${key}[${index}]`, item as Record<string, unknown>));
    }
  };
  const topLevel: Array<[HsdsKind, keyof Omit<HsdsExportView, 'version'>]> = [
    ['organization', 'organizations'],
    ['service', 'services'],
    ['location', 'locations'],
    ['service_at_location', 'service_at_locations'],
  ];
  for (const [kind, key] of topLevel) view[key].forEach((object, index) => visit(kind, `${key}[${index}]`, object));
  return visited;
}

/** What is wrong with the objects against the required fields and enums above; empty when all is well. */
function schemaViolations(view: HsdsExportView): string[] {
  return allObjects(view).flatMap(({ kind, path, object }) => [
    ...hsdsRequired[kind]
      .filter((field) => {
        const value = object[field];
        return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
      })
      .map((field) => `${path} (${kind}) lacks ${field}`),
    ...Object.entries(hsdsEnums[kind] ?? {})
      .filter(([field, allowed]) => object[field] !== undefined && !allowed.includes(object[field] as string))
      .map(([field]) => `${path} (${kind}) has ${field} ${String(object[field])}`),
    ...(typeof object['id'] === 'string' && !uuidPattern.test(object['id']) ? [`${path} (${kind}) has the non-uuid id ${object['id']}`] : []),
  ]);
}

const today = '2026-11-26';
const ids = {
  region: '0195f3a0-0000-7000-8000-000000000001',
  association: '0195f3a0-0000-7000-8000-000000000002',
  centre: '0195f3a0-0000-7000-8000-000000000011',
  clinic: '0195f3a0-0000-7000-8000-000000000012',
  associationOffice: '0195f3a0-0000-7000-8000-000000000013',
  running: '0195f3a0-0000-7000-8000-000000000021',
  ended: '0195f3a0-0000-7000-8000-000000000022',
  future: '0195f3a0-0000-7000-8000-000000000023',
  deactivated: '0195f3a0-0000-7000-8000-000000000024',
  remote: '0195f3a0-0000-7000-8000-000000000025',
  unlocated: '0195f3a0-0000-7000-8000-000000000026',
};

function anOrganisation(overrides: Partial<OrganisationRecord> = {}): OrganisationRecord {
  return {
    id: ids.region,
    name: 'Region Örebro län',
    type: 'region',
    organisationNumber: '232100-0164',
    municipalityCodes: [],
    description: 'Hälso- och sjukvård samt regional utveckling.',
    website: 'https://www.regionorebrolan.se',
    active: true,
    inNetwork: true,
    version: 1,
    createdAt: new Date('2025-01-01T08:00:00Z'),
    updatedAt: new Date('2025-01-01T08:00:00Z'),
    ...overrides,
  };
}

function aUnit(overrides: Partial<UnitRecord> = {}): UnitRecord {
  return {
    id: ids.centre,
    organisationId: ids.region,
    name: 'Aktivitetscenter Örebro',
    municipalityCode: '1880',
    email: 'aktivitetscenter@regionorebrolan.se',
    phone: '019-602 10 00',
    address: { street: 'Drottninggatan 1', postalCode: '702 10', city: 'Örebro' },
    active: true,
    version: 1,
    ...overrides,
  };
}

function aResource(overrides: Partial<SupportResourceRecord> = {}): SupportResourceRecord {
  return {
    id: ids.running,
    organisationId: ids.region,
    unitId: ids.centre,
    name: 'Arbetsträning',
    description: 'Arbetsträning i liten grupp.',
    targetGroups: ['disability'],
    ageRange: { min: 16, max: 29 },
    municipalityCodes: ['1880', '1881'],
    eligibility: ['registered_at_employment_service', 'resident_in_municipality'],
    accessibility: ['physical_access', 'easy_swedish'],
    addressesNeeds: ['work_experience'],
    languages: ['ar', 'so'],
    capacity: { places: 10, taken: 4, expectedWaitDays: 14 },
    activeFrom: '2026-01-01',
    activeUntil: '2026-12-31',
    active: true,
    version: 1,
    updatedAt: new Date('2026-10-01T09:30:00Z'),
    ...overrides,
  };
}

/** Two organisations, units with and without an address, a resource in each state, one remote. */
function aDirectory(): HsdsDirectory {
  return {
    organisations: [
      anOrganisation(),
      anOrganisation({
        id: ids.association,
        name: 'Studieförbundet Exempel Örebro',
        type: 'civil_society',
        organisationNumber: null,
        municipalityCodes: ['1880'],
        description: null,
        website: null,
      }),
    ],
    units: [
      aUnit(),
      aUnit({ id: ids.clinic, name: 'Mottagning utan adress', address: null, phone: null, email: 'mottagning@regionorebrolan.se' }),
      aUnit({
        id: ids.associationOffice,
        organisationId: ids.association,
        name: 'Kansliet',
        phone: null,
        address: { street: 'Fredsgatan 2', postalCode: '703 61', city: 'Örebro' },
      }),
    ],
    resources: [
      aResource(),
      aResource({ id: ids.ended, name: 'Sommarjobb 2025', activeFrom: '2025-06-01', activeUntil: '2025-08-31', accessibility: ['sign_language'] }),
      aResource({ id: ids.future, name: 'Språkcafé', activeFrom: '2027-01-10', activeUntil: null, accessibility: ['interpreter'], eligibility: [] }),
      aResource({ id: ids.deactivated, name: 'Studiecirkel', active: false, accessibility: ['adapted_pace'] }),
      aResource({
        id: ids.remote,
        organisationId: ids.association,
        unitId: ids.associationOffice,
        name: 'Digital studiecirkel',
        description: null,
        accessibility: ['remote', 'easy_swedish'],
        languages: ['sv', 'EN', 'en'],
        municipalityCodes: ['1880', '1885'],
        eligibility: ['newly_arrived'],
        capacity: { places: 20, taken: 2, expectedWaitDays: 1 },
        activeUntil: null,
      }),
      aResource({
        id: ids.unlocated,
        name: 'Samtalsstöd',
        unitId: ids.clinic,
        accessibility: ['interpreter'],
        capacity: { places: 5, taken: 5, expectedWaitDays: 0 },
      }),
    ],
  };
}

const byId = (objects: Array<Record<string, unknown>>, id: string): Record<string, unknown> => {
  const found = objects.find((object) => object['id'] === id);
  if (!found) throw new Error(`no object with id ${id}`);
  return found;
};

describe('toHsds', () => {
  it('gives every object, nested ones included, the fields its HSDS schema requires, with valid enum values and uuid ids', () => {
    const view = toHsds(aDirectory(), today);

    expect(view.version).toBe(hsdsVersion);
    expect(schemaViolations(view)).toEqual([]);
    const kinds = new Set(allObjects(view).map(({ kind }) => kind));
    // Every kind the export produces has been checked above, not just the top-level ones.
    expect([...kinds].sort()).toEqual(
      [
        'accessibility',
        'address',
        'language',
        'location',
        'organization',
        'organization_identifier',
        'phone',
        'service',
        'service_area',
        'service_at_location',
      ].sort(),
    );
  });

  it('notices a missing required field (the check itself works)', () => {
    const view = toHsds(aDirectory(), today);
    const location = byId(view.locations, ids.centre);
    const [address] = location['addresses'] as Array<Record<string, unknown>>;
    delete address?.['postal_code'];
    view.services[0] = { ...view.services[0], status: 'paused' };

    expect(schemaViolations(view)).toEqual(['services[0] (service) has status paused', 'locations[0].addresses[0] (address) lacks postal_code']);
  });

  it('gives each resource the status of its state on the day', () => {
    const statuses = Object.fromEntries(toHsds(aDirectory(), today).services.map((service) => [service['id'], service['status']]));

    expect(statuses).toEqual({
      [ids.running]: 'active',
      [ids.ended]: 'defunct',
      [ids.future]: 'temporarily closed',
      [ids.deactivated]: 'inactive',
      [ids.remote]: 'active',
      [ids.unlocated]: 'active',
    });
    // The period's first and last days are inside it; an ended period wins over deactivation.
    const at = (resource: Partial<SupportResourceRecord>, day: string) =>
      toHsds({ ...aDirectory(), resources: [aResource(resource)] }, day).services[0]?.['status'];
    expect(at({}, '2026-01-01')).toBe('active');
    expect(at({}, '2026-12-31')).toBe('active');
    expect(at({}, '2027-01-01')).toBe('defunct');
    expect(at({ active: false }, '2027-01-01')).toBe('defunct');
    expect(at({ active: false }, '2025-12-31')).toBe('inactive');
  });

  it('resolves every reference: organisations of services and locations, services and locations of service_at_locations, parents of nested objects', () => {
    const view = toHsds(aDirectory(), today);
    const organisationIds = new Set(view.organizations.map((organization) => organization['id']));
    const serviceIds = new Set(view.services.map((service) => service['id']));
    const locationIds = new Set(view.locations.map((location) => location['id']));

    for (const service of view.services) expect(organisationIds).toContain(service['organization_id']);
    for (const location of view.locations) expect(organisationIds).toContain(location['organization_id']);
    for (const link of view.service_at_locations) {
      expect(serviceIds).toContain(link['service_id']);
      expect(locationIds).toContain(link['location_id']);
    }
    const parents = { service_id: serviceIds, location_id: locationIds, organization_id: organisationIds };
    const dangling = allObjects(view).flatMap(({ object, path }) =>
      Object.entries(parents)
        .filter(([field, parentIds]) => object[field] !== undefined && !parentIds.has(object[field]))
        .map(([field]) => `${path}.${field}`),
    );
    expect(dangling).toEqual([]);
    // Ids are unique across the whole export.
    const allIds = allObjects(view).map(({ object }) => object['id']);
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it('places a service at its unit when the unit has an address, and at the organisation’s virtual location when it is remote', () => {
    const view = toHsds(aDirectory(), today);
    const locationsOf = (serviceId: string) =>
      view.service_at_locations.filter((link) => link['service_id'] === serviceId).map((link) => byId(view.locations, link['location_id'] as string));

    expect(locationsOf(ids.running)).toEqual([expect.objectContaining({ id: ids.centre, location_type: 'physical' })]);
    expect(locationsOf(ids.unlocated)).toEqual([]);
    expect(locationsOf(ids.remote)).toEqual([
      expect.objectContaining({ id: ids.associationOffice, location_type: 'physical' }),
      expect.objectContaining({ location_type: 'virtual', organization_id: ids.association }),
    ]);
    // One physical location per unit with an address, one virtual location per organisation with a remote offer.
    expect(view.locations.map((location) => [location['location_type'], location['organization_id']])).toEqual([
      ['physical', ids.region],
      ['physical', ids.association],
      ['virtual', ids.association],
    ]);
  });

  it('maps organisations: generated Swedish description, website, and the organisation number as SE-ON identifier only when there is one', () => {
    const [region, association] = toHsds(aDirectory(), today).organizations;

    expect(region).toEqual({
      id: ids.region,
      name: 'Region Örebro län',
      description: 'Hälso- och sjukvård samt regional utveckling.',
      website: 'https://www.regionorebrolan.se',
      organization_identifiers: [
        {
          id: expect.stringMatching(uuidPattern),
          organization_id: ids.region,
          identifier_scheme: 'SE-ON',
          identifier_type: 'Organisationsnummer',
          identifier: '232100-0164',
        },
      ],
    });
    expect(association).toEqual({
      id: ids.association,
      name: 'Studieförbundet Exempel Örebro',
      description: 'Civilsamhällesorganisation i Örebro län',
      organization_identifiers: [],
    });
    const municipality = toHsds({ organisations: [anOrganisation({ type: 'municipality', description: '  ' })], units: [], resources: [] }, today)
      .organizations[0];
    expect(municipality?.['description']).toBe('Kommun i Örebro län');
  });

  it('maps resources: ages, Swedish eligibility, languages with sv, municipalities as service areas, wait time', () => {
    const view = toHsds(aDirectory(), today);
    const running = byId(view.services, ids.running);
    const remote = byId(view.services, ids.remote);

    expect(running).toMatchObject({
      organization_id: ids.region,
      name: 'Arbetsträning',
      description: 'Arbetsträning i liten grupp.',
      minimum_age: 16,
      maximum_age: 29,
      eligibility_description:
        'Deltagaren ska vara 16–29 år, vara inskriven som arbetssökande hos Arbetsförmedlingen och vara folkbokförd i någon av kommunerna Örebro eller Kumla.',
      wait_time: '14 dagar',
      last_modified: '2026-10-01T09:30:00.000Z',
    });
    expect((running['languages'] as Array<Record<string, unknown>>).map((language) => [language['code'], language['name']])).toEqual([
      ['sv', 'svenska'],
      ['ar', 'arabiska'],
      ['so', 'somaliska'],
    ]);
    expect((running['service_areas'] as Array<Record<string, unknown>>).map((area) => area['name'])).toEqual(['Örebro', 'Kumla']);
    for (const area of running['service_areas'] as Array<Record<string, unknown>>) expect(area).not.toHaveProperty('extent_type');

    expect(remote).not.toHaveProperty('description');
    expect((remote['languages'] as Array<Record<string, unknown>>).map((language) => language['code'])).toEqual(['sv', 'en']);
    expect(remote['wait_time']).toBe('1 dag');
    expect(byId(view.services, ids.unlocated)['wait_time']).toBe('Ingen väntetid');
    expect(byId(view.services, ids.future)['eligibility_description']).toBe('Deltagaren ska vara 16–29 år.');
  });

  it('describes the accessibility of a place from the resources offered there now or soon, remote aside', () => {
    const view = toHsds(aDirectory(), today);
    const descriptions = (locationId: string) =>
      (byId(view.locations, locationId)['accessibility'] as Array<Record<string, unknown>>).map((entry) => entry['description']);

    // Running: physical access, easy Swedish; future: interpreter. Not the ended (sign language) nor the deactivated (adapted pace).
    expect(descriptions(ids.centre)).toEqual([
      'Lokalerna är tillgängliga för personer med rörelsenedsättning.',
      'Information och stöd ges på lättläst svenska.',
      'Tolk kan bokas vid behov.',
    ]);
    expect(descriptions(ids.associationOffice)).toEqual(['Information och stöd ges på lättläst svenska.']);
  });

  it('is deterministic: the same directory exports the same objects and ids', () => {
    expect(toHsds(aDirectory(), today)).toEqual(toHsds(aDirectory(), today));
    expect(JSON.stringify(toHsds(aDirectory(), today))).toBe(JSON.stringify(toHsds(aDirectory(), today)));
  });

  it('carries no person data and no e-mail: addresses and phones have only their own fields', () => {
    const view = toHsds(aDirectory(), today);

    expect(JSON.stringify(view)).not.toContain('@');
    const centre = byId(view.locations, ids.centre);
    expect(Object.keys(centre).sort()).toEqual(['accessibility', 'addresses', 'id', 'location_type', 'name', 'organization_id', 'phones']);
    expect(centre['addresses']).toEqual([
      {
        id: expect.stringMatching(uuidPattern),
        location_id: ids.centre,
        address_1: 'Drottninggatan 1',
        city: 'Örebro',
        state_province: 'Örebro län',
        postal_code: '702 10',
        country: 'SE',
        address_type: 'physical',
      },
    ]);
    expect(centre['phones']).toEqual([{ id: expect.stringMatching(uuidPattern), location_id: ids.centre, number: '019-602 10 00' }]);
    expect(byId(view.locations, ids.associationOffice)['phones']).toEqual([]);
  });

  it('refuses a day that is no YYYY-MM-DD date', () => {
    expect(() => toHsds(aDirectory(), '26/11/2026')).toThrow(RangeError);
  });
});
