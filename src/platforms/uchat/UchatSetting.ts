/** Ids of UChat's settings. They are part of the interface (docs, tests, admins): never rename one. */
export enum UchatSetting {
    Enabled = 'uchat_enabled',
    VerificationKey = 'uchat_verification_key',
    BotUrl = 'uchat_bot_url',
    FlowApiKey = 'uchat_flow_api_key',
    Department = 'uchat_department',
    HandoverDepartment = 'uchat_handover_department',
    HandoverPayloads = 'uchat_handover_payloads',
    PartnerApiUrl = 'uchat_partner_api_url',
    PartnerApiKey = 'uchat_partner_api_key',
    WorkspaceId = 'uchat_workspace_id',
}
