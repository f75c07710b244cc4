/** Ids of RapidPro's settings. They are part of the interface (docs, tests, admins): never rename one. */
export enum RapidProSetting {
    ApiToken = 'rapidpro_api_token',
    HistoryHours = 'rapidpro_history_hours',
    /** Hidden: the callback URL, copied here by PUT /settings so every instance keeps it in memory. */
    CallbackUrl = 'rapidpro_callback_url',
}
