/** RapidPro's source id (stored on its links and outbox items) and its name as people write it. */
export const RAPIDPRO_SOURCE = 'rapidpro';
export const RAPIDPRO_LABEL = 'RapidPro';
