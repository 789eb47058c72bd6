import {
  AddCompetenceBody,
  CreateOrganisationBody,
  CreateStaffMemberBody,
  CreateSupportResourceBody,
  CreateUnitBody,
  CreateWorkplaceBody,
  municipalityCodes,
  OrganisationType,
  StaffRole,
} from '@samverkan/contracts';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { demoDirectory, demoId } from './orebro-lan';

/** The properties a body's validation refuses, nested ones as `parent.child`. */
function refusedFields<T extends object>(type: ClassConstructor<T>, value: object): string[] {
  const collect = (errors: ReturnType<typeof validateSync>, prefix: string): string[] =>
    errors.flatMap((error) => [...(error.constraints ? [`${prefix}${error.property}`] : []), ...collect(error.children ?? [], `${prefix}${error.property}.`)]);
  return collect(validateSync(plainToInstance(type, value), { whitelist: true, forbidNonWhitelisted: true }), '');
}

const { organisations, competences } = demoDirectory;
const units = organisations.flatMap((organisation) => organisation.units.map((unit) => ({ organisation, unit })));
const staff = units.flatMap(({ organisation, unit }) => unit.staff.map((member) => ({ organisation, unit, member })));
const resources = organisations.flatMap((organisation) => organisation.supportResources.map((resource) => ({ organisation, resource })));
const workplaces = organisations.flatMap((organisation) => organisation.workplaces.map((workplace) => ({ organisation, workplace })));

describe('the Örebro län demo directory', () => {
  it('holds every actor DOMAIN.md names: the region, both state agencies, the county administrative board, civil society, Jobbcentrum and all twelve municipalities', () => {
    const names = organisations.map((organisation) => organisation.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Region Örebro län',
        'Arbetsförmedlingen Örebro',
        'Försäkringskassan Örebro',
        'Länsstyrelsen i Örebro län',
        'ABF Örebro län',
        'Vuxenutbildning och Arbetsmarknad – Jobbcentrum',
      ]),
    );
    const municipalitiesServed = organisations
      .filter((organisation) => organisation.type === OrganisationType.Municipality && organisation.name.endsWith(' kommun'))
      .map((organisation) => organisation.municipalityCodes);
    expect(municipalitiesServed.flat().sort()).toEqual([...municipalityCodes].sort());
    expect(new Set(organisations.map((organisation) => organisation.type))).toEqual(
      new Set([
        OrganisationType.StateAgency,
        OrganisationType.Municipality,
        OrganisationType.Region,
        OrganisationType.CountyAdministrativeBoard,
        OrganisationType.CivilSociety,
      ]),
    );
  });

  it('keeps the ids an earlier version seeded, so the README and existing databases still match', () => {
    expect(organisations.find((organisation) => organisation.name === 'Lekebergs kommun')?.id).toBe(demoId('organisation:Lekebergs kommun'));
    const lekebergKaa = units.find(({ unit }) => unit.name === 'Kommunala aktivitetsansvaret (KAA)' && unit.municipalityCode === '1814');
    expect(lekebergKaa?.unit.id).toBe(demoId('unit:Lekebergs kommun:Kommunala aktivitetsansvaret (KAA)'));
    for (const displayName of [
      'Anna Regional',
      'Olle Drift',
      'Arbetsförmedlare Örebro',
      'Handläggare aktivitetsersättning',
      'KAA-samordnare Lekeberg',
      'Analytiker Lekeberg',
    ]) {
      const found = staff.find(({ member }) => member.displayName === displayName);
      expect(found?.member.id).toBe(demoId(`staff:${found?.organisation.name}:${displayName}`));
    }
  });

  it('passes the same validation as the API: organisation numbers with their check digit, SCB codes, Swedish phone numbers and postal codes, ISO languages, the vocabularies', () => {
    const refusals = [
      ...competences.map((competence) => [competence.code, refusedFields(AddCompetenceBody, competence)] as const),
      ...organisations.map(
        ({ id: _id, units: _units, supportResources: _resources, workplaces: _workplaces, ...fields }) =>
          [fields.name, refusedFields(CreateOrganisationBody, fields)] as const,
      ),
      ...units.map(({ unit: { id: _id, staff: _staff, ...fields } }) => [fields.name, refusedFields(CreateUnitBody, fields)] as const),
      ...staff.map(
        ({ unit, member: { id: _id, ...fields } }) => [fields.displayName, refusedFields(CreateStaffMemberBody, { ...fields, unitId: unit.id })] as const,
      ),
      ...resources.map(({ resource: { id: _id, ...fields } }) => [fields.name, refusedFields(CreateSupportResourceBody, fields)] as const),
      ...workplaces.map(({ workplace: { id: _id, ...fields } }) => [fields.name, refusedFields(CreateWorkplaceBody, fields)] as const),
    ].filter(([, fields]) => fields.length > 0);
    expect(refusals).toEqual([]);
  });

  it('gives every entry its own id and every organisation its own organisation number', () => {
    const ids = [
      ...organisations.map(({ id }) => id),
      ...units.map(({ unit }) => unit.id),
      ...staff.map(({ member }) => member.id),
      ...resources.map(({ resource }) => resource.id),
      ...workplaces.map(({ workplace }) => workplace.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    const numbers = organisations.map(({ organisationNumber }) => organisationNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('refers only to what exists: resources to a unit of their own organisation, staff to catalogue competences', () => {
    const dangling = resources.filter(({ organisation, resource }) => !organisation.units.some((unit) => unit.id === resource.unitId));
    expect(dangling.map(({ resource }) => resource.name)).toEqual([]);
    const catalogue = new Set(competences.map(({ code }) => code));
    const unknown = staff.flatMap(({ member }) => member.competences.filter((code) => !catalogue.has(code)));
    expect(unknown).toEqual([]);
  });

  it('has what the directory shows: the issue’s competences, coordinators and unit managers, resources with room and with a queue, workplaces in the county', () => {
    expect(competences.map(({ code }) => code)).toEqual(
      expect.arrayContaining([
        'npf',
        'psychiatric_disability',
        'swedish_second_language',
        'foreign_education_validation',
        'supported_employment_ips',
        'kaa',
        'interpreter_coordination',
        'motivational_interviewing',
      ]),
    );
    const roles = new Set(staff.flatMap(({ member }) => member.roles));
    expect(roles).toEqual(new Set(Object.values(StaffRole)));
    expect(resources.some(({ resource }) => resource.capacity.taken < resource.capacity.places)).toBe(true);
    expect(resources.some(({ resource }) => resource.capacity.taken >= resource.capacity.places)).toBe(true);
    expect(workplaces.length).toBeGreaterThanOrEqual(12);
    expect(new Set(workplaces.map(({ workplace }) => workplace.municipalityCode)).size).toBeGreaterThanOrEqual(6);
  });
});
