import { describeProblem } from '../../src/status/describeProblem';
import { Effect, Problem } from '../../src/status/Problem';
import { en } from '../../src/texts/en';
import { es } from '../../src/texts/es';
import { ko } from '../../src/texts/ko';
import { ptBR } from '../../src/texts/ptBR';
import { textsFor } from '../../src/texts/textsFor';
import { th } from '../../src/texts/th';

describe('textsFor: the operator texts for a Rocket.Chat language code', () => {
    it.each([
        ['en', en], ['EN', en], ['es', es], ['es-MX', es], ['pt-BR', ptBR], ['pt', ptBR], ['pt-PT', ptBR],
        ['ko', ko], ['ko-KR', ko], ['th', th], ['de', en], ['', en], [undefined, en],
    ])('%s', (language, expected) => {
        expect(textsFor(language)).toBe(expected);
    });
});

describe('describeProblem in every language', () => {
    const effects: Array<Effect> = ['calls-refused', 'calls-refused-replies-not-sent', 'replies-not-sent', 'messages-not-read', 'bot-not-reached', 'no-bot-department', 'no-handover'];
    const problems: Array<Problem> = [
        ...effects.map((effect): Problem => ({ kind: 'empty-setting', setting: 'closer_reply_url', effect })),
        { kind: 'unknown-department', setting: 'closer_department', value: 'Sales' },
        { kind: 'not-connected', call: 'PUT /settings' },
        { kind: 'alert-room-missing', room: 'ops-alerts' },
        { kind: 'alert-room-not-a-channel', room: 'ops-alerts' },
        { kind: 'alert-room-refused', room: 'ops-alerts', error: 'room_is_archived', at: '2026-12-01T10:02:03.456Z' },
    ];

    it.each([['en', en], ['es', es], ['pt-BR', ptBR], ['ko', ko], ['th', th]])('%s names the setting and the department, never leaves a placeholder', (_language, texts) => {
        for (const problem of problems) {
            const text = describeProblem(problem, 'CLOSER', texts);
            expect(text.trim()).not.toBe('');
            expect(text).not.toMatch(/undefined|\$\{/);
            if ('setting' in problem) {
                expect(text).toContain(problem.setting);
            }
            if ('room' in problem) {
                expect(text).toContain('"ops-alerts"');
            }
            if (problem.kind === 'alert-room-refused') {
                expect(text).toContain('room_is_archived');
                expect(text).toContain('2026-12-01 10:02:03 UTC');
            }
            if (problem.kind === 'unknown-department') {
                expect(text).toContain('"Sales"');
            }
        }
    });

    it('words the English problems as status shows them', () => {
        expect(describeProblem({ kind: 'empty-setting', setting: 'closer_reply_url', effect: 'replies-not-sent' }, 'CLOSER', en)).toBe('closer_reply_url is empty: replies cannot be sent');
        expect(describeProblem({ kind: 'unknown-department', setting: 'closer_department', value: 'Sales' }, 'CLOSER', en)).toBe('closer_department names "Sales", which is not a department');
    });
});
