export const FAKE_PLATFORMS = ['rapidpro', 'gitple', 'chatday', 'uchat', 'closer'] as const;
export type FakePlatformName = typeof FAKE_PLATFORMS[number];

/**
 * The fixed ports of the fake platforms: `FAKE_PLATFORMS_PORT` (default 3001) for RapidPro, then
 * one up for each platform in FAKE_PLATFORMS order (Gitple 3002, Chatday 3003, UChat 3004, CLOSER
 * 3005). `npm start` and `npm run fake-platforms` read the same variable, so they agree.
 */
export function fakePlatformPorts(env: NodeJS.ProcessEnv = process.env): Record<FakePlatformName, number> {
    const base = Number(env.FAKE_PLATFORMS_PORT ?? 3001);
    if (!Number.isInteger(base) || base < 1 || base > 65535 - FAKE_PLATFORMS.length) {
        throw new Error(`FAKE_PLATFORMS_PORT must be a port number, not ${env.FAKE_PLATFORMS_PORT}`);
    }
    return Object.fromEntries(FAKE_PLATFORMS.map((name, index) => [name, base + index])) as Record<FakePlatformName, number>;
}

/** Where each fake platform listens (loopback), by name. */
export function fakePlatformOrigins(env: NodeJS.ProcessEnv = process.env): Record<FakePlatformName, string> {
    const ports = fakePlatformPorts(env);
    return Object.fromEntries(FAKE_PLATFORMS.map((name) => [name, `http://127.0.0.1:${ports[name]}`])) as Record<FakePlatformName, string>;
}
