import { builtAppPackage } from '../host/appPackage';
import { LocalRocketChat } from '../host/LocalRocketChat';

export interface RunningHost {
    host: LocalRocketChat;
    appId: string;
}

/** A started local Rocket.Chat with the packaged app installed and enabled. */
export async function startHost(siteUrl?: string, instances = 1): Promise<RunningHost> {
    const host = new LocalRocketChat({ siteUrl, instances });
    await host.start();
    const appId = await host.install(builtAppPackage());
    return { host, appId };
}
