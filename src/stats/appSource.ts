/** The source that counts refusals of the app's own endpoints (status, outbox.retry, metrics, file links), which belong to no platform. */
export const APP_SOURCE = 'app';
