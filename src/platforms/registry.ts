import { chatday } from './chatday';
import { closer } from './closer';
import { gitple } from './gitple';
import { Platform } from './Platform';
import { rapidpro } from './rapidpro';
import { uchat } from './uchat';

/** Every platform the app serves, one line each, in the order the admin and the status list them. */
export const PLATFORMS: ReadonlyArray<Platform> = [rapidpro, gitple, chatday, uchat, closer];

const BY_SOURCE = new Map(PLATFORMS.map((platform) => [platform.source, platform]));

export function platformOf(source: string): Platform | undefined {
    return BY_SOURCE.get(source);
}

/** Every source that sends outbound deliveries (each has its own delivery lane). */
export const OUTBOUND_SOURCES: ReadonlyArray<string> = PLATFORMS.filter((platform) => platform.outbound).map((platform) => platform.source);
