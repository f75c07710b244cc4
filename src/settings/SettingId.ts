/** Ids of the settings every platform shares. They are part of the interface (docs, tests, admins): never rename one. */
export enum SettingId {
    AppSecret = 'app_secret',
    DefaultDepartment = 'default_department',
    DeliveryTimeoutSeconds = 'delivery_timeout_seconds',
    DeliveryMaxAgeHours = 'delivery_max_age_hours',
    DeliveryRetryBaseSeconds = 'delivery_retry_base_seconds',
    DeliveryRetryMaxSeconds = 'delivery_retry_max_seconds',
    FileLinkDays = 'file_link_days',
    AlertRoom = 'alert_room',
    MetricsToken = 'metrics_token',
    RetentionDays = 'retention_days',
}
