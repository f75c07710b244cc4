import { HostApiError } from './HostApiError';
import { HostBody } from './parseHostBody';

export type HostInput = Record<string, unknown>;

/** The body as a JSON object, or a 400 naming what is wrong with it. */
export function bodyObject(body: HostBody): HostInput {
    if (!body.ok) {
        throw HostApiError.badRequest(body.error);
    }
    if (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value)) {
        throw HostApiError.badRequest('the body must be a JSON object');
    }
    return body.value as HostInput;
}

export function optionalString(input: HostInput, field: string): string | undefined {
    const value = input[field];
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== 'string') {
        throw HostApiError.badRequest(`"${field}" must be a string`);
    }
    return value;
}

export function requiredString(input: HostInput, field: string): string {
    const value = optionalString(input, field);
    if (value === undefined || value.trim() === '') {
        throw HostApiError.badRequest(`"${field}" is required (a non-empty string)`);
    }
    return value;
}

export function optionalBoolean(input: HostInput, field: string): boolean | undefined {
    const value = input[field];
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== 'boolean') {
        throw HostApiError.badRequest(`"${field}" must be true or false`);
    }
    return value;
}

export function optionalArray(input: HostInput, field: string): Array<unknown> | undefined {
    const value = input[field];
    if (value === undefined || value === null) {
        return undefined;
    }
    if (!Array.isArray(value)) {
        throw HostApiError.badRequest(`"${field}" must be an array`);
    }
    return value;
}

/** A query parameter that must be one of `allowed` when given. */
export function queryChoice<T extends string>(query: URLSearchParams, name: string, allowed: ReadonlyArray<T>): T | undefined {
    const value = query.get(name);
    if (value === null) {
        return undefined;
    }
    if (!(allowed as ReadonlyArray<string>).includes(value)) {
        throw HostApiError.badRequest(`query parameter "${name}" must be one of ${allowed.join(', ')}`);
    }
    return value as T;
}

/** A positive whole number query parameter, at most `max`, or `fallback` when absent. */
export function queryCount(query: URLSearchParams, name: string, fallback: number, max: number): number {
    const value = query.get(name);
    if (value === null) {
        return fallback;
    }
    const count = Number(value);
    if (!Number.isInteger(count) || count < 1 || count > max) {
        throw HostApiError.badRequest(`query parameter "${name}" must be a whole number from 1 to ${max}`);
    }
    return count;
}

/** Runs a Rocket.Chat operation whose refusals (thrown errors) Rocket.Chat's REST API answers 400 with the error. */
export function refusedAs400<T>(operation: () => T): T {
    try {
        return operation();
    } catch (error) {
        throw HostApiError.badRequest(error instanceof Error ? error.message : String(error));
    }
}
