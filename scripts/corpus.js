// @ts-check
// `npm run corpus`: lints pinned published packages with every rule of the plugin on and checks
// the plugin on code nobody wrote for it:
//  - no rule throws (ESLint rethrows a rule's exception; each file is linted on its own and counted);
//  - every suggestion's and fix's output parses with the parser the file was linted with;
//  - `--fix` output is stable: fixing the fixed text again changes nothing;
// and, as a note (not a failure), a suggestion whose output is reported again by the same rule.
// Findings go to a report in the cache folder (report.md, report.json) and a summary to stdout.
// Exit status: 0 clean, 1 a crash / unparsable output / unstable fix / corpus file that did not parse.
//
// Options: --package <name> (repeatable), --tier untyped|typed, --no-autofix, --quiet.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';

import { ESLint } from 'eslint';

import { allRules, applyFix, crashedRule, createESLint, loadPlugin, parseError, TYPED_PROBE } from './corpus/lint.js';
import { cacheDir, prepareCorpus, repoRoot } from './corpus/packages.js';

/** @typedef {import('./corpus/lint.js').Tier} Tier */
/** @typedef {import('./corpus/lint.js').SourceType} SourceType */

const { values: args } = parseArgs({
  options: {
    package: { type: 'string', multiple: true },
    tier: { type: 'string' },
    'no-autofix': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});
const log = (/** @type {string} */ line) => {
  if (!args.quiet) {
    process.stderr.write(`${line}\n`);
  }
};

/**
 * @typedef {object} Finding
 * @property {string} package
 * @property {Tier} tier
 * @property {string} file path relative to the package
 * @property {number} line
 * @property {number} column
 * @property {string} ruleId
 * @property {string | undefined} messageId
 * @property {string} message
 * @property {string} code the reported line
 * @property {string[]} suggestions suggestion descriptions
 * @property {boolean} fix the problem carries a fix
 */
/** @typedef {{ package: string, tier: Tier, file: string, what: string, detail: string }} Failure */

const plugin = await loadPlugin();
const { rules, autofixRules, variants: allVariants } = allRules(plugin);
const variants = args['no-autofix'] ? [] : allVariants;
const ruleIds = Object.keys(rules);
const startedAt = Date.now();

/** @type {Finding[]} */
const findings = [];
/** @type {Failure[]} */
const crashes = [];
/** @type {Failure[]} */
const unparsable = [];
/** @type {Failure[]} */
const unstable = [];
/** @type {Failure[]} */
const sourceErrors = [];
/** @type {Failure[]} */
const retrips = [];
/** @type {{ package: string, version: string, note: string | undefined, integrity: string | undefined, tier: Tier, files: number, bytes: number, seconds: number, fixesApplied: number, fixesOffered: number, suggestionsChecked: number }[]} */
const runs = [];

const corpus = prepareCorpus(log, args.package);
/** @type {Tier[]} */
const tiers = args.tier ? [/** @type {Tier} */ (args.tier)] : ['untyped', 'typed'];

for (const pkg of corpus) {
  for (const tier of tiers) {
    if (tier === 'typed' && !pkg.spec.typed) {
      continue;
    }
    const files = tier === 'typed' ? pkg.tsFiles : [...pkg.jsFiles, ...pkg.tsFiles];
    const label = `${pkg.spec.name}@${pkg.version} ${tier}`;
    log(`linting ${label}: ${files.length} files`);
    const started = Date.now();
    /** @type {Map<string, ESLint>} */
    const linters = new Map();
    /**
     * The ESLint for this package and tier: default options, or an autofix variant.
     * @param {SourceType} sourceType
     * @param {boolean} fix
     * @param {number} variant an index into `variants`, or -1 for the default options
     */
    const linter = (sourceType, fix, variant) => {
      const key = `${sourceType}:${fix}:${variant}`;
      let eslint = linters.get(key);
      if (!eslint) {
        eslint = createESLint({
          tier,
          cwd: pkg.dir,
          tsconfig: pkg.tsconfig,
          sourceType,
          plugins: { [plugin.meta.namespace]: plugin },
          rules: variant < 0 ? rules : /** @type {import('./corpus/lint.js').AutofixVariant} */ (variants[variant]).rules,
          fix,
        });
        linters.set(key, eslint);
      }
      return eslint;
    };
    let bytes = 0;
    let fixesApplied = 0;
    let fixesOffered = 0;
    let suggestionsChecked = 0;
    for (const filePath of files) {
      const file = path.relative(pkg.dir, filePath);
      const text = readFileSync(filePath, 'utf8');
      bytes += text.length;
      const fail = (/** @type {Failure[]} */ list, /** @type {string} */ what, /** @type {string} */ detail) =>
        list.push({ package: pkg.spec.name, tier, file, what, detail });
      /**
       * Lints `code` as this file; a thrown error is a crash, recorded and answered with undefined.
       * @param {string} code
       * @param {SourceType} sourceType
       * @param {boolean} fix
       * @param {string} what
       * @param {number} [variant] an index into `variants`; the default options when left out
       */
      const lint = async (code, sourceType, fix, what, variant = -1) => {
        try {
          const [result] = await linter(sourceType, fix, variant).lintText(code, { filePath });
          return result;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          fail(crashes, `${what}: ${crashedRule(error) ?? 'ESLint'}`, `${message}\n${error instanceof Error ? error.stack : ''}`);
          return undefined;
        }
      };
      /** @type {SourceType} */
      const sourceType = pkg.moduleFiles.has(filePath) || !pkg.jsFiles.includes(filePath) ? 'module' : 'commonjs';
      const result = await lint(text, sourceType, false, 'lint');
      if (!result) {
        continue;
      }
      const fatal = result.messages.find((message) => message.fatal);
      if (fatal) {
        fail(sourceErrors, 'the corpus file did not parse', `${fatal.line}:${fatal.column} ${fatal.message}`);
        continue;
      }
      const untyped = result.messages.find((message) => message.ruleId === TYPED_PROBE);
      if (untyped) {
        fail(sourceErrors, 'no type information in the typed tier', untyped.message);
      }
      const lines = text.split(/\r?\n/);
      const problems = result.messages.filter((message) => message.ruleId && ruleIds.includes(message.ruleId));
      let fixable = false;
      for (const message of problems) {
        const ruleId = /** @type {string} */ (message.ruleId);
        findings.push({
          package: pkg.spec.name,
          tier,
          file,
          line: message.line,
          column: message.column,
          ruleId,
          messageId: message.messageId,
          message: message.message,
          code: excerpt(lines[message.line - 1] ?? '', message.column),
          suggestions: (message.suggestions ?? []).map((suggestion) => suggestion.desc),
          fix: Boolean(message.fix),
        });
        const where = `${ruleId} at ${message.line}:${message.column}`;
        if (message.fix) {
          fixable = true;
          fixesOffered++;
          const error = parseError(applyFix(text, message.fix), filePath, sourceType);
          if (error) {
            fail(unparsable, `fix of ${where}`, error);
          }
        }
        for (const suggestion of message.suggestions ?? []) {
          suggestionsChecked++;
          const output = applyFix(text, suggestion.fix);
          const error = parseError(output, filePath, sourceType);
          if (error) {
            fail(unparsable, `suggestion "${suggestion.desc}" of ${where}`, error);
            continue;
          }
          // Does the same rule report the fixed text as often as before? (A note, not a failure:
          // a class with two problems keeps one after the first suggestion.)
          const again = await lint(output, sourceType, false, `re-lint after suggestion of ${where}`);
          const count = (/** @type {ESLint.LintResult} */ r) => r.messages.filter((m) => m.ruleId === ruleId).length;
          if (again && count(again) >= count(result)) {
            fail(retrips, `suggestion "${suggestion.desc}" of ${where}`, `${ruleId} still reports ${count(again)} problem(s) (before: ${count(result)})`);
          }
        }
      }
      if (problems.some((message) => (message.suggestions ?? []).length > 0) && tier === 'typed') {
        // The typed re-lints replaced this file's text in the shared program: put the original back.
        await lint(text, sourceType, false, 'restore');
      }
      // `--fix`: the fixes the rules offer by default, then each `autofix` setting.
      const autofixable = problems.some((message) => autofixRules.includes(/** @type {string} */ (message.ruleId)));
      const fixPasses = [...(fixable ? [-1] : []), ...(autofixable ? variants.map((_, index) => index) : [])];
      for (const variant of fixPasses) {
        const setting = variant < 0 ? 'default options' : /** @type {import('./corpus/lint.js').AutofixVariant} */ (variants[variant]).label;
        if (variant >= 0) {
          const offered = await lint(text, sourceType, false, `lint (${setting})`, variant);
          if (!offered?.messages.some((message) => message.fix)) {
            // Nothing to fix with this setting (every fix declined): no --fix run needed.
            continue;
          }
          for (const message of offered.messages) {
            if (message.fix) {
              fixesOffered++;
              const error = parseError(applyFix(text, message.fix), filePath, sourceType);
              if (error) {
                fail(unparsable, `fix of ${message.ruleId} at ${message.line}:${message.column} (${setting})`, error);
              }
            }
          }
        }
        const fixed = await lint(text, sourceType, true, `lint --fix (${setting})`, variant);
        if (fixed?.output !== undefined) {
          fixesApplied++;
          const error = parseError(fixed.output, filePath, sourceType);
          if (error) {
            fail(unparsable, `lint --fix output (${setting})`, error);
          } else {
            // ESLint already fixes in passes until nothing changes (at most 10): once more must change nothing.
            const twice = await lint(fixed.output, sourceType, true, `lint --fix of the fixed output (${setting})`, variant);
            if (twice && twice.output !== undefined) {
              fail(unstable, `lint --fix (${setting}) applied to its own output changes it again`, firstDifference(fixed.output, twice.output));
            }
          }
          if (tier === 'typed') {
            await lint(text, sourceType, false, 'restore');
          }
        }
      }
    }
    const seconds = (Date.now() - started) / 1000;
    log(`  ${label}: ${seconds.toFixed(1)} s`);
    runs.push({
      package: pkg.spec.name,
      version: pkg.version,
      note: pkg.versionNote,
      integrity: pkg.integrity,
      tier,
      files: files.length,
      bytes,
      seconds,
      fixesApplied,
      fixesOffered,
      suggestionsChecked,
    });
  }
}

/**
 * The reported line, trimmed; on a long (minified) line, the part around the column.
 * @param {string} line
 * @param {number} column
 */
function excerpt(line, column) {
  if (line.length <= 200) {
    return line.trim();
  }
  const start = Math.max(0, column - 1 - 40);
  return `${start > 0 ? '…' : ''}${line.slice(start, start + 200)}…`;
}

/**
 * A short description of where two texts first differ.
 * @param {string} a
 * @param {string} b
 */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) {
    i++;
  }
  const line = a.slice(0, i).split('\n').length;
  return `first difference on line ${line}: ${JSON.stringify(a.slice(i, i + 80))} became ${JSON.stringify(b.slice(i, i + 80))}`;
}

