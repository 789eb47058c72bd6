/** Örebro kommun in the seeded directory: its id is derived from its name, the same on every run. */
export const orebroKommunId = '00e6c329-388f-5807-a9b8-5fe68cae2cb6';
