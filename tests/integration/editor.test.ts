import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { expectedFor } from './expected.js';
import {
  brief,
  ensureBuilt,
  type Finding,
  fixturesDir,
  makeTempDir,
  repoRoot,
  TYPED_CONFIG,
} from './helpers.js';
import { lintInProcess } from './in-process.js';
import { applyTextEdits, LspClient, type Range, type TextEdit } from './lsp-client.js';

/**
 * The editor: VS Code's ESLint extension runs vscode-eslint's language server, and that server is what
 * turns our reports into squiggles and our suggestions into quick fixes. This test starts the real
 * server (`vscode-eslint-language-server --stdio`, from vscode-langservers-extracted) on a workspace whose
 * eslint.config.js uses the plugin with type information, and plays the editor's part over JSON-RPC.
 */

interface Diagnostic {
  range: Range;
  message: string;
  severity: number;
  source: string;
  code?: string;
  codeDescription?: { href: string };
}

interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  command?: { title: string; command: string; arguments?: unknown[] };
}

interface ApplyEditParams {
  label?: string;
  edit: {
    changes?: Record<string, TextEdit[]>;
    documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
  };
}

/**
 * What VS Code's ESLint extension answers to `workspace/configuration` for a file (its client's
 * `readConfiguration` in microsoft/vscode-eslint), with the extension's defaults: every field the
 * server reads. `experimental` must be an object (the server reads `experimental.useFlatConfig`),
 * and `experimental.useFlatConfig: true` would make it load `FlatESLint`, which ESLint 10 removed.
 */
function eslintSettings(workspace: string): Record<string, unknown> {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: {},
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { name: path.basename(workspace), uri: pathToFileURL(workspace).href },
    workingDirectory: { mode: 'location' },
  };
}

function toDiagnosticShape(finding: Finding): Pick<Diagnostic, 'range' | 'message' | 'severity' | 'source' | 'code'> {
  return {
    range: {
      start: { line: finding.line - 1, character: finding.column - 1 },
      end: { line: (finding.endLine ?? finding.line) - 1, character: (finding.endColumn ?? finding.column) - 1 },
    },
    message: finding.message,
    severity: finding.severity === 2 ? 1 : 2,
    source: 'eslint',
    ...(finding.ruleId ? { code: finding.ruleId } : {}),
  };
}

