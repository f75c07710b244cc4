/** Ids of Gitple's settings. They are part of the interface (docs, tests, admins): never rename one. */
export enum GitpleSetting {
    Enabled = 'gitple_enabled',
    EventSecret = 'gitple_event_secret',
    AppCode = 'gitple_app_code',
    ApiSecret = 'gitple_api_secret',
    ApiUrl = 'gitple_api_url',
    Department = 'gitple_department',
}
