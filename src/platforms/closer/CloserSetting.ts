/** Ids of CLOSER's settings. They are part of the interface (docs, tests, admins): never rename one. */
export enum CloserSetting {
    Enabled = 'closer_enabled',
    WebhookToken = 'closer_webhook_token',
    ReplyUrl = 'closer_reply_url',
    ReplySecret = 'closer_reply_secret',
    Department = 'closer_department',
    MirrorOutsideHandover = 'closer_mirror_outside_handover',
}
