// Live updates: the server's change feed (GET /host/events, server-sent events) names what changed;
// each part of the console reads that part again.
import { $ } from './dom.js';

const listeners = new Map();

/** Calls `refresh` when one of `topics` changed (rooms, omnichannel, settings, logs, receivers), at most every 200 ms. */
export function onChange(topics, refresh) {
    let timer;
    let running = false;
    let again = false;
    const run = async () => {
        if (running) {
            again = true;
            return;
        }
        running = true;
        try {
            await refresh();
        } finally {
            running = false;
            if (again) {
                again = false;
                schedule();
            }
        }
    };
    const schedule = () => {
        clearTimeout(timer);
        timer = setTimeout(run, 200);
    };
    for (const topic of topics) {
        if (!listeners.has(topic)) {
            listeners.set(topic, []);
        }
        listeners.get(topic).push(schedule);
    }
    return schedule;
}

/** Opens the feed; the browser reconnects by itself after the server restarts. */
export function connect() {
    const badge = $('#live');
    const source = new EventSource('/host/events');
    source.addEventListener('open', () => {
        badge.textContent = 'live';
        badge.classList.add('on');
    });
    source.addEventListener('error', () => {
        badge.textContent = 'reconnecting…';
        badge.classList.remove('on');
    });
    source.addEventListener('change', (event) => {
        const { topics } = JSON.parse(event.data);
        const due = new Set(topics.flatMap((topic) => listeners.get(topic) ?? []));
        for (const schedule of due) {
            schedule();
        }
    });
}
