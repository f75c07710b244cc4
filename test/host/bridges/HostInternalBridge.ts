import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { InternalBridge } from '@rocket.chat/apps-engine/server/bridges/InternalBridge';

import { HostStore } from '../HostStore';

export class HostInternalBridge extends InternalBridge {
    constructor(private readonly store: HostStore) {
        super();
    }

    protected async getUsernamesOfRoomById(roomId: string): Promise<Array<string>> {
        return this.getUsernamesOfRoomByIdSync(roomId);
    }

    protected getUsernamesOfRoomByIdSync(roomId: string): Array<string> {
        return this.store.rooms.get(roomId)?.usernames ?? [];
    }

    protected async getWorkspacePublicKey(): Promise<ISetting> {
        return { id: 'Cloud_Workspace_PublicKey', packageValue: '', value: '', type: 'string', required: false, public: false, i18nLabel: '' } as ISetting;
    }
}
