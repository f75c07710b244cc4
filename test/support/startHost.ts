import { builtAppPackage } from '../host/appPackage';
import { LocalRocketChat } from '../host/LocalRocketChat';

export interface RunningHost {
    host: LocalRocketChat;
    appId: string;
}

/** A started local Rocket.Chat with the packaged app installed and enabled. */
export async function startHost(siteUrl?: string): Promise<RunningHost> {
    const host = new LocalRocketChat(siteUrl);
    await host.start();
    const appId = await host.install(builtAppPackage());
    return { host, appId };
}
