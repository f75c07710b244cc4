import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';

import { RoundTripCounter } from '../test/host/RoundTripCounter';
import { ageInstallationSecret } from '../test/support/ageInstallationSecret';
import { RapidProWorld, SECRET } from '../test/support/RapidProWorld';
import { FinishedConversationsFootprint, measureFinishedConversations } from './finishedConversations';
import { installLimit } from './installLimit';
import { packageBenchApp } from './packageBenchApp';
import { denoRssKb, LatencySummary, load, sequentialInterleaved, summarize } from './stats';

/**
 * `npm run bench`: throughput, latency and memory of the app in the local Rocket.Chat, with
 * the engine's own floor (a no-op endpoint of a tiny app in the same host) for comparison.
 * Prints a table and writes bench/results.json. It measures; it never fails on speed.
 */

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROOM_LEVELS = (process.env.BENCH_ROOM_LEVELS ?? '10,1000,10000').split(',').map(Number);

function post(url: string, body: unknown, method = 'POST'): Promise<number> {
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
        const req = http.request(url, { method, agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Token ${SECRET}` } }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(payload);
    });
}

async function expectStatus(call: Promise<number>, wanted: number): Promise<void> {
    const status = await call;
    if (status !== wanted) {
        throw new Error(`expected HTTP ${wanted}, got ${status}`);
    }
}

function persistenceFootprint(world: RapidProWorld): { records: number; bytes: number } {
    const records = [...world.host.store.persistence.values()].filter((record) => record.appId === world.appId);
    return { records: records.length, bytes: records.reduce((sum, record) => sum + Buffer.byteLength(JSON.stringify(record.data)) + Buffer.byteLength(JSON.stringify(record.associations)), 0) };
}

async function main(): Promise<void> {
    const world = new RapidProWorld();
    await world.start();
    const tinyId = await world.host.install(packageBenchApp('tiny-app', 'TinyApp.ts'));
    const front = world.base.replace(world.appId, '');
    let ticket = 0;
    const openTicket = () => expectStatus(post(`${world.base}/room`, { ticketID: `bench-${++ticket}`, visitor: { token: `b${ticket}`, name: `Bench ${ticket}` } }), 201);
    const results: Record<string, unknown> = { when: new Date().toISOString(), node: process.version, concurrency: CONCURRENCY };
    const counter = RoundTripCounter.install();
    const roundTrips: Record<string, number> = {};
    /** Engine round trips of the app per unit of `work`, once the events it caused are handled. */
    const perUnit = async (label: string, units: number, work: () => Promise<unknown>): Promise<void> => {
        await world.host.events.settle();
        const before = counter.total();
        await work();
        await world.host.events.settle();
        roundTrips[label] = Math.round(((counter.total() - before) / units) * 10) / 10;
    };

    // The first ticket makes the installation secret; then the installation is as old as any in use.
    await openTicket();
    ageInstallationSecret(world.host);

    const perLevel: Record<string, LatencySummary & { openRooms: number }> = {};
    for (const level of ROOM_LEVELS) {
        const missing = level - world.host.store.openRoomsCount();
        if (missing > 0) {
            await load(missing, CONCURRENCY, openTicket);
        }
        const tokens = Array.from({ length: Math.min(50, ticket) }, (_, i) => `b${ticket - i * Math.max(1, Math.floor(ticket / 50))}`).filter((candidate) => world.openRoomOf(candidate) !== undefined);
        let summary: LatencySummary | undefined;
        await perUnit(`visitor message at ${level} open rooms`, 200, async () => {
            summary = await load(200, 4, (i) => expectStatus(post(`${world.base}/visitor-message`, { visitor: { token: tokens[i % tokens.length] }, text: `at ${level}` }), 201));
        });
        perLevel[String(level)] = { ...summary!, openRooms: world.host.store.openRoomsCount() };
        process.stdout.write(`  … ${level} open rooms measured\n`);
    }
    results.visitorMessageByOpenRooms = perLevel;

    const floor = await load(500, CONCURRENCY, () => expectStatus(post(`${front}${tinyId}/noop`, {}), 201));
    let rooms!: LatencySummary;
    await perUnit('open ticket (/room)', 300, async () => {
        rooms = await load(300, CONCURRENCY, openTicket);
    });
    await openTicket();
    const token = `b${ticket}`;
    let messages!: LatencySummary;
    await perUnit('visitor message (/visitor-message and its IPostMessageSent)', 500, async () => {
        messages = await load(500, CONCURRENCY, (i) => expectStatus(post(`${world.base}/visitor-message`, { visitor: { token }, text: `message ${i}` }), 201));
    });
    results.engineFloorNoop = floor;
    results.openTicket = { ...rooms, ratioToFloorP50: Math.round((rooms.p50ms / floor.p50ms) * 10) / 10 };
    results.visitorMessage = { ...messages, ratioToFloorP50: Math.round((messages.p50ms / floor.p50ms) * 10) / 10 };
    const roomId = world.openRoomOf(token)!.id;
    const deliveries: Array<number> = [];
    await perUnit('agent reply to delivered (outbox, lane, POST)', 30, async () => {
        for (let i = 0; i < 30; i++) {
            const before = world.rapidpro.received.length;
            const t0 = process.hrtime.bigint();
            world.host.agentMessage(roomId, 'agent', `reply ${i}`);
            while (world.rapidpro.received.length === before) {
                await new Promise((resolve) => setImmediate(resolve));
            }
            deliveries.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
        await world.outboxIdle();
    });
    results.agentReplyToCallback = summarize(deliveries, deliveries.reduce((sum, ms) => sum + ms, 0));
    results.roundTripsPerUnit = roundTrips;

    const before = persistenceFootprint(world);
    for (let i = 0; i < 100; i++) {
        await openTicket();
    }
    const after = persistenceFootprint(world);
    results.persistencePerOpenConversation = { records: (after.records - before.records) / 100, bytes: Math.round((after.bytes - before.bytes) / 100) };
    results.finishedConversations = await measureFinishedConversations(world, counter, 100);

    const memory = process.memoryUsage();
    results.memory = { hostRssMb: Math.round(memory.rss / 1048576), hostHeapUsedMb: Math.round(memory.heapUsed / 1048576), denoRuntimesRssMb: Math.round(denoRssKb() / 1024) };

    // One call at a time, last, in alternating rounds (each the best of 3 after a warm-up): the app's
    // throughput as a share of the engine floor's and of the limit's (an app that does the least any
    // app can), measured under the same conditions.
    const limitMessage = await installLimit(world, (url, body) => expectStatus(post(url, body), 201));
    const best = await sequentialInterleaved(300, 3, {
        floor: () => expectStatus(post(`${front}${tinyId}/noop`, {}), 201),
        tickets: (i) => expectStatus(post(`${world.base}/visitor-message`, { visitor: { token }, text: `one at a time ${i}` }), 201),
        limit: limitMessage,
    });
    const [floorSequential, messagesSequential, limitSequential] = [best.floor, best.tickets, best.limit];
    const share = (part: number, whole: number) => Math.round((part / whole) * 100) / 100;
    results.sequential = {
        floorPerSecond: floorSequential.requestsPerSecond,
        limitPerSecond: limitSequential.requestsPerSecond,
        visitorMessagePerSecond: messagesSequential.requestsPerSecond,
        shareOfFloor: share(messagesSequential.requestsPerSecond, floorSequential.requestsPerSecond),
        limitShareOfFloor: share(limitSequential.requestsPerSecond, floorSequential.requestsPerSecond),
        shareOfLimit: share(messagesSequential.requestsPerSecond, limitSequential.requestsPerSecond),
    };

    await world.stop();
    agent.destroy();
    print(results);
    fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`\nWritten to ${path.relative(process.cwd(), path.join(__dirname, 'results.json'))}\n`);
}

function print(results: Record<string, unknown>): void {
    const row = (name: string, s: LatencySummary, extra = '') => `${name.padEnd(34)} ${String(s.requestsPerSecond).padStart(8)} ${String(s.p50ms).padStart(8)} ${String(s.p95ms).padStart(8)} ${String(s.p99ms).padStart(8)} ${String(s.maxMs).padStart(8)}  ${extra}`;
    const lines = [`\n${'measure'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`];
    const floor = results.engineFloorNoop as LatencySummary;
    lines.push(row('engine floor: tiny app no-op', floor));
    const room = results.openTicket as LatencySummary & { ratioToFloorP50: number };
    lines.push(row('/room (new ticket)', room, `×${room.ratioToFloorP50} floor p50`));
    const message = results.visitorMessage as LatencySummary & { ratioToFloorP50: number };
    lines.push(row('/visitor-message', message, `×${message.ratioToFloorP50} floor p50`));
    lines.push(row('agent reply → RapidPro callback', results.agentReplyToCallback as LatencySummary, '(sequential)'));
    const sequential = results.sequential as { floorPerSecond: number; limitPerSecond: number; visitorMessagePerSecond: number; shareOfFloor: number; limitShareOfFloor: number; shareOfLimit: number };
    lines.push('', 'One at a time (a contact message each; the floor a no-op):');
    lines.push(`  engine floor (tiny app no-op)                     ${sequential.floorPerSecond} req/s`);
    lines.push(`  limit (UNSAFE BY DESIGN: tickets in memory only)  ${sequential.limitPerSecond} req/s = ${sequential.limitShareOfFloor} of the floor`);
    lines.push(`  Tickets /visitor-message                          ${sequential.visitorMessagePerSecond} req/s = ${sequential.shareOfLimit} of the limit, ${sequential.shareOfFloor} of the floor`, '');
    for (const [level, summary] of Object.entries(results.visitorMessageByOpenRooms as Record<string, LatencySummary>)) {
        lines.push(row(`/visitor-message @ ${level} open rooms`, summary));
    }
    const footprint = results.persistencePerOpenConversation as { records: number; bytes: number };
    lines.push(`\npersistence per open conversation: ${footprint.records} records, ${footprint.bytes} bytes`);
    const finished = results.finishedConversations as FinishedConversationsFootprint;
    lines.push(`persistence per finished conversation (opened, 3 contact messages, 2 replies delivered, closed): ${finished.beforePurge.records} records, ${finished.beforePurge.bytes} bytes until retention_days after its close; ${finished.afterPurge.records} records, ${finished.afterPurge.bytes} bytes after the retention job (${finished.purgeRoundTrips} round trips per conversation forgotten)`);
    const memory = results.memory as Record<string, number>;
    lines.push(`memory: host RSS ${memory.hostRssMb} MB (heap ${memory.hostHeapUsedMb} MB), Deno runtimes RSS ${memory.denoRuntimesRssMb} MB`);
    lines.push('', 'Engine round trips of the app (accessor and bridge calls; each a database query on a real server):');
    for (const [label, count] of Object.entries(results.roundTripsPerUnit as Record<string, number>)) {
        lines.push(`  ${label.padEnd(64)} ${count}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
});
