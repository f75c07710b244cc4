import { IVisitor } from '@rocket.chat/apps-engine/definition/livechat/IVisitor';

import { HostStore } from './HostStore';
import { randomId } from './ids';

/** What Rocket.Chat's app bridge hands `registerGuest` (apps/meteor/app/apps/server/bridges/livechat.ts, createVisitor / createAndReturnVisitor). */
export interface GuestRegistration {
    token: string;
    id?: string;
    name?: string;
    username?: string;
    department?: string;
    phone?: string;
    email?: string;
}

/** Rocket.Chat's basic email rule (apps/meteor/lib/emailValidator.ts, `validateEmail` style "basic"). */
const BASIC_EMAIL = /^[^@]+@[^@]+$/;

/** The app bridge passes only the first phone and the first email of the visitor the app built. */
export function registrationOf(visitor: IVisitor): GuestRegistration {
    return {
        token: visitor.token,
        id: visitor.id,
        name: visitor.name,
        username: visitor.username,
        department: visitor.department,
        phone: visitor.phone?.[0]?.phoneNumber,
        email: visitor.visitorEmails?.[0]?.address,
    };
}

/**
 * Rocket.Chat's registerGuest (apps/meteor/app/livechat/server/lib/Visitors.ts in 7.x,
 * LivechatTyped.ts in 6.x). The visitor with the token is updated; when none has it, the
 * visitor with the same **phone** is reused and keeps its **own** token (the caller gets a
 * visitor whose token is not the one asked for); else the one with the same **email** is
 * reused and its token is **overwritten** with the new one (its earlier holder loses it).
 * An email that fails the basic rule throws `error-invalid-email` (Helper.ts validateEmail;
 * the newest servers store it unchecked). An unknown department throws `error-invalid-department`.
 * Changes are made on the stored visitor itself, so rooms see the current record, as the
 * app sees them (the room converter reads the visitor by id).
 */
export function registerGuest(store: HostStore, guest: GuestRegistration): IVisitor & { id: string } {
    if (!guest.token) {
        throw new Error('error-invalid-token');
    }
    const update: Partial<IVisitor> = { token: guest.token };
    if (guest.phone) {
        update.phone = [{ phoneNumber: guest.phone }];
    }
    if (guest.name) {
        update.name = guest.name;
    }
    if (guest.email) {
        const address = guest.email.trim().toLowerCase();
        if (!BASIC_EMAIL.test(address)) {
            throw new Error('error-invalid-email');
        }
        update.visitorEmails = [{ address }];
    }
    const byToken = store.visitorByToken(guest.token) as (IVisitor & { id: string }) | undefined;
    if (guest.department && byToken?.department !== guest.department) {
        const department = store.departmentByIdOrName(guest.department);
        if (!department) {
            throw new Error('error-invalid-department');
        }
        update.department = department.id;
    }
    let reused = byToken;
    if (!reused && guest.phone) {
        reused = store.visitorByPhone(guest.phone) as (IVisitor & { id: string }) | undefined;
        if (reused) {
            // "Don't change token when matching by phone number, use current visitor token"
            update.token = reused.token;
        }
    }
    if (!reused && guest.email) {
        reused = store.visitorByEmail(guest.email) as (IVisitor & { id: string }) | undefined;
    }
    if (reused) {
        Object.assign(reused, update, { updatedAt: new Date() });
        store.saveVisitor(reused);
        return reused;
    }
    const username = guest.username || `guest-${store.visitors.size + 1}`;
    const created = { ...update, id: guest.id || randomId(), username, name: update.name ?? username, updatedAt: new Date() } as IVisitor & { id: string };
    store.saveVisitor(created);
    return created;
}
