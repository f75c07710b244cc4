/** Rocket.Chat's own rule for a visitor's email (its "basic" validateEmail): something@something, no second @. */
const BASIC_EMAIL = /^[^@]+@[^@]+$/;

export function isEmailAddress(value: string): boolean {
    return BASIC_EMAIL.test(value.trim());
}
