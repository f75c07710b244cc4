import { takeUnexpectedHostErrors } from '../host/HostErrors';

/*
 * Runs with every test file (jest setupFilesAfterEnv): a test fails when the app raised an
 * exception in an event handler or a scheduler job that the test did not declare with
 * `host.errors.expect(…)`. Rocket.Chat only logs those; a test must not pass over them.
 */
function failOnUnexpected(): void {
    const report = takeUnexpectedHostErrors();
    if (report) {
        throw new Error(report);
    }
}

afterEach(failOnUnexpected);
afterAll(failOnUnexpected);
