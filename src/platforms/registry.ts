import { chatday } from './chatday/index';
import { closer } from './closer/index';
import { gitple } from './gitple/index';
import { Platform } from './Platform';
import { rapidpro } from './rapidpro/index';
import { uchat } from './uchat/index';

/** Every platform the app serves, one line each, in the order the admin and the status list them. */
export const PLATFORMS: ReadonlyArray<Platform> = [rapidpro, gitple, chatday, uchat, closer];

const BY_SOURCE = new Map(PLATFORMS.map((platform) => [platform.source, platform]));

export function platformOf(source: string): Platform | undefined {
    return BY_SOURCE.get(source);
}

/** Every source that sends outbound deliveries (each has its own delivery lane). */
export const OUTBOUND_SOURCES: ReadonlyArray<string> = PLATFORMS.filter((platform) => platform.outbound).map((platform) => platform.source);
