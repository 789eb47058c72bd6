/** What messaging keeps in the CLS context besides the correlation id (which is the CLS id). */
export const CausationIdKey = 'samverkan.causationId';
