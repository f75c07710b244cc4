/** A file a platform sent by URL (no bytes travel through the app). */
export interface RemoteFile {
    url: string;
    mimeType: string;
    name?: string;
}
