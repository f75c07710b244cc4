import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

/**
 * Whether departments exist, each name looked up once per status (one engine round trip per
 * distinct department setting, however many rooms there are).
 */
export class DepartmentLookup {
    private readonly known = new Map<string, Promise<boolean>>();

    constructor(private readonly read: IRead) {}

    public exists(idOrName: string): Promise<boolean> {
        let found = this.known.get(idOrName);
        if (!found) {
            found = this.read.getLivechatReader().getLivechatDepartmentByIdOrName(idOrName).then((department) => Boolean(department));
            this.known.set(idOrName, found);
        }
        return found;
    }
}
