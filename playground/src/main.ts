// The playground page: a code editor, the rules' reports inline and in a list, each report's quick
// fixes as a before/after diff to apply, the rules' options as JSON, and all of it in the URL.
import { javascript } from '@codemirror/lang-javascript';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { unifiedMergeView } from '@codemirror/merge';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, basicSetup, minimalSetup } from 'codemirror';
import samples from 'playground:samples';

import packageJson from '../../package.json';
import type { LintResult, QuickFix, Report } from './lint.js';
import { DEFAULT_RULES, LANGUAGES, parseRules, RULES, type Language } from './rules-info.js';
import { decodeState, encodeState, type PlaygroundState } from './url-state.js';
import type { LintRequest, LintResponse } from './worker.js';
import './style.css';

const DEFAULT_SAMPLE = 'async-constructor.ts';
const DEFAULT_RULES_TEXT = `${JSON.stringify(DEFAULT_RULES, null, 2)}\n`;
/** How long the page waits after a keystroke before it lints again, in milliseconds. */
const LINT_DELAY = 200;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) {
    throw new Error(`The page has no #${id}`);
  }
  return found as T;
}

const languageSelect = element<HTMLSelectElement>('language');
const sampleSelect = element<HTMLSelectElement>('sample');
const copyLinkButton = element<HTMLButtonElement>('copy-link');
const reportList = element<HTMLOListElement>('reports');
const reportSummary = element<HTMLParagraphElement>('report-summary');
const lintError = element<HTMLParagraphElement>('lint-error');
const optionsError = element<HTMLParagraphElement>('options-error');

element('version').textContent = `${packageJson.name} ${packageJson.version}`;
for (const [value, { label }] of Object.entries(LANGUAGES)) {
  languageSelect.append(new Option(label, value));
}
sampleSelect.append(new Option('Load a sample from examples/…', ''));
for (const sample of samples) {
  sampleSelect.append(new Option(sample.name, sample.name));
}
renderOptionsReference(element('options-reference'));

const languageCompartment = new Compartment();
const languageExtension = (language: Language): Extension => javascript({ typescript: language === 'ts' });

let language: Language = 'ts';
/** What the reports and quick fixes on screen were computed from. */
let linted: { code: string; reports: Report[] } | undefined;
/** The quick fixes whose diff is open, by report and fix, to reopen them after the next lint. */
const openFixes = new Set<string>();
/** The diffs on screen, destroyed (with their listeners) when the list is drawn again. */
const diffViews: EditorView[] = [];

const editor = new EditorView({
  parent: element('editor'),
  state: EditorState.create({
    doc: '',
    extensions: [
      basicSetup,
      languageCompartment.of(languageExtension(language)),
      lintGutter(),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) {
          scheduleLint();
        }
      }),
      EditorView.contentAttributes.of({ 'aria-label': 'Code' }),
    ],
  }),
});

const optionsEditor = new EditorView({
  parent: element('options-editor'),
  state: EditorState.create({
    doc: DEFAULT_RULES_TEXT,
    extensions: [
      basicSetup,
      javascript(),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) {
          scheduleLint();
        }
      }),
      EditorView.contentAttributes.of({ 'aria-label': 'Rule options (JSON)' }),
    ],
  }),
});

const worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
worker.addEventListener('message', (event: MessageEvent<LintResponse>) => receive(event.data));
worker.addEventListener('error', (event) => {
  lintError.textContent = `The linter did not load: ${event.message || 'see the browser console'}.`;
  reportSummary.textContent = '';
});

let timer: ReturnType<typeof setTimeout> | undefined;
/** The last request sent to the worker; an answer to an older one is stale. */
let requested = 0;
/** A request is with the worker; edits made meanwhile are linted when it answers. */
let busy = false;
let changedWhileBusy = false;
/** Counts the URL writes, so that only the latest one lands (encoding is asynchronous). */
let saves = 0;

function scheduleLint(): void {
  clearTimeout(timer);
  timer = setTimeout(requestLint, LINT_DELAY);
}

/** Sends what the editors hold to the worker (or marks it for the next one), and writes the state to the URL. */
function requestLint(): void {
  clearTimeout(timer);
  const code = editor.state.doc.toString();
  const rulesText = optionsEditor.state.doc.toString();
  void saveState({ code, language, rules: rulesText });
  const parsed = parseRules(rulesText);
  optionsError.textContent = parsed.ok ? '' : parsed.error;
  if (!parsed.ok) {
    show(code, undefined);
    reportSummary.textContent = 'Not linted: the options below need fixing first.';
    return;
  }
  if (busy) {
    changedWhileBusy = true;
    return;
  }
  busy = true;
  requested += 1;
  const request: LintRequest = { id: requested, code, language, rules: parsed.rules };
  worker.postMessage(request);
}

