import { IUpload } from '@rocket.chat/apps-engine/definition/uploads';
import { UploadBridge } from '@rocket.chat/apps-engine/server/bridges/UploadBridge';

import { HostStore, StoredUpload } from '../HostStore';

export class HostUploadBridge extends UploadBridge {
    constructor(private readonly store: HostStore) {
        super();
    }

    protected async getById(id: string): Promise<IUpload> {
        const upload = this.store.uploads.get(id);
        if (!upload) {
            throw new Error(`upload ${id} not found`);
        }
        return this.toUpload(upload);
    }

    protected async getBuffer(upload: IUpload): Promise<Buffer> {
        const stored = this.store.uploads.get(upload.id);
        if (!stored) {
            throw new Error(`upload ${upload.id} not found`);
        }
        return stored.data;
    }

    protected async createUpload(): Promise<IUpload> {
        throw new Error('apps cannot upload files in the local host');
    }

    private toUpload(upload: StoredUpload): IUpload {
        return {
            id: upload.id,
            name: upload.name,
            size: upload.size,
            type: upload.type,
            store: 'memory',
            complete: true,
            uploading: false,
            extension: upload.name.split('.').pop() ?? '',
            progress: 1,
            user: this.store.users.get(upload.userId)!,
            room: this.store.rooms.get(upload.roomId)!,
            updatedAt: new Date(),
            url: `/file-upload/${upload.id}/${encodeURIComponent(upload.name)}`,
        } as unknown as IUpload;
    }
}
