import puppeteer, { Browser, ElementHandle, Page } from 'puppeteer-core';

import { findChromium } from './chromium';

/** How long one step in the page may take before the test fails. */
const STEP_MS = 15000;

/**
 * Headless Chromium (the machine's, or the one npm ci brought: see findChromium) driven by puppeteer-core, on the
 * playground's console. Only requests to the playground itself go out: any other address is
 * refused, so a page never reaches beyond this machine. The page's own errors (an exception, a
 * console error, a failed request of the console's own) are collected for the test to check.
 */
export class ConsoleBrowser {
    public readonly pageErrors: Array<string> = [];
    private constructor(private readonly browser: Browser, public readonly page: Page) {}

    public static async open(base: string, viewport = { width: 1280, height: 900 }): Promise<ConsoleBrowser> {
        const chromium = await findChromium();
        const browser = await puppeteer.launch({
            executablePath: chromium.executablePath,
            headless: true,
            // Chromium refuses to start its sandbox as root (CI runs as root), and npm's build has no
            // sandbox helper; the page is our own console. Nothing may call beyond this machine.
            args: [
                ...(process.getuid?.() === 0 || chromium.origin === 'npm' ? ['--no-sandbox'] : []),
                '--disable-gpu', '--no-first-run', '--lang=en-US', '--disable-background-networking', '--disable-component-update', '--disable-sync',
            ],
            timeout: 30000,
            protocolTimeout: 60000,
        });
        const page = await browser.newPage();
        const session = new ConsoleBrowser(browser, page);
        page.setDefaultTimeout(STEP_MS);
        await page.setViewport(viewport);
        await page.setRequestInterception(true);
        page.on('request', (request) => {
            const url = request.url();
            if (url.startsWith(base) || url.startsWith('data:')) {
                void request.continue();
            } else {
                session.pageErrors.push(`a request beyond the playground was refused: ${url}`);
                void request.abort('blockedbyclient');
            }
        });
        page.on('pageerror', (error) => session.pageErrors.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
        page.on('console', (message) => {
            // Chromium also reports every HTTP error status a fetch got ("Failed to load resource"): the console shows those itself.
            if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
                session.pageErrors.push(`console error: ${message.text()}`);
            }
        });
        await page.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
        await page.waitForSelector('body[data-ready="true"]');
        return session;
    }

    public async tab(name: string): Promise<void> {
        await this.page.click(`.tabs button[data-tab="${name}"]`);
        await this.page.waitForSelector(`#tab-${name}:not([hidden])`);
    }

    /** Replaces what an input holds with `text`, typed as a person types it. */
    public async type(selector: string, text: string): Promise<void> {
        const field = await this.page.waitForSelector(selector);
        await field!.click({ count: 3 });
        await field!.evaluate((element) => {
            (element as HTMLInputElement).value = '';
        });
        await field!.type(text);
    }

    /**
     * Clicks the element once it is visible. The console re-renders its lists as they refresh, so
     * the element found may be replaced before the click reaches it: puppeteer then refuses with
     * "Node is detached from document" before clicking anything, and the element is found again.
     */
    public async click(selector: string): Promise<void> {
        for (let attempt = 1; ; attempt++) {
            const element = await this.page.waitForSelector(selector, { visible: true });
            try {
                await element!.click();
                return;
            } catch (error) {
                if (attempt >= 5 || !String(error).includes('detached')) {
                    throw error;
                }
            }
        }
    }

    /** The first element matching `selector` whose text contains `text`, once there is one. */
    public async waitForText(selector: string, text: string, timeout = STEP_MS): Promise<ElementHandle<Element>> {
        const handle = await this.page.waitForFunction((css, wanted) => Array.from(document.querySelectorAll(css)).find((element) => (element.textContent ?? '').includes(wanted)), { timeout }, selector, text);
        return handle as ElementHandle<Element>;
    }

    public async texts(selector: string): Promise<Array<string>> {
        return this.page.$$eval(selector, (elements) => elements.map((element) => (element.textContent ?? '').trim()));
    }

    public async screenshot(path: string): Promise<void> {
        await this.page.screenshot({ path: path as `${string}.png`, fullPage: false });
    }

    public async close(): Promise<void> {
        await this.browser.close();
    }
}