function receive(response: LintResponse): void {
  busy = false;
  if (changedWhileBusy || response.id !== requested) {
    // The code or the options changed while the worker linted: its answer is for an old text.
    changedWhileBusy = false;
    requestLint();
    return;
  }
  show(response.code, response.result);
}

/** Shows a lint's outcome: the reports inline and listed, or why there are none. */
function show(code: string, result: LintResult | undefined): void {
  lintError.textContent = result?.ok === false ? `ESLint stopped: ${result.error}` : '';
  linted = result?.ok ? { code, reports: result.reports } : undefined;
  const reports = linted?.reports ?? [];
  editor.dispatch(setDiagnostics(editor.state, reports.map(toDiagnostic)));
  renderReports(reports, code);
  document.body.dataset.lintState = linted ? 'linted' : 'error';
}

async function saveState(state: PlaygroundState): Promise<void> {
  const save = ++saves;
  const fragment = await encodeState(state, DEFAULT_RULES_TEXT);
  if (save === saves) {
    history.replaceState(null, '', `#${fragment}`);
  }
}

function toDiagnostic(report: Report): Diagnostic {
  return {
    from: report.from,
    to: report.to,
    severity: report.severity,
    source: report.ruleId ?? 'parser',
    message: report.message,
    actions: report.fixes.map((fix) => ({ name: fix.title, apply: () => applyFix(fix) })),
  };
}

/** Writes a quick fix into the editor, if it was computed from what the editor holds. */
function applyFix(fix: QuickFix): void {
  if (linted?.code !== editor.state.doc.toString()) {
    // The code changed since this fix was computed: lint again, so that the fixes on screen fit it.
    requestLint();
    return;
  }
  editor.dispatch({ changes: { from: fix.from, to: fix.to, insert: fix.insert }, userEvent: 'input.fix' });
  requestLint();
}

function renderReports(reports: readonly Report[], code: string): void {
  const count = reports.length;
  reportSummary.textContent = linted ? (count === 0 ? 'No problems.' : `${count} problem${count === 1 ? '' : 's'}.`) : '';
  const rendered = new Set<string>();
  for (const view of diffViews.splice(0)) {
    view.destroy();
  }
  reportList.replaceChildren(
    ...reports.map((report, index) => {
      const item = document.createElement('li');
      item.className = `report report-${report.severity}`;
      item.dataset.rule = report.ruleId ?? 'parser';

      const head = document.createElement('div');
      head.className = 'report-head';
      const where = document.createElement('button');
      where.type = 'button';
      where.className = 'location';
      where.textContent = `${report.line}:${report.column}`;
      where.title = 'Show in the code';
      where.addEventListener('click', () => {
        editor.dispatch({ selection: { anchor: report.from, head: report.to }, scrollIntoView: true });
        editor.focus();
      });
      head.append(where, ruleLink(report.ruleId));

      const message = document.createElement('p');
      message.className = 'message';
      message.append(...withCode(report.message));
      item.append(head, message);

      if (report.fixes.length > 0) {
        const fixes = document.createElement('ul');
        fixes.className = 'fixes';
        fixes.setAttribute('aria-label', 'Quick fixes');
        report.fixes.forEach((fix, fixIndex) => {
          const key = `${index}:${report.ruleId}:${report.line}:${report.column}:${fixIndex}:${fix.title}`;
          const entry = document.createElement('li');
          rendered.add(key);
          entry.append(renderFix(fix, code, key));
          fixes.append(entry);
        });
        item.append(fixes);
      }
      return item;
    }),
  );
  for (const key of openFixes) {
    if (!rendered.has(key)) {
      openFixes.delete(key);
    }
  }
}

