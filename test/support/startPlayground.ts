import { FakePlatforms } from '../fakes/FakePlatforms';
import { FrontDoor } from '../host/FrontDoor';
import { addPlaygroundAccounts, setUpPlayground } from '../host/playgroundSetup';
import { RunningHost, startHost } from './startHost';

export interface RunningPlayground extends RunningHost {
    fakes: FakePlatforms;
    door: FrontDoor;
    /** `http://localhost:<port>`: the console and every API. */
    base: string;
    stop(): Promise<void>;
}

/**
 * What `npm start` runs, in this process on free ports: the fake platforms, the local Rocket.Chat
 * with its accounts and the app set up for every source (setUpPlayground), and the front door with the console.
 */
export async function startPlayground(): Promise<RunningPlayground> {
    const fakes = new FakePlatforms();
    await fakes.start({ rapidpro: 0, gitple: 0, chatday: 0, uchat: 0, closer: 0 });
    const running = await startHost();
    const door = new FrontDoor(running.host, () => running.appId, fakes);
    const base = `http://localhost:${await door.listen(0)}`;
    running.host.setServerSetting('Site_Url', base);
    addPlaygroundAccounts(running.host);
    await setUpPlayground(running.host, running.appId, fakes.origins());
    return {
        ...running,
        fakes,
        door,
        base,
        stop: async () => {
            await door.close();
            await running.host.stop();
            await fakes.stop();
        },
    };
}
