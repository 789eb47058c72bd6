export const CASES_CONFIG = Symbol('CASES_CONFIG');