/** The text with its `backquoted` parts as code, as the rules write their messages. */
function withCode(text: string): (string | HTMLElement)[] {
  return text.split(/(`[^`]+`)/u).map((part) => {
    if (part.length > 2 && part.startsWith('`') && part.endsWith('`')) {
      const code = document.createElement('code');
      code.textContent = part.slice(1, -1);
      return code;
    }
    return part;
  });
}

function ruleLink(ruleId: string | null): HTMLElement {
  const rule = RULES.find((candidate) => candidate.id === ruleId);
  if (!rule?.url) {
    const label = document.createElement('span');
    label.className = 'rule';
    label.textContent = ruleId ?? 'parse error';
    return label;
  }
  const link = document.createElement('a');
  link.className = 'rule';
  link.href = rule.url;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = rule.id;
  return link;
}

/** One quick fix: its title, and when opened, a diff of what it writes and a button to apply it. */
function renderFix(fix: QuickFix, code: string, key: string): HTMLElement {
  const details = document.createElement('details');
  details.className = 'fix';
  const summary = document.createElement('summary');
  const kind = document.createElement('span');
  kind.className = `kind kind-${fix.kind}`;
  kind.textContent = fix.kind === 'fix' ? 'fix' : 'suggestion';
  const title = document.createElement('span');
  title.className = 'title';
  title.append(...withCode(fix.title));
  summary.append(kind, ' ', title);
  details.append(summary);

  let diff: EditorView | undefined;
  const body = document.createElement('div');
  body.className = 'fix-body';
  const apply = document.createElement('button');
  apply.type = 'button';
  apply.className = 'apply';
  apply.textContent = 'Apply';
  apply.addEventListener('click', () => applyFix(fix));
  details.append(body);

  details.addEventListener('toggle', () => {
    if (details.open) {
      openFixes.add(key);
      if (diff === undefined) {
        diff = new EditorView({
          parent: body,
          state: EditorState.create({
            doc: fix.output,
            extensions: [
              minimalSetup,
              languageExtension(language),
              EditorView.editable.of(false),
              EditorState.readOnly.of(true),
              unifiedMergeView({ original: code, mergeControls: false, collapseUnchanged: { margin: 2, minSize: 4 } }),
              EditorView.contentAttributes.of({ 'aria-label': `What "${fix.title}" writes` }),
            ],
          }),
        });
        diffViews.push(diff);
      }
      body.append(apply);
    } else {
      openFixes.delete(key);
    }
  });
  if (openFixes.has(key)) {
    details.open = true;
  }
  return details;
}

function renderOptionsReference(container: HTMLElement): void {
  for (const rule of RULES) {
    const section = document.createElement('section');
    const heading = document.createElement('h3');
    const link = document.createElement('a');
    link.href = rule.url ?? '#';
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = rule.id;
    heading.append(link);
    const description = document.createElement('p');
    description.append(...withCode(rule.description));
    section.append(heading, description);
    if (rule.options.length > 0) {
      const list = document.createElement('dl');
      for (const option of rule.options) {
        const term = document.createElement('dt');
        const name = document.createElement('code');
        name.textContent = option.name;
        term.append(name);
        if (option.defaultValue !== undefined) {
          term.append(` (default ${JSON.stringify(option.defaultValue)})`);
        }
        const definition = document.createElement('dd');
        definition.append(...withCode(option.description));
        list.append(term, definition);
      }
      section.append(list);
    } else {
      const none = document.createElement('p');
      none.textContent = 'No options.';
      section.append(none);
    }
    container.append(section);
  }
}

function setLanguage(next: Language): void {
  language = next;
  languageSelect.value = next;
  editor.dispatch({ effects: languageCompartment.reconfigure(languageExtension(next)) });
}

function setCode(code: string): void {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: code } });
}

languageSelect.addEventListener('change', () => {
  setLanguage(languageSelect.value === 'js' ? 'js' : 'ts');
  requestLint();
});

sampleSelect.addEventListener('change', () => {
  const sample = samples.find((candidate) => candidate.name === sampleSelect.value);
  sampleSelect.value = '';
  if (sample) {
    setLanguage(/\.[cm]?tsx?$/u.test(sample.name) ? 'ts' : 'js');
    setCode(sample.code);
    requestLint();
  }
});

copyLinkButton.addEventListener('click', () => {
  void saveState({ code: editor.state.doc.toString(), language, rules: optionsEditor.state.doc.toString() }).then(async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      copyLinkButton.textContent = 'Link copied';
    } catch {
      // No clipboard outside a secure context (a page served over plain HTTP to another machine).
      copyLinkButton.textContent = 'Copy it from the address bar';
    }
    setTimeout(() => {
      copyLinkButton.textContent = 'Copy link';
    }, 2000);
  });
});

element('reset-options').addEventListener('click', () => {
  optionsEditor.dispatch({ changes: { from: 0, to: optionsEditor.state.doc.length, insert: DEFAULT_RULES_TEXT } });
});

/** Starts from the URL's state, or from the first sample. */
async function start(): Promise<void> {
  const fallback: PlaygroundState = {
    code: samples.find((sample) => sample.name === DEFAULT_SAMPLE)?.code ?? samples[0]?.code ?? '',
    language: 'ts',
    rules: DEFAULT_RULES_TEXT,
  };
  const state = (await decodeState(location.hash, fallback)) ?? fallback;
  setLanguage(state.language);
  setCode(state.code);
  optionsEditor.dispatch({ changes: { from: 0, to: optionsEditor.state.doc.length, insert: state.rules } });
  requestLint();
}

window.addEventListener('hashchange', () => void start());

void start();