// ---------------------------------------------------------------------------------------------
// The report.

const countsTable = renderCounts();
const failures = crashes.length + unparsable.length + unstable.length + sourceErrors.length;
const outDir = path.join(cacheDir(), 'reports');
// A run over part of the corpus does not replace the full run's report.
const reportName = args.package || args.tier ? 'report-partial' : 'report';
mkdirSync(outDir, { recursive: true });
const meta = {
  date: new Date().toISOString(),
  commit: gitCommit(),
  node: process.version,
  eslint: ESLint.version,
  typescript: /** @type {{ version: string }} */ (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/typescript/package.json'), 'utf8'))).version,
  rules: ruleIds,
  autofixRules,
  autofixVariants: variants.map((variant) => variant.label),
  seconds: (Date.now() - startedAt) / 1000,
};
writeFileSync(
  path.join(outDir, `${reportName}.json`),
  `${JSON.stringify({ ...meta, runs, findings, crashes, unparsable, unstable, sourceErrors, retrips }, null, 2)}\n`,
);
writeFileSync(path.join(outDir, `${reportName}.md`), renderReport());

const summary = [
  `# Corpus run (${meta.date}, ${meta.commit}, ${meta.seconds.toFixed(0)} s)`,
  '',
  `Rules: ${ruleIds.join(', ')}${
    variants.length > 0 ? `; --fix also checked with ${variants.map((variant) => `{ ${variant.label} }`).join(' and ')}` : '; no `autofix` option exercised'
  }.`,
  '',
  renderRuns(),
  '',
  '## Findings per rule, package and tier',
  '',
  countsTable,
  '',
  `Crashes: ${crashes.length}. Unparsable fix/suggestion outputs: ${unparsable.length}. Unstable --fix outputs: ${unstable.length}. Corpus files that did not parse or had no types in the typed tier: ${sourceErrors.length}. Suggestions re-reported by their rule (note): ${retrips.length}.`,
  ...[...crashes, ...unparsable, ...unstable, ...sourceErrors].map(
    (failure) => `- FAIL ${failure.package} ${failure.tier} ${failure.file}: ${failure.what}: ${failure.detail.split('\n')[0]}`,
  ),
  '',
  `Report: ${path.join(outDir, `${reportName}.md`)} (every finding with its line), ${path.join(outDir, `${reportName}.json`)}.`,
];
process.stdout.write(`${summary.join('\n')}\n`);
compareWithAccuracyPage(countsTable);
process.exitCode = failures > 0 ? 1 : 0;

function renderRuns() {
  const rows = runs.map(
    (run) =>
      `| ${run.package}@${run.version} | ${run.tier} | ${run.files} | ${(run.bytes / 1e6).toFixed(2)} MB | ${run.seconds.toFixed(1)} | ${run.suggestionsChecked} | ${run.fixesOffered} | ${run.fixesApplied} |`,
  );
  const notes = runs.filter((run) => run.note).map((run) => `Note: ${run.note}`);
  return [
    '| package | tier | files | size | seconds | suggestions checked | fixes checked | --fix runs that changed the file |',
    '|---|---|--:|--:|--:|--:|--:|--:|',
    ...rows,
    ...(notes.length > 0 ? ['', ...new Set(notes)] : []),
  ].join('\n');
}

/** The per-rule, per-package, per-tier counts: the table docs/accuracy.md keeps. */
function renderCounts() {
  const columns = runs.map((run) => ({ key: `${run.package}|${run.tier}`, title: `${run.package} ${run.tier}` }));
  const rows = ruleIds.map((ruleId) => {
    const cells = columns.map(
      (column) => findings.filter((finding) => finding.ruleId === ruleId && `${finding.package}|${finding.tier}` === column.key).length,
    );
    return `| ${ruleId} | ${cells.join(' | ')} |`;
  });
  return [`| rule | ${columns.map((column) => column.title).join(' | ')} |`, `|---|${columns.map(() => '--:').join('|')}|`, ...rows].join('\n');
}

function renderReport() {
  const out = [`# Corpus report`, '', '```json', JSON.stringify(meta, null, 2), '```', '', renderRuns(), '', countsTable, ''];
  /** @type {[string, Failure[]][]} */
  const sections = [
    ['Crashes', crashes],
    ['Unparsable outputs', unparsable],
    ['Unstable --fix outputs', unstable],
    ['Corpus files that did not parse, or had no types in the typed tier', sourceErrors],
    ['Suggestions whose output the rule reports again (note)', retrips],
  ];
  for (const [title, list] of sections) {
    out.push(`## ${title} (${list.length})`, '');
    for (const failure of list) {
      out.push(`- ${failure.package} ${failure.tier} \`${failure.file}\`: ${failure.what}`, '', '  ```', ...failure.detail.split('\n').slice(0, 12).map((l) => `  ${l}`), '  ```', '');
    }
  }
  out.push(`## Findings (${findings.length})`, '');
  for (const finding of findings) {
    const extras = [
      finding.fix ? 'fix' : '',
      finding.suggestions.length > 0 ? `suggestions: ${finding.suggestions.map((s) => `"${s}"`).join(', ')}` : '',
    ].filter(Boolean);
    out.push(
      `- ${finding.package} ${finding.tier} \`${finding.file}:${finding.line}:${finding.column}\` ${finding.ruleId}${extras.length > 0 ? ` (${extras.join('; ')})` : ''}`,
      `  - ${finding.message}`,
      `  - \`${finding.code.replaceAll('`', "'")}\``,
    );
  }
  return `${out.join('\n')}\n`;
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * docs/accuracy.md keeps the reviewed counts between two markers; say so when this run differs.
 * @param {string} table
 */
function compareWithAccuracyPage(table) {
  if (args.package || args.tier) {
    return;
  }
  let page;
  try {
    page = readFileSync(path.join(repoRoot, 'docs', 'accuracy.md'), 'utf8');
  } catch {
    return;
  }
  const match = /<!-- corpus-counts:start -->\n([\s\S]*?)\n<!-- corpus-counts:end -->/.exec(page);
  if (match && match[1]?.trim() !== table.trim()) {
    process.stdout.write(
      '\nThe finding counts differ from the reviewed ones in docs/accuracy.md: review the new findings and update the page.\n',
    );
  } else if (match) {
    process.stdout.write('\nThe finding counts match the reviewed ones in docs/accuracy.md.\n');
  }
}
