export const LEARNING_CONFIG = Symbol('LEARNING_CONFIG');
