import { municipalityCodeByName, municipalityCodes, UnmatchedOrganisationReason, type MunicipalityCode, type MunicipalityName } from '@samverkan/contracts';

/** An organisation the directory knows, by the names a page may call it. */
export interface OrganisationNames {
  id: string;
  name: string;
  aliases?: readonly string[];
}

export type OrganisationMatch = { organisationId: string } | { organisationId: null; reason: UnmatchedOrganisationReason };

/** Legal forms a page may add or leave out: "Samhall AB" is Samhall, "Coompanion ek. för." is Coompanion. */
const legalFormSuffix = / (?:ab|publ|hb|kb|ek för|ekonomisk förening)$/;

/**
 * A name as it compares: case, dashes, punctuation, spacing and a trailing legal form do not
 * matter, "&" is "och". "Vuxenutbildning och arbetsmarknad - Jobbcentrum" is the same as
 * "Vuxenutbildning och Arbetsmarknad – Jobbcentrum".
 */
export function organisationNameKey(name: string): string {
  let key = name
    .normalize('NFC')
    .toLocaleLowerCase('sv-SE')
    .replaceAll('&', ' och ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  while (legalFormSuffix.test(key)) key = key.replace(legalFormSuffix, '');
  return key.replace(/^ab /, '');
}

/** Links names to known organisations; a name two organisations answer to links to neither. */
export function organisationMatcher(organisations: readonly OrganisationNames[]): (name: string) => OrganisationMatch {
  const idsByKey = new Map<string, Set<string>>();
  for (const organisation of organisations) {
    for (const name of [organisation.name, ...(organisation.aliases ?? [])]) {
      const key = organisationNameKey(name);
      if (key !== '') idsByKey.set(key, (idsByKey.get(key) ?? new Set()).add(organisation.id));
    }
  }
  return (name) => {
    const ids = [...(idsByKey.get(organisationNameKey(name)) ?? [])];
    if (ids.length === 1) return { organisationId: ids[0] as string };
    return { organisationId: null, reason: ids.length === 0 ? UnmatchedOrganisationReason.Unknown : UnmatchedOrganisationReason.Ambiguous };
  };
}

const codeByLowerCaseName = new Map<string, MunicipalityCode>(
  (Object.keys(municipalityCodeByName) as MunicipalityName[]).map((name) => [name.toLocaleLowerCase('sv-SE'), municipalityCodeByName[name]]),
);

/** The county as a page may name it under Kommun: every municipality of Örebro län. */
const wholeCounty = /^(?:hela )?(?:region )?örebro läns?$|^hela länet$/;

/**
 * The municipalities one name stands for: "Örebro", "Örebro kommun", "Lindesbergs kommun" (the
 * genitive), or "Örebro län" for all twelve. Null for a name that is none of them.
 */
export function municipalityCodesOf(name: string): MunicipalityCode[] | null {
  const key = name
    .normalize('NFC')
    .toLocaleLowerCase('sv-SE')
    .replace(/[.:]+$/, '')
    .replace(/ kommun(?:s|er|erna)?$/, '')
    .trim();
  if (wholeCounty.test(key)) return [...municipalityCodes];
  // Degerfors and Hällefors end in s as they are; Lindesbergs is Lindesberg's.
  const code = codeByLowerCaseName.get(key) ?? (key.endsWith('s') ? codeByLowerCaseName.get(key.slice(0, -1)) : undefined);
  return code ? [code] : null;
}

/** Codes in the order of the official list, each once. */
export function inCodeOrder(codes: Iterable<MunicipalityCode>): MunicipalityCode[] {
  const chosen = new Set(codes);
  return municipalityCodes.filter((code) => chosen.has(code));
}
