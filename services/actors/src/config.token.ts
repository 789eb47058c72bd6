export const ACTORS_CONFIG = Symbol('ACTORS_CONFIG');
