import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { lint } from '../../playground/src/lint.js';
import { DEFAULT_RULES } from '../../playground/src/rules-info.js';
import { examplesDir, makeTempDir, repoRoot, runOk } from '../integration/helpers.js';

/**
 * The playground in a real browser: the page `npm run playground` builds, served by
 * `npm run playground:serve`'s server, in Debian's Chromium driven by playwright-core (which never
 * downloads a browser of its own). Only requests to the page's own server are let through, so the
 * page is shown to work offline. A screenshot of a report with a quick fix's diff is kept in
 * .artifacts/ (git-ignored).
 *
 * Where no Chromium is installed this is the one test that is skipped, and the run says so.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Skipping the playground's browser test: no Chromium at ${CHROMIUM}. Install it with: ${INSTALL}`);
}

const ARTIFACTS = path.join(repoRoot, '.artifacts');
/** How long to wait for the page to lint again: the worker's first lint waits for it to load, on a busy machine too. */
const POLL = { timeout: 30_000, interval: 100 };

/** A class whose constructor starts async work, typed key by key; the editor indents and closes brackets. */
const TYPED = `class Db {
  constructor(url) {
    this.connect(url);
  }
  async connect(url) {}
}`;

describe.skipIf(!hasChromium)('the playground in Chromium', () => {
  let temp = { dir: '', remove: (): void => {} };
  let server: ChildProcess | undefined;
  let url = '';
  let context: BrowserContext;
  let page: Page;
  const blocked: string[] = [];
  const errors: string[] = [];
  const started = performance.now();
  let buildSeconds = 0;

  beforeAll(async () => {
    temp = makeTempDir('playground');
    const dist = path.join(temp.dir, 'dist');
    const buildStarted = performance.now();
    await runOk(process.execPath, [path.join(repoRoot, 'playground/build.js'), '--outdir', dist, '--no-sourcemap'], { cwd: repoRoot });
    buildSeconds = (performance.now() - buildStarted) / 1000;

    server = spawn(process.execPath, [path.join(repoRoot, 'playground/serve.js'), '--root', dist, '--port', '0'], { cwd: repoRoot });
    url = await new Promise<string>((resolve, reject) => {
      server?.once('exit', (code) => reject(new Error(`playground/serve.js exited with ${code}`)));
      createInterface({ input: server!.stdout! }).on('line', (line) => {
        const found = /https?:\/\/\S+\//u.exec(line)?.[0];
        if (found) {
          resolve(found);
        }
      });
    });

    context = await chromium.launchPersistentContext(path.join(temp.dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1400, height: 1000 },
    });
    const origin = new URL(url).origin;
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (new URL(requested).origin === origin) {
        return route.continue();
      }
      blocked.push(requested);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        errors.push(`console error: ${message.text()}`);
      }
    });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    server?.kill();
    temp.remove();
    const total = (performance.now() - started) / 1000;
    console.log(`The playground's browser test took ${total.toFixed(1)} s, of which ${buildSeconds.toFixed(1)} s building the page.`);
  });

  /** The editor's text, line by line as CodeMirror shows it. */
  async function editorText(): Promise<string> {
    return page.locator('#editor .cm-content').innerText();
  }

  /** The list's reports, as `line:column rule` lines. */
  async function listedReports(): Promise<string[]> {
    const heads = await page.locator('#reports > li .report-head').allInnerTexts();
    return heads.map((head) => head.replace(/\s+/gu, ' ').trim());
  }

  it('loads, lints the first sample in the browser and lists what ESLint reports in Node', async () => {
    await page.goto(url);
    await page.locator('body[data-lint-state="linted"]').waitFor();
    const sample = readFileSync(path.join(examplesDir, 'async-constructor.ts'), 'utf8');
    const result = lint(sample, 'ts', DEFAULT_RULES);
    const expected = result.ok ? result.reports.map((report) => `${report.line}:${report.column} ${report.ruleId}`) : [];
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(listedReports, POLL).toEqual(expected);
    await expect.poll(() => page.locator('#editor .cm-lintRange-error').count(), POLL).toBeGreaterThan(0);
    expect(await page.locator('.note').innerText()).toContain('not run here');
  });

  it('reports a class typed into the editor whose constructor starts work, inline and in the list', async () => {
    await page.locator('#editor .cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('class Db {');
    await page.keyboard.press('Enter');
    await page.keyboard.type('constructor(url) {');
    await page.keyboard.press('Enter');
    await page.keyboard.type('this.connect(url);');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('async connect(url) {}');
    expect(await editorText()).toBe(TYPED);
    await expect.poll(listedReports, POLL).toEqual(['3:5 async-init/no-async-constructor']);
    await expect.poll(() => page.locator('#editor .cm-lintRange-error').innerText(), POLL).toBe('this.connect(url)');
    // Inline: hovering the underlined call shows the message and the quick fixes as actions.
    await page.locator('#editor .cm-lintRange-error').hover();
    const tooltip = page.locator('.cm-tooltip-lint');
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain("`Db`'s constructor starts `this.connect()`");
    expect(await tooltip.locator('.cm-diagnosticAction').allInnerTexts()).toEqual([
      expect.stringContaining('static async create()'),
      expect.stringContaining('awaitable'),
    ]);
  });

  it('takes rule options as JSON, and the quick fixes follow them', async () => {
    await page.locator('#options-editor .cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    // Inserted as one input, as a paste is: typed key by key, the editor would close the brackets.
    await page.keyboard.insertText('{ "async-init/no-async-constructor": ["error", { "factoryName": "open" }] }');
    await expect.poll(() => page.locator('#reports .fix .title').allInnerTexts(), POLL).toEqual([
      expect.stringContaining('static async open()'),
      expect.stringContaining('awaitable'),
    ]);
    expect(await page.locator('#options-error').innerText()).toBe('');
  });

  it("shows the factory quick fix's diff (kept as a screenshot) and applies it: the output is in the editor and the report is gone", async () => {
    const factory = page.locator('#reports .fix').filter({ hasText: 'static async open()' });
    await factory.locator('summary').click();
    const diff = factory.locator('.fix-body .cm-editor');
    await diff.locator('.cm-deletedChunk').first().waitFor();
    expect(await diff.locator('.cm-changedLine').count()).toBeGreaterThan(0);
    expect(await diff.locator('.cm-insertedLine').allInnerTexts()).toContainEqual(expect.stringContaining('static async open(url)'));

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png'), fullPage: true });

    await factory.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('#report-summary').innerText(), POLL).toBe('No problems.');
    const fixed = await editorText();
    expect(fixed).toContain('static async open(url)');
    expect(fixed).not.toBe(TYPED);
    expect(await listedReports()).toEqual([]);
    expect(await page.locator('#editor .cm-lintRange-error').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-fixed.png'), fullPage: true });
  });

  it('reloads from its URL to the same code, options and reports', async () => {
    const code = await editorText();
    const options = await page.locator('#options-editor .cm-content').innerText();
    const link = page.url();
    expect(new URL(link).hash).toMatch(/^#code=[\w-]+&lang=ts&rules=[\w-]+$/u);

    const second = await context.newPage();
    await second.goto(link);
    await second.locator('body[data-lint-state="linted"]').waitFor();
    expect(await second.locator('#editor .cm-content').innerText()).toBe(code);
    expect(await second.locator('#options-editor .cm-content').innerText()).toBe(options);
    expect(await second.locator('#report-summary').innerText()).toBe('No problems.');
    // Undo in the first page brings the report back, and the reloaded link still holds the fixed state.
    await page.locator('#editor .cm-content').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(listedReports, POLL).toEqual(['3:5 async-init/no-async-constructor']);
    await second.reload();
    await second.locator('body[data-lint-state="linted"]').waitFor();
    expect(await second.locator('#editor .cm-content').innerText()).toBe(code);
    await second.close();
  });

  it('fetched nothing beyond its own server and raised no error', () => {
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });
});
