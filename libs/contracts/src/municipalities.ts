/** The twelve municipalities of Örebro län with their official codes (county code 18). */
export const municipalities = {
  '1814': 'Lekeberg',
  '1860': 'Laxå',
  '1861': 'Hallsberg',
  '1862': 'Degerfors',
  '1863': 'Hällefors',
  '1864': 'Ljusnarsberg',
  '1880': 'Örebro',
  '1881': 'Kumla',
  '1882': 'Askersund',
  '1883': 'Karlskoga',
  '1884': 'Nora',
  '1885': 'Lindesberg',
} as const;

export type MunicipalityCode = keyof typeof municipalities;
export const municipalityCodes = Object.keys(municipalities) as MunicipalityCode[];

export type MunicipalityName = (typeof municipalities)[MunicipalityCode];

/** The code of each municipality by its official name as `municipalities` gives it ("Örebro" → 1880). */
export const municipalityCodeByName = Object.fromEntries(Object.entries(municipalities).map(([code, name]) => [name, code])) as Record<
  MunicipalityName,
  MunicipalityCode
>;
