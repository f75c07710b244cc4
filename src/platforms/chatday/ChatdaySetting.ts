/** Ids of Chatday's settings. They are part of the interface (docs, tests, admins): never rename one. */
export enum ChatdaySetting {
    Enabled = 'chatday_enabled',
    Token = 'chatday_token',
    RegisterUrl = 'chatday_register_url',
    SendUrl = 'chatday_send_url',
    SignatureToken = 'chatday_signature_token',
    Department = 'chatday_department',
}