describe('the plugin in the editor (vscode-eslint language server)', () => {
  let workspace = '';
  let remove = (): void => {};
  let server: LspClient;
  const applied: ApplyEditParams[] = [];
  const files = readdirSync(fixturesDir).filter((name) => name.endsWith('.ts') && name !== 'deps.ts');
  const texts = new Map<string, string>();
  let reference: Finding[] = [];

  const uriOf = (file: string): string => pathToFileURL(path.join(workspace, file)).href;

  beforeAll(async () => {
    await ensureBuilt();
    ({ dir: workspace, remove } = makeTempDir('editor'));
    // The workspace uses this repository's ESLint 10 and typescript-eslint, and the built plugin, linked
    // into its node_modules as `npm link` would.
    mkdirSync(path.join(workspace, 'node_modules'));
    for (const name of ['eslint', 'typescript-eslint', 'typescript']) {
      symlinkSync(path.join(repoRoot, 'node_modules', name), path.join(workspace, 'node_modules', name), 'dir');
    }
    symlinkSync(repoRoot, path.join(workspace, 'node_modules/eslint-plugin-async-init'), 'dir');
    writeFileSync(path.join(workspace, 'package.json'), '{ "name": "editor-workspace", "private": true, "type": "module" }\n');
    writeFileSync(path.join(workspace, 'eslint.config.js'), TYPED_CONFIG);
    for (const name of readdirSync(fixturesDir).filter((file) => file.endsWith('.ts') || file === 'tsconfig.json')) {
      copyFileSync(path.join(fixturesDir, name), path.join(workspace, name));
    }
    reference = await lintInProcess(workspace, 'typed', { patterns: files });

    const bin = path.join(repoRoot, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');
    server = new LspClient(process.execPath, [bin, '--stdio'], {
      cwd: workspace,
      // logs_max=0: the server runs npm to find global modules; keep npm from writing log files.
      env: { ...process.env, npm_config_logs_max: '0', npm_config_loglevel: 'error', npm_config_update_notifier: 'false' },
    });
    server.onRequest('workspace/configuration', (params) =>
      (params as { items: unknown[] }).items.map(() => eslintSettings(workspace)),
    );
    server.onRequest('workspace/workspaceFolders', () => [{ name: path.basename(workspace), uri: pathToFileURL(workspace).href }]);
    server.onRequest('client/registerCapability', () => null);
    server.onRequest('client/unregisterCapability', () => null);
    server.onRequest('window/workDoneProgress/create', () => null);
    server.onRequest('workspace/diagnostic/refresh', () => null);
    server.onRequest('workspace/applyEdit', (params) => {
      applied.push(params as ApplyEditParams);
      return { applied: true };
    });

    await server.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'eslint-plugin-async-init integration test' },
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ name: path.basename(workspace), uri: pathToFileURL(workspace).href }],
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceFolders: true, executeCommand: {} },
        textDocument: {
          synchronization: { dynamicRegistration: true },
          diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
          codeAction: {
            dynamicRegistration: true,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'source.fixAll.eslint'] } },
          },
        },
      },
    });
    server.notify('initialized', {});
    for (const file of files) {
      const text = readFileSync(path.join(workspace, file), 'utf8');
      texts.set(file, text);
      server.notify('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'typescript', version: 1, text } });
    }
  });

  afterAll(async () => {
    await server?.close();
    remove();
  });

  async function pullDiagnostics(file: string): Promise<Diagnostic[]> {
    const report = await server.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri: uriOf(file) },
    });
    expect(report.kind).toBe('full');
    return report.items;
  }

  it('shows exactly the findings of the Node API as squiggles, with docs links', async () => {
    for (const file of files) {
      const diagnostics = await pullDiagnostics(file);
      const expected = reference.filter((finding) => finding.file === file);
      expect(expected.length, file).toBeGreaterThan(0);
      expect(
        diagnostics.map(({ range, message, severity, source, code }) => ({ range, message, severity, source, code })),
        file,
      ).toEqual(expected.map(toDiagnosticShape));
      for (const diagnostic of diagnostics) {
        const rule = plugin.rules[String(diagnostic.code).replace(/^async-init\//, '')];
        expect(diagnostic.codeDescription?.href, diagnostic.message).toBe(rule?.meta?.docs?.url);
      }
    }
    // The same list as the hand-written one: the type tier ran in the editor too.
    expect(brief(reference)).toEqual(expectedFor('.ts', { typed: true }));
    // Nothing went wrong on the way: no "no ESLint library", "no config" or "probe failed" requests.
    expect(server.serverRequests.map((request) => request.method).filter((method) => method.startsWith('eslint/'))).toEqual([]);
  });

  it("marks the async constructor's work with its exact range", async () => {
    const file = 'no-async-constructor.ts';
    const text = texts.get(file) ?? '';
    const diagnostics = await pullDiagnostics(file);
    const squiggled = diagnostics.map((diagnostic) =>
      text.split('\n')[diagnostic.range.start.line]?.slice(diagnostic.range.start.character, diagnostic.range.end.character),
    );
    // The reported expressions, not the whole statement or the constructor.
    expect(squiggled).toEqual(['this.connect()', 'client.connect()']);
    expect(new Set(diagnostics.map((diagnostic) => diagnostic.code))).toEqual(new Set(['async-init/no-async-constructor']));
  });

  it('offers our quick fixes, and executing one sends back the edit', async () => {
    for (const file of files) {
      const text = texts.get(file) ?? '';
      const diagnostics = await pullDiagnostics(file);
      const findings = reference.filter((finding) => finding.file === file);
      const ruleIds = [...new Set(findings.map((finding) => finding.ruleId ?? ''))];
      for (const ruleId of ruleIds) {
        // The first finding of each rule in its fixture.
        const index = findings.findIndex((finding) => finding.ruleId === ruleId);
        const finding = findings[index] as Finding;
        const diagnostic = diagnostics[index] as Diagnostic;
        const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri: uriOf(file) },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic], only: ['quickfix'], triggerKind: 1 },
        });
        const titles = actions.map((action) => action.title);
        const suggestionTitles = finding.suggestions.map((suggestion) => `${suggestion.desc} (${ruleId})`);
        expect(titles, `${file} ${ruleId}`).toEqual([
          ...suggestionTitles,
          `Disable ${ruleId} for this line`,
          `Disable ${ruleId} for the entire file`,
          `Show documentation for ${ruleId}`,
        ]);

        // Our suggestion when the rule has one (what a user picks), else the disable comment.
        const [suggestion] = finding.suggestions;
        const chosen = actions[0] as CodeAction;
        const command = chosen.command;
        expect(command?.command).toBe(suggestion ? 'eslint.applySuggestion' : 'eslint.applyDisableLine');
        const before = applied.length;
        await server.request('workspace/executeCommand', { command: command?.command, arguments: command?.arguments });
        expect(applied.length).toBe(before + 1);
        const edit = applied[before]?.edit;
        const edits = [
          ...(edit?.changes?.[uriOf(file)] ?? []),
          ...(edit?.documentChanges ?? []).filter((change) => change.textDocument.uri === uriOf(file)).flatMap((change) => change.edits),
        ];
        expect(edits.length).toBeGreaterThan(0);
        const result = applyTextEdits(text, edits);
        if (suggestion) {
          // The editor applies exactly the suggestion ESLint computed.
          const [start, end] = suggestion.fix.range;
          expect(result).toBe(text.slice(0, start) + suggestion.fix.text + text.slice(end));
        } else {
          const lines = text.split('\n');
          const line = lines[finding.line - 1] ?? '';
          const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
          lines.splice(finding.line - 1, 0, `${indent}// eslint-disable-next-line ${ruleId}`);
          expect(result).toBe(lines.join('\n'));
        }
      }
    }
  });
});
