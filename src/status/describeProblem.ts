import { OperatorTexts } from '../texts/OperatorTexts';
import { Problem } from './Problem';

/** A configuration problem in words, e.g. `<platform>_reply_url is empty: <Platform>'s calls are refused and replies cannot be sent`. */
export function describeProblem(problem: Problem, platform: string, texts: OperatorTexts): string {
    switch (problem.kind) {
        case 'empty-setting':
            return texts.emptySetting(problem.setting, texts.effect[problem.effect](platform));
        case 'unknown-department':
            return texts.unknownDepartment(problem.setting, problem.value);
        case 'not-connected':
            return texts.notConnected(platform, problem.call);
    }
}
