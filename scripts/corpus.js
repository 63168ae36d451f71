// @ts-check
// `npm run corpus`: lints pinned published packages with every rule of the plugin on and checks
// the plugin on code nobody wrote for it:
//  - no rule throws (ESLint rethrows a rule's exception; each file is linted on its own and counted);
//  - every offered output (each suggestion, each fix, each `--fix` run with an `autofix` setting):
//    parses with the parser the file was linted with; type-checks where it is TypeScript of a typed
//    package (no `tsc` diagnostic in that file the original did not have); is not reported again by
//    any rule of the plugin (no report the original did not have, less those the edit fixes);
//    for `--fix`, is stable (fixing the fixed text again changes nothing); and adds no report of
//    the hygiene configs (typescript-eslint `strictTypeChecked` with the package's program where
//    typed, `strict` where not, sonarjs `recommended`; scripts/corpus/hygiene.js) that the original
//    did not have, the awaitable class's `then` member aside;
//  - for every finding, which quick fixes are offered and, where a transform declines, why (the
//    transforms record their reasons through fixes/declines.js), whether each offered one moves the
//    work out of the constructor or records it there, and why (the same module's fix forms), and
//    the share of the reviewed true `no-async-constructor` findings that get each and that move
//    (scripts/corpus/reviews.js holds the review).
// Findings go to a report in the cache folder (report.md, report.json) and a summary to stdout.
// Exit status: 0 clean, 1 a crash / a violating output / a corpus file that did not parse.
//
// Options: --package <name> (repeatable), --tier untyped|typed, --no-autofix, --no-hygiene (skips the
// hygiene check, to time the rest), --quiet,
// --update-docs (rewrite the generated blocks of docs/accuracy.md with this run's tables),
// --report <name> (the report's file name in the cache folder; default report, or report-partial),
// --from-report <report.json> (repeatable: no linting, the tables of earlier runs put together).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';

import { ESLint } from 'eslint';

import {
  allRules,
  applyFix,
  crashedRule,
  createESLint,
  createHygieneESLint,
  isTypeScriptFile,
  listenToDeclines,
  listenToFixForms,
  loadPlugin,
  parseAst,
  parseError,
  TYPED_PROBE,
} from './corpus/lint.js';
import { changedClass, compareHygiene, formatReport } from './corpus/hygiene.js';
import { cacheDir, PACKAGES, prepareCorpus, repoRoot } from './corpus/packages.js';
import { findReview } from './corpus/reviews.js';
import { createTypeChecker } from './corpus/typecheck.js';

/** @typedef {import('./corpus/lint.js').Tier} Tier */
/** @typedef {import('./corpus/lint.js').SourceType} SourceType */

const { values: args } = parseArgs({
  options: {
    package: { type: 'string', multiple: true },
    tier: { type: 'string' },
    'no-autofix': { type: 'boolean', default: false },
    'no-hygiene': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    'update-docs': { type: 'boolean', default: false },
    report: { type: 'string' },
    'from-report': { type: 'string', multiple: true },
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
 * @property {{ desc: string, messageId: string | undefined }[]} suggestions
 * @property {boolean} fix the problem carries a fix
 * @property {{ transform: string, reason: string }[]} declines the transforms that declined this report's class, and why
 * @property {{ transform: string, form: 'moved' | 'recorded', reason?: string }[]} [forms] what each offered transform
 *   does with the work (moves it out of the constructor, or records it there, and why); absent in a
 *   report from before forms were reported
 * @property {'true' | 'false' | undefined} verdict from scripts/corpus/reviews.js; undefined: not reviewed
 * @property {string | undefined} why the review's reason
 */
/**
 * @typedef {object} Failure
 * @property {string} package
 * @property {Tier} tier
 * @property {string} file
 * @property {string} what
 * @property {string} detail
 * @property {string[]} [rules] for a hygiene failure: the rule of each report the output adds
 */
/** @typedef {import('./corpus/lint.js').Decline} Decline */
/** @typedef {import('./corpus/lint.js').FixForm} FixForm */

const plugin = await loadPlugin();
const { rules, autofixRules, variants: allVariants } = allRules(plugin);
const variants = args['no-autofix'] ? [] : allVariants;
const ruleIds = Object.keys(rules);
const startedAt = Date.now();
/** The two transforms: the suggestion's messageId and the transform's name in its declines and forms. */
const TRANSFORMS = /** @type {const} */ ([
  ['suggestFactory', 'factory'],
  ['suggestThenable', 'thenable'],
]);

/**
 * Whether a suggestion's messageId is transform `id`'s: the title says whether the work moves
 * (`suggestFactory`) or is recorded (`suggestFactoryRecorded`).
 * @param {string | undefined} messageId
 * @param {string} id
 */
function isTransformSuggestion(messageId, id) {
  return messageId === id || messageId === `${id}Recorded`;
}

/**
 * A file larger than this (playwright-core's 3.6 MB bundle) is re-linted once per `--fix` setting,
 * which applies every class's edit at once, rather than once per suggestion: each re-lint of it costs
 * as much as a small package. Each suggestion's output is still parsed (and type-checked) on its own.
 */
const BIG_FILE = 1_000_000;
/**
 * A file larger than this is not linted whole by the hygiene check (sonarjs's rules cost minutes
 * on a bundle: its cognitive complexity alone takes 20 s of a 0.4 MB one): each single edit is
 * checked on the class it changes, cut out of the file, with the untyped rules; a `--fix` run,
 * which only puts those edits together, is not checked again.
 */
const HYGIENE_WHOLE_FILE = 200_000;

// Declines and fix forms: the transforms record them while a rule builds its report; each report
// takes those recorded during the same listener call (the rule collects a class's work, asks both
// transforms, then reports; a transform may record while its fix is built, inside the report), so
// they belong to that report's class.
/** @type {{ declines: Decline[], forms: FixForm[], reports: string[] } | undefined} */
let listenerGroup;
/** @type {Map<string, { declines: Decline[], forms: FixForm[] }>} report key (`ruleId:line:column`) → what its transforms recorded, for the lint being read */
let reportRecords = new Map();
const recordsDeclines = await listenToDeclines((decline) => listenerGroup?.declines.push(decline));
const recordsForms = await listenToFixForms((form) => listenerGroup?.forms.push(form));
const lintPlugin = withDeclineTracking(plugin);

/** @type {Finding[]} */
const findings = [];
/** @type {Failure[]} */
const crashes = [];
/** @type {Failure[]} */
const unparsable = [];
/** @type {Failure[]} */
const typeErrors = [];
/** @type {Failure[]} */
const rereported = [];
/** @type {Failure[]} */
const unstable = [];
/** @type {Failure[]} */
const sourceErrors = [];
/** @type {Failure[]} outputs that add a report of the hygiene configs (scripts/corpus/hygiene.js) */
const unhygienic = [];
/** @type {Failure[]} outputs the hygiene check could not check (not a failure of the run, but counted and listed) */
const hygieneSkipped = [];
/**
 * @type {Failure[]} `new X()` call sites a factory fix could not rewrite (synchronous code), which
 * require-awaited-init reports in the output, as the fix means it to: listed, not a failure
 */
const leftCallSites = [];
/**
 * @typedef {object} Run
 * @property {string} package
 * @property {string} version
 * @property {string | undefined} note
 * @property {string | undefined} integrity
 * @property {Tier} tier
 * @property {string} include
 * @property {string} kind `TypeScript` or `JavaScript` (what this tier lints)
 * @property {number} files
 * @property {number} bytes
 * @property {number} seconds
 * @property {number} fixesApplied
 * @property {number} fixesOffered
 * @property {number} suggestionsChecked
 * @property {number} outputsChecked distinct output texts checked (parse, types, re-lint)
 * @property {number} typeChecked outputs checked with tsc
 * @property {number} [hygieneChecked] outputs checked for hygiene: the whole file, typed in the typed tier
 * @property {number} [hygieneSliced] outputs checked for hygiene on the class the edit changes (a file over HYGIENE_WHOLE_FILE)
 * @property {string[]} [hygieneAllowed] the rules of the allowed reports (the awaitable class's `then` member)
 * @property {number} [hygieneSeconds] the time the hygiene lints took (wall clock, part of `seconds`)
 */
/** @type {Run[]} */
const runs = [];

// --from-report a.json --from-report b.json: no linting; the tables of earlier runs (say two halves of
// the corpus run at once), with the reviews as they are now.
const earlier = (args['from-report'] ?? []).map((file) => JSON.parse(readFileSync(file, 'utf8')));
for (const report of earlier) {
  runs.push(...report.runs);
  findings.push(
    ...report.findings.map((/** @type {Finding} */ finding) => {
      const review = findReview(finding);
      return { ...finding, verdict: review?.verdict, why: review?.why };
    }),
  );
  crashes.push(...report.crashes);
  unparsable.push(...report.unparsable);
  typeErrors.push(...report.typeErrors);
  rereported.push(...report.rereported);
  unstable.push(...report.unstable);
  sourceErrors.push(...report.sourceErrors);
  unhygienic.push(...(report.unhygienic ?? []));
  hygieneSkipped.push(...(report.hygieneSkipped ?? []));
  leftCallSites.push(...(report.leftCallSites ?? []));
}
if (earlier.length > 1) {
  // In the corpus's order, whatever order the reports came in (sort is stable: tiers keep theirs).
  const order = (/** @type {{ package: string }} */ entry) => PACKAGES.findIndex((spec) => spec.name === entry.package);
  runs.sort((a, b) => order(a) - order(b));
  findings.sort((a, b) => order(a) - order(b));
}
const corpus = earlier.length > 0 ? [] : prepareCorpus(log, args.package);
/** @type {Tier[]} */
const tiers = args.tier ? [/** @type {Tier} */ (args.tier)] : ['untyped', 'typed'];

for (const pkg of corpus) {
  // tsc on the TypeScript outputs of a package typed from its source (both tiers: the output is the same text).
  const typeChecker = pkg.spec.typed === 'source' && pkg.tsconfig ? createTypeChecker(pkg.tsconfig) : undefined;
  for (const tier of tiers) {
    if (tier === 'typed' && !pkg.spec.typed) {
      continue;
    }
    const files = tier === 'typed' ? pkg.typedFiles : [...pkg.jsFiles, ...pkg.tsFiles];
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
          typedJavaScript: pkg.spec.typed === 'javascript',
          sourceType,
          plugins: { [plugin.meta.namespace]: lintPlugin },
          rules: variant < 0 ? rules : /** @type {import('./corpus/lint.js').AutofixVariant} */ (variants[variant]).rules,
          fix,
        });
        linters.set(key, eslint);
      }
      return eslint;
    };
    /** @type {Map<string, ESLint>} */
    const hygieneLinters = new Map();
    /**
     * The ESLint of the hygiene check for this package and tier (`sliced`: the untyped one that
     * lints a class cut out of a big file, as a module).
     * @param {SourceType} sourceType
     * @param {boolean} sliced
     */
    const hygieneLinter = (sourceType, sliced) => {
      const key = `${sourceType}:${sliced}`;
      let eslint = hygieneLinters.get(key);
      if (!eslint) {
        eslint = createHygieneESLint({
          tier: sliced ? 'untyped' : tier,
          cwd: pkg.dir,
          tsconfig: pkg.tsconfig,
          typedJavaScript: pkg.spec.typed === 'javascript',
          sourceType: sliced ? 'module' : sourceType,
        });
        hygieneLinters.set(key, eslint);
      }
      return eslint;
    };
    let bytes = 0;
    let hygieneChecked = 0;
    let hygieneSliced = 0;
    let hygieneMs = 0;
    /** @type {string[]} */
    const hygieneAllowed = [];
    let fixesApplied = 0;
    let fixesOffered = 0;
    let suggestionsChecked = 0;
    let outputsChecked = 0;
    let typeChecked = 0;
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
      reportRecords = new Map();
      const result = await lint(text, sourceType, false, 'lint');
      const recordsOfThisFile = reportRecords;
      reportRecords = new Map();
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
      /** @type {Set<string>} the outputs parsed and type-checked already (their SHA-1) */
      const checkedOutputs = new Set();
      /** @type {Set<string>} those of them that do not parse */
      const unparsableOutputs = new Set();
      /** @type {Set<string>} the outputs re-linted already, with which options (`<sha1>:<variant>`) */
      const relinted = new Set();
      const big = text.length > BIG_FILE;
      const sliced = text.length > HYGIENE_WHOLE_FILE;
      /** @type {Map<string, ESLint.LintResult | undefined>} the hygiene lints of the original (or of a class cut out of it) */
      const hygieneOriginals = new Map();
      /** @type {Set<string>} outputs checked for hygiene already (`<sha1>:<transform>`) */
      const hygieneDone = new Set();
      let typedProgramTouched = false;
      /** @type {import('estree').Program | undefined | null} null: not parsed yet */
      let originalAst = null;
      /**
       * Lints `code` with the hygiene configs; a thrown error is recorded as a skipped check.
       * @param {string} code
       * @param {boolean} slice
       * @param {string} what
       */
      const hygieneLint = async (code, slice, what) => {
        try {
          if (!slice && tier === 'typed') {
            typedProgramTouched = true;
          }
          const lintStarted = Date.now();
          const [lintResult] = await hygieneLinter(sourceType, slice).lintText(code, { filePath });
          hygieneMs += Date.now() - lintStarted;
          return lintResult;
        } catch (error) {
          fail(hygieneSkipped, what, `the hygiene lint threw: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          return undefined;
        }
      };
      /**
       * The hygiene check of one output: the reports of the hygiene configs it has and the
       * original did not (scripts/corpus/hygiene.js), the awaitable class's `then` member aside.
       * @param {string} output
       * @param {string} what
       * @param {string} transform `factory`, `thenable` (the awaitable transform), `fix`
       * @param {boolean} singleEdit one edit (a suggestion, a fix), not a `--fix` run's several
       */
      const checkHygiene = async (output, what, transform, singleEdit) => {
        const key = `${createHash('sha1').update(output).digest('hex')}:${transform}`;
        if (args['no-hygiene'] || hygieneDone.has(key) || (sliced && !singleEdit)) {
          return;
        }
        hygieneDone.add(key);
        let before = text;
        let after = output;
        if (sliced) {
          originalAst ??= parseAst(text, filePath, sourceType);
          const cut = originalAst ? changedClass(originalAst, text, output) : undefined;
          if (!cut) {
            fail(hygieneSkipped, what, `the file is over ${HYGIENE_WHOLE_FILE / 1000} kB and no one class holds every change`);
            return;
          }
          ({ original: before, output: after } = cut);
          hygieneSliced++;
        } else {
          hygieneChecked++;
        }
        if (!hygieneOriginals.has(before)) {
          hygieneOriginals.set(before, await hygieneLint(before, sliced, `the original of ${what}`));
        }
        const originalResult = hygieneOriginals.get(before);
        const unreadable = originalResult?.messages.find((message) => message.fatal);
        if (unreadable) {
          fail(hygieneSkipped, what, `typescript-eslint's parser cannot read the original: ${unreadable.line}:${unreadable.column} ${unreadable.message}`);
          return;
        }
        const outputResult = originalResult && (await hygieneLint(after, sliced, what));
        if (!originalResult || !outputResult) {
          return;
        }
        const { added, allowed } = compareHygiene({ text: before, messages: originalResult.messages }, { text: after, messages: outputResult.messages }, { transform });
        hygieneAllowed.push(...allowed.map((report) => report.ruleId));
        if (added.length > 0) {
          unhygienic.push({
            package: pkg.spec.name,
            tier,
            file,
            what: `${what}${sliced ? ' (its class, cut out of the file)' : ''}`,
            detail: added.map((report) => formatReport(report)).join('\n'),
            rules: added.map((report) => report.ruleId),
          });
        }
      };
      /**
       * The checks every offered output passes: it parses, type-checks (TypeScript of a typed
       * package), and no rule reports anything the original did not, less what the edit fixed.
       * Each distinct output is checked once (a class's reports share one suggestion per transform).
       * @param {string} output
       * @param {string} what which output: "suggestion … of <rule> at <line>:<column>", "lint --fix (…)"
       * @param {import('eslint').Linter.LintMessage[]} fixedProblems the original reports this edit resolves
       * @param {{ relint?: boolean, variant?: number, transform?: string, singleEdit?: boolean }} [how] `relint: false`
       *   skips check 3, for one suggestion in a bundle of over BIG_FILE characters, whose edit the
       *   `--fix` run of its transform re-lints together with every other class's; `variant`: the
       *   options of the re-lint (an `autofix` setting, so the caller can see whether `--fix` would
       *   change the output again); `transform`, `singleEdit`: for the hygiene check (check 5)
       * @returns {Promise<ESLint.LintResult | undefined>} the re-lint, when there was one
       */
      const checkOutput = async (output, what, fixedProblems, { relint = true, variant = -1, transform = 'fix', singleEdit = true } = {}) => {
        const digest = createHash('sha1').update(output).digest('hex');
        const relintKey = `${digest}:${variant}`;
        if (!checkedOutputs.has(digest)) {
          checkedOutputs.add(digest);
          outputsChecked++;
          const error = parseError(output, filePath, sourceType);
          if (error) {
            fail(unparsable, what, error);
            unparsableOutputs.add(digest);
          } else if (typeChecker && isTypeScriptFile(filePath)) {
            typeChecked++;
            const added = typeChecker.newDiagnostics(filePath, text, output);
            if (added.length > 0) {
              fail(typeErrors, what, `${added.length} new tsc diagnostic(s) in this file:\n${added.slice(0, 8).join('\n')}`);
            }
          }
        }
        if (!unparsableOutputs.has(digest)) {
          await checkHygiene(output, what, transform, singleEdit);
        }
        if (!relint || unparsableOutputs.has(digest) || relinted.has(relintKey)) {
          return undefined;
        }
        relinted.add(relintKey);
        const again = await lint(output, sourceType, false, `re-lint of ${what}`, variant);
        if (again) {
          const reported = unexpectedReports(problems, fixedProblems, again.messages);
          // A call site the factory fix left in synchronous code: require-awaited-init points at it, by design.
          const isLeftCallSite = (/** @type {import('eslint').Linter.LintMessage} */ message) =>
            transform === 'factory' && message.ruleId === 'async-init/require-awaited-init' && message.messageId === 'constructedWithoutFactory';
          const left = reported.filter(isLeftCallSite);
          if (left.length > 0) {
            fail(leftCallSites, what, left.map((message) => `${message.line}:${message.column}: ${message.message}`).join('\n'));
          }
          const added = reported.filter((message) => !isLeftCallSite(message));
          if (added.length > 0) {
            fail(
              rereported,
              what,
              added.map((message) => `${message.ruleId} at ${message.line}:${message.column} (output): ${message.message}`).join('\n'),
            );
          }
        }
        return again;
      };
      let fixable = false;
      for (const message of problems) {
        const ruleId = /** @type {string} */ (message.ruleId);
        const review = findReview({ package: pkg.spec.name, file, line: message.line, column: message.column, ruleId });
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
          suggestions: (message.suggestions ?? []).map((suggestion) => ({ desc: suggestion.desc, messageId: suggestion.messageId })),
          fix: Boolean(message.fix),
          declines: (recordsOfThisFile.get(reportKey(ruleId, message.line, message.column))?.declines ?? []).map(({ transform, reason }) => ({
            transform,
            reason,
          })),
          forms: uniqueForms(recordsOfThisFile.get(reportKey(ruleId, message.line, message.column))?.forms ?? []),
          verdict: review?.verdict,
          why: review?.why,
        });
        const where = `${ruleId} at ${message.line}:${message.column}`;
        if (message.fix) {
          fixable = true;
          fixesOffered++;
          const fixOutput = applyFix(text, message.fix);
          const error = parseError(fixOutput, filePath, sourceType);
          if (error) {
            fail(unparsable, `fix of ${where}`, error);
          } else {
            await checkHygiene(fixOutput, `fix of ${where}`, 'fix', true);
          }
        }
        for (const suggestion of message.suggestions ?? []) {
          suggestionsChecked++;
          const output = applyFix(text, suggestion.fix);
          // The reports this edit resolves: those that offer the very same edit (a class's reports
          // share one suggestion per transform).
          const fixedProblems = problems.filter((other) => (other.suggestions ?? []).some((s) => sameFix(s.fix, suggestion.fix)));
          await checkOutput(output, `suggestion "${suggestion.desc}" of ${where}`, fixedProblems, {
            relint: !big,
            transform: TRANSFORMS.find(([id]) => isTransformSuggestion(suggestion.messageId, id))?.[1] ?? 'suggestion',
          });
        }
      }
      if ((relinted.size > 0 || typedProgramTouched) && tier === 'typed') {
        // The typed re-lints (and hygiene lints: typescript-eslint keeps one program per tsconfig)
        // replaced this file's text in the shared program: put the original back.
        await lint(text, sourceType, false, 'restore');
        typedProgramTouched = false;
      }
      // `--fix`: the fixes the rules offer by default, then each `autofix` setting.
      const autofixable = problems.some((message) => autofixRules.includes(/** @type {string} */ (message.ruleId)));
      const fixPasses = [...(fixable ? [-1] : []), ...(autofixable ? variants.map((_, index) => index) : [])];
      for (const variant of fixPasses) {
        const setting = variant < 0 ? 'default options' : /** @type {import('./corpus/lint.js').AutofixVariant} */ (variants[variant]).label;
        // The transform an `autofix` setting applies (the awaitable one may add its `then` member).
        const fixTransform = /"thenable"/.test(setting) ? 'thenable' : /"factory"/.test(setting) ? 'factory' : 'fix';
        /** @type {import('eslint').Linter.LintMessage[]} */
        let withFix = problems.filter((message) => message.fix);
        if (variant >= 0) {
          const offered = await lint(text, sourceType, false, `lint (${setting})`, variant);
          withFix = offered?.messages.filter((message) => message.fix) ?? [];
          if (withFix.length === 0) {
            // Nothing to fix with this setting (every fix declined): no --fix run needed.
            continue;
          }
          for (const message of withFix) {
            fixesOffered++;
            const fixOutput = applyFix(text, /** @type {import('eslint').Rule.Fix} */ (message.fix));
            const error = parseError(fixOutput, filePath, sourceType);
            if (error) {
              fail(unparsable, `fix of ${message.ruleId} at ${message.line}:${message.column} (${setting})`, error);
            } else {
              await checkHygiene(fixOutput, `fix of ${message.ruleId} at ${message.line}:${message.column} (${setting})`, fixTransform, true);
            }
          }
        }
        const fixed = await lint(text, sourceType, true, `lint --fix (${setting})`, variant);
        if (fixed?.output !== undefined) {
          fixesApplied++;
          const what = `lint --fix output (${setting})`;
          // The reports --fix resolves: every report that carried a fix with this setting.
          const fixedProblems = problems.filter((message) => withFix.some((other) => sameReport(message, other)));
          // Re-linted with the same setting: ESLint fixes in passes until no fix is left (at most
          // 10), so a report that still carries a fix is what a second --fix would change.
          const again = await checkOutput(fixed.output, what, fixedProblems, { variant, transform: fixTransform, singleEdit: false });
          const left = again?.messages.filter((message) => message.fix) ?? [];
          if (left.length > 0) {
            const first = /** @type {import('eslint').Linter.LintMessage} */ (left[0]);
            fail(
              unstable,
              `lint --fix (${setting}) applied to its own output changes it again`,
              `${left.length} fix(es) left, the first: ${first.ruleId} at ${first.line}:${first.column}: ${firstDifference(fixed.output, applyFix(fixed.output, /** @type {import('eslint').Rule.Fix} */ (first.fix)))}`,
            );
          }
          if (tier === 'typed') {
            await lint(text, sourceType, false, 'restore');
            typedProgramTouched = false;
          }
        }
      }
      if (typedProgramTouched && tier === 'typed') {
        await lint(text, sourceType, false, 'restore');
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
      include: [pkg.spec.include].flat().map((include) => `\`${include}\``).join(', '),
      kind: files.length > 0 && files.every((f) => isTypeScriptFile(f)) ? 'TypeScript' : files.some((f) => isTypeScriptFile(f)) ? 'TypeScript and JavaScript' : 'JavaScript',
      files: files.length,
      bytes,
      seconds,
      fixesApplied,
      fixesOffered,
      suggestionsChecked,
      outputsChecked,
      typeChecked,
      hygieneChecked,
      hygieneSliced,
      hygieneAllowed,
      hygieneSeconds: hygieneMs / 1000,
    });
  }
  typeChecker?.dispose();
}

/**
 * The plugin with every rule wrapped so the declines and fix forms recorded during one listener
 * call go to the reports made in that call (keyed by rule, line and column). The rules themselves
 * are unchanged.
 * @param {typeof plugin} original
 * @returns {typeof plugin}
 */
function withDeclineTracking(original) {
  /** @type {Record<string, import('eslint').Rule.RuleModule>} */
  const wrapped = {};
  for (const [name, rule] of Object.entries(original.rules ?? {})) {
    if (typeof rule !== 'object' || !rule) {
      continue;
    }
    const ruleId = `${original.meta.namespace}/${name}`;
    wrapped[name] = {
      ...rule,
      create(context) {
        // The context is frozen: a child object with its own `report` (the rest is inherited).
        const tracking = Object.create(context, {
          report: {
            value: (/** @type {import('eslint').Rule.ReportDescriptor} */ descriptor) => {
              const start =
                'loc' in descriptor && descriptor.loc
                  ? 'start' in descriptor.loc
                    ? descriptor.loc.start
                    : descriptor.loc
                  : 'node' in descriptor && descriptor.node.loc
                    ? descriptor.node.loc.start
                    : undefined;
              context.report(descriptor);
              if (listenerGroup && start) {
                listenerGroup.reports.push(reportKey(ruleId, start.line, start.column + 1));
              }
            },
          },
        });
        const listeners = rule.create(tracking);
        /** @type {import('eslint').Rule.RuleListener} */
        const out = {};
        for (const [selector, listener] of Object.entries(listeners)) {
          out[selector] = (/** @type {unknown[]} */ ...listenerArgs) => {
            const group = { declines: /** @type {Decline[]} */ ([]), forms: /** @type {FixForm[]} */ ([]), reports: /** @type {string[]} */ ([]) };
            listenerGroup = group;
            try {
              return /** @type {(...a: unknown[]) => unknown} */ (listener)(...listenerArgs);
            } finally {
              listenerGroup = undefined;
              if (group.declines.length > 0 || group.forms.length > 0) {
                for (const key of group.reports) {
                  reportRecords.set(key, { declines: group.declines, forms: group.forms });
                }
              }
            }
          };
        }
        return out;
      },
    };
  }
  return { ...original, rules: wrapped };
}

/**
 * Each transform's form once (a class's reports can each build the same fix).
 * @param {FixForm[]} forms
 * @returns {NonNullable<Finding['forms']>}
 */
function uniqueForms(forms) {
  /** @type {Map<string, NonNullable<Finding['forms']>[number]>} */
  const unique = new Map();
  for (const { transform, form, reason } of forms) {
    unique.set(`${transform}\0${form}\0${reason ?? ''}`, { transform, form, ...(reason ? { reason } : {}) });
  }
  return [...unique.values()];
}

/**
 * @param {string} ruleId
 * @param {number} line
 * @param {number} column
 */
function reportKey(ruleId, line, column) {
  return `${ruleId}:${line}:${column}`;
}

/**
 * @param {{ range: [number, number], text: string }} a
 * @param {{ range: [number, number], text: string }} b
 */
function sameFix(a, b) {
  return a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text;
}

/**
 * @param {import('eslint').Linter.LintMessage} a
 * @param {import('eslint').Linter.LintMessage} b
 */
function sameReport(a, b) {
  return a.ruleId === b.ruleId && a.line === b.line && a.column === b.column && a.message === b.message;
}

/**
 * The reports of the plugin's rules in an output that the original does not explain: the
 * original's reports, less those the edit resolves, are allowed once each (by rule and message:
 * positions move); every other report is new.
 * @param {import('eslint').Linter.LintMessage[]} original the original's reports (the plugin's rules)
 * @param {import('eslint').Linter.LintMessage[]} resolved the original reports the edit resolves
 * @param {import('eslint').Linter.LintMessage[]} output every message of the output's lint
 */
function unexpectedReports(original, resolved, output) {
  /** @type {Map<string, number>} */
  const allowed = new Map();
  const key = (/** @type {import('eslint').Linter.LintMessage} */ message) => `${message.ruleId}\0${message.message}`;
  for (const message of original) {
    if (!resolved.includes(message)) {
      allowed.set(key(message), (allowed.get(key(message)) ?? 0) + 1);
    }
  }
  return output.filter((message) => {
    if (!message.ruleId || !ruleIds.includes(message.ruleId)) {
      return false;
    }
    const left = allowed.get(key(message)) ?? 0;
    allowed.set(key(message), left - 1);
    return left <= 0;
  });
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

const NAC = `${plugin.meta.namespace}/no-async-constructor`;
const countsTable = renderCounts();
const offersTable = renderOffers();
const sharesBlock = renderShares();
const hygieneBlock = renderHygiene();
const packagesTable = renderPackages();
const failures =
  crashes.length + unparsable.length + typeErrors.length + rereported.length + unstable.length + unhygienic.length + sourceErrors.length;
const outDir = path.join(cacheDir(), 'reports');
// A run over part of the corpus does not replace the full run's report.
const partial = Boolean(args.package || args.tier);
const reportName = args.report ?? (partial ? 'report-partial' : 'report');
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
  recordsDeclines,
  recordsForms,
  seconds: earlier.length > 0 ? Math.max(...earlier.map((report) => report.seconds)) : (Date.now() - startedAt) / 1000,
  // CPU time of this process (user + system): the figure to compare between runs on a shared machine.
  cpuSeconds: (() => {
    if (earlier.length > 0) {
      return earlier.reduce((sum, report) => sum + report.cpuSeconds, 0);
    }
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  })(),
  load: os.loadavg()[0],
};
/** @type {[string, Failure[]][]} */
const failureSections = [
  ['Crashes', crashes],
  ['Outputs that do not parse', unparsable],
  ['Outputs with new tsc diagnostics', typeErrors],
  ['Outputs a rule reports again', rereported],
  ['Unstable --fix outputs', unstable],
  ['Outputs that add a hygiene report', unhygienic],
  ['Corpus files that did not parse, or had no types in the typed tier', sourceErrors],
];
writeFileSync(
  path.join(outDir, `${reportName}.json`),
  `${JSON.stringify({ ...meta, runs, findings, crashes, unparsable, typeErrors, rereported, unstable, unhygienic, hygieneSkipped, leftCallSites, sourceErrors }, null, 2)}\n`,
);
writeFileSync(path.join(outDir, `${reportName}.md`), renderReport());

const summary = [
  `# Corpus run (${meta.date}, ${meta.commit}, ${meta.seconds.toFixed(0)} s, ${meta.cpuSeconds.toFixed(0)} s of CPU, load ${meta.load.toFixed(1)})`,
  '',
  `Rules: ${ruleIds.join(', ')}${
    variants.length > 0 ? `; --fix also checked with ${variants.map((variant) => `{ ${variant.label} }`).join(' and ')}` : '; no `autofix` option exercised'
  }.${recordsDeclines ? '' : ' This build of the plugin records no declines (no fixes/declines.js).'}${
    recordsForms ? '' : ' This build of the plugin reports no fix forms (no setFixFormListener): every offered fix counts as "no form reported".'
  }`,
  '',
  renderRuns(),
  '',
  '## Findings per rule, package and tier',
  '',
  block('corpus-counts', countsTable),
  '',
  failureSections.map(([title, list]) => `${title}: ${list.length}.`).join(' '),
  ...failureSections
    .flatMap(([, list]) => list)
    .map((failure) => `- FAIL ${failure.package} ${failure.tier} ${failure.file}: ${failure.what}: ${failure.detail.split('\n').slice(0, 3).join(' | ')}`),
  '',
  '## The corpus',
  '',
  block('corpus-packages', packagesTable),
  '',
  `## \`no-async-constructor\`: the quick fixes offered on each finding`,
  '',
  block('corpus-offers', offersTable),
  '',
  block('corpus-shares', sharesBlock),
  '',
  '## Hygiene of the offered outputs',
  '',
  block('corpus-hygiene', hygieneBlock),
  ...hygieneSkipped.map((skip) => `- not checked: ${skip.package} ${skip.tier} ${skip.file}: ${skip.what}: ${skip.detail.split('\n')[0]}`),
  '',
  `Call sites a factory fix left in synchronous code, which require-awaited-init reports in the output (by design, not a failure): ${leftCallSites.length}.`,
  ...leftCallSites.map((site) => `- ${site.package} ${site.tier} ${site.file}: ${site.what}: ${site.detail.split('\n')[0]}`),
  '',
  `Report: ${path.join(outDir, `${reportName}.md`)} (every finding with its line), ${path.join(outDir, `${reportName}.json`)}.`,
];
process.stdout.write(`${summary.join('\n')}\n`);
compareWithAccuracyPage({
  'corpus-counts': countsTable,
  'corpus-packages': packagesTable,
  'corpus-offers': offersTable,
  'corpus-shares': sharesBlock,
  'corpus-hygiene': hygieneBlock,
});
process.exitCode = failures > 0 ? 1 : 0;

/**
 * A generated block as it stands in docs/accuracy.md, between its markers.
 * @param {string} name
 * @param {string} content
 */
function block(name, content) {
  return `<!-- ${name}:start -->\n${content}\n<!-- ${name}:end -->`;
}

function renderRuns() {
  const rows = runs.map(
    (run) =>
      `| ${run.package}@${run.version} | ${run.tier} | ${run.files} | ${(run.bytes / 1e6).toFixed(2)} MB | ${run.seconds.toFixed(1)} | ${run.suggestionsChecked} | ${run.fixesOffered} | ${run.fixesApplied} | ${run.outputsChecked} | ${run.typeChecked} | ${run.hygieneChecked ?? '–'} | ${run.hygieneSliced ?? '–'} | ${run.hygieneSeconds === undefined ? '–' : run.hygieneSeconds.toFixed(1)} |`,
  );
  const notes = runs.filter((run) => run.note).map((run) => `Note: ${run.note}`);
  return [
    '| package | tier | files | size | seconds | suggestions | fixes | --fix runs that changed the file | outputs checked | of them with tsc | hygiene: whole file | hygiene: class cut out | hygiene seconds |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
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
    return `| ${ruleId} | ${cells.join(' | ')} | ${cells.reduce((a, b) => a + b, 0)} |`;
  });
  return [
    `| rule | ${columns.map((column) => column.title).join(' | ')} | all |`,
    `|---|${columns.map(() => '--:').join('|')}|--:|`,
    ...rows,
  ].join('\n');
}

/** The corpus: each package, what is linted, in which tiers. */
function renderPackages() {
  /** @type {Map<string, Run[]>} */
  const byPackage = new Map();
  for (const run of runs) {
    byPackage.set(run.package, [...(byPackage.get(run.package) ?? []), run]);
  }
  const rows = [...byPackage.values()].map((list) => {
    const first = /** @type {Run} */ (list[0]);
    const tiersCell = list.map((run) => `${run.tier} (${run.kind}, ${run.files} files, ${(run.bytes / 1e6).toFixed(2)} MB)`).join('; ');
    const spec = PACKAGES.find((candidate) => candidate.name === first.package);
    const excluded = spec?.exclude?.length ? ` less ${spec.exclude.map((entry) => `\`${entry}\``).join(', ')}` : '';
    return `| \`${first.package}@${first.version}\` | ${first.include}${excluded} | ${tiersCell} |`;
  });
  return ['| package | linted | tiers |', '|---|---|---|', ...rows].join('\n');
}

/**
 * How one transform fared on a finding: offered, and whether it moves the work or records it
 * (and why); or declined and why.
 * @param {Finding} finding
 * @param {string} suggestionId the suggestion's messageId
 * @param {string} transform the transform's name in its declines
 */
function offer(finding, suggestionId, transform) {
  if (finding.suggestions.some((suggestion) => isTransformSuggestion(suggestion.messageId, suggestionId))) {
    const form = formOf(finding, transform);
    return form === 'moved' ? 'offered, moves' : form === 'recorded' ? `offered, records: ${recordReason(finding, transform)}` : 'offered, no form reported';
  }
  if (isBackground(finding)) {
    const start = finding.suggestions.some((suggestion) => suggestion.messageId === 'suggestStart');
    return `not for background work${start ? ' (`start()` suggested)' : ''}`;
  }
  const reasons = [...new Set(finding.declines.filter((decline) => decline.transform === transform).map((decline) => decline.reason))];
  return reasons.length > 0 ? `declined: ${reasons.join('; ')}` : 'declined (no reason recorded)';
}

/**
 * What an offered transform does with the work: `moved` only when every form it reported for the
 * finding's class is `moved`; `recorded` when any is; undefined when it reported none.
 * @param {Finding} finding
 * @param {string} transform
 * @returns {'moved' | 'recorded' | undefined}
 */
function formOf(finding, transform) {
  const forms = (finding.forms ?? []).filter((form) => form.transform === transform);
  if (forms.length === 0) {
    return undefined;
  }
  return forms.every((form) => form.form === 'moved') ? 'moved' : 'recorded';
}

/**
 * Why a transform records the work (the reasons it gave, each once).
 * @param {Finding} finding
 * @param {string} transform
 */
function recordReason(finding, transform) {
  const reasons = [
    ...new Set((finding.forms ?? []).filter((form) => form.transform === transform && form.form === 'recorded').map((form) => form.reason ?? 'no reason given')),
  ];
  return reasons.join('; ');
}

/** Work that runs until the object is closed has its own message and no initialisation fix. */
function isBackground(/** @type {Finding} */ finding) {
  return /background/i.test(finding.messageId ?? '');
}

/** Every `no-async-constructor` finding: its review, and which quick fixes it is offered. */
function renderOffers() {
  const rows = findings
    .filter((finding) => finding.ruleId === NAC)
    .map((finding, index) => {
      const verdict = finding.verdict ? `**${finding.verdict}**` : 'not reviewed';
      const kind = isBackground(finding) ? ' (background)' : '';
      return `| ${index + 1} | ${finding.package} ${finding.tier} | \`${finding.file}:${finding.line}:${finding.column}\` | ${reported(finding)}${kind} | ${verdict} | ${offer(finding, 'suggestFactory', 'factory')} | ${offer(finding, 'suggestThenable', 'thenable')} | ${(finding.why ?? '').replaceAll('|', '\\|')} |`;
    });
  return [
    '| # | package, tier | where | reported | verdict | factory suggestion | awaitable suggestion | why (the review) |',
    '|--:|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/**
 * The reported expression as the message names it (its first backquoted name after "starts").
 * @param {Finding} finding
 */
function reported(finding) {
  const match = /(?:starts|returns) (`[^`]+`|an? [a-z ]+?)(?:,|:| which| from)/.exec(finding.message);
  return match?.[1] ?? (finding.messageId ?? '');
}

/**
 * The shares of the reviewed true findings that are offered each transform and, of those offered,
 * that move the work; the decline reasons, and why the recorded ones record.
 */
function renderShares() {
  const nac = findings.filter((finding) => finding.ruleId === NAC);
  const truths = nac.filter((finding) => finding.verdict === 'true');
  const background = truths.filter(isBackground);
  const initial = truths.filter((finding) => !isBackground(finding));
  const percent = (/** @type {number} */ n, /** @type {number} */ d) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(0)}%`);
  /** @type {Map<string, number>} */
  const reasons = new Map();
  /** @type {Map<string, number>} */
  const records = new Map();
  for (const finding of nac) {
    for (const [id, transform] of TRANSFORMS) {
      const cell = offer(finding, id, transform);
      if (cell.startsWith('declined')) {
        const key = `${transform}: ${cell.replace(/^declined: /, '')}`;
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
      } else if (cell.startsWith('offered, records')) {
        for (const reason of recordReason(finding, transform).split('; ')) {
          const key = `${transform}: ${reason}`;
          records.set(key, (records.get(key) ?? 0) + 1);
        }
      }
    }
  }
  const rows = TRANSFORMS.map(([id, transform]) => {
    const offeredTo = initial.filter((finding) => finding.suggestions.some((suggestion) => isTransformSuggestion(suggestion.messageId, id)));
    const moved = offeredTo.filter((finding) => formOf(finding, transform) === 'moved').length;
    const recorded = offeredTo.filter((finding) => formOf(finding, transform) === 'recorded').length;
    const unknown = offeredTo.length - moved - recorded;
    const title = transform === 'factory' ? 'factory suggestion (`static async create()`)' : 'awaitable suggestion (`#initialize()` + `then`)';
    const target = transform === 'factory' ? '≥ 80%' : '≥ 70%';
    return `| ${title} | ${offeredTo.length} | ${percent(offeredTo.length, initial.length)} | ${target} | ${moved} | ${recorded} | ${unknown} | ${percent(moved, offeredTo.length)} | ≥ 70% |`;
  });
  const sorted = (/** @type {Map<string, number>} */ counts) =>
    [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([key, count]) => `| ${key} | ${count} |`);
  return [
    `Findings (a finding in both tiers counts twice): ${nac.length}; reviewed true: ${truths.length}, false: ${nac.filter((f) => f.verdict === 'false').length}, not reviewed: ${nac.filter((f) => !f.verdict).length}. Background work (no initialisation fix by design): ${background.length} of the true ones.`,
    '',
    `| on the ${initial.length} true findings of initialisation work | offered | share | target | moves the work | records it | no form reported | moved / offered | target |`,
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows,
    '',
    '| declined (every finding) | findings |',
    '|---|--:|',
    ...sorted(reasons),
    ...(records.size > 0 ? ['', '| offered, records the work (every finding), because | findings |', '|---|--:|', ...sorted(records)] : []),
  ].join('\n');
}

/**
 * The hygiene check's count: the outputs checked, those that add a report of the hygiene configs
 * (typescript-eslint `strictTypeChecked`, or `strict` untyped, and sonarjs `recommended`), by
 * rule, and the allowed reports about the awaitable class's `then` member.
 */
function renderHygiene() {
  const sum = (/** @type {(run: Run) => number} */ of, /** @type {Run[]} */ list = runs) => list.reduce((total, run) => total + of(run), 0);
  const typedRuns = runs.filter((run) => run.tier === 'typed');
  /** @type {Map<string, { outputs: number, reports: number }>} */
  const byRule = new Map();
  for (const failure of unhygienic) {
    const rulesOfOutput = failure.rules ?? [];
    for (const ruleId of new Set(rulesOfOutput)) {
      const entry = byRule.get(ruleId) ?? { outputs: 0, reports: 0 };
      entry.outputs++;
      entry.reports += rulesOfOutput.filter((other) => other === ruleId).length;
      byRule.set(ruleId, entry);
    }
  }
  /** @type {Map<string, number>} */
  const allowed = new Map();
  for (const ruleId of runs.flatMap((run) => run.hygieneAllowed ?? [])) {
    allowed.set(ruleId, (allowed.get(ruleId) ?? 0) + 1);
  }
  return [
    `Outputs checked: ${sum((run) => run.hygieneChecked ?? 0)} whole (${sum((run) => run.hygieneChecked ?? 0, typedRuns)} of them typed, in the package's program), ${sum((run) => run.hygieneSliced ?? 0)} on the class they change, cut out of a file over ${HYGIENE_WHOLE_FILE / 1000} kB; not checked: ${hygieneSkipped.length}.`,
    '',
    `**Outputs that add a report: ${unhygienic.length}** (the run fails unless 0). Allowed reports about the awaitable class's \`then\` member: ${
      allowed.size === 0 ? 'none' : [...allowed.entries()].map(([ruleId, count]) => `${count} by \`${ruleId}\``).join(', ')
    }.`,
    ...(byRule.size > 0
      ? [
          '',
          '| rule | outputs that add it | reports added |',
          '|---|--:|--:|',
          ...[...byRule.entries()]
            .sort((a, b) => b[1].outputs - a[1].outputs || a[0].localeCompare(b[0]))
            .map(([ruleId, { outputs, reports }]) => `| \`${ruleId}\` | ${outputs} | ${reports} |`),
        ]
      : []),
  ].join('\n');
}

function renderReport() {
  const out = [`# Corpus report`, '', '```json', JSON.stringify(meta, null, 2), '```', '', renderRuns(), '', countsTable, ''];
  for (const [title, list] of failureSections) {
    out.push(`## ${title} (${list.length})`, '');
    for (const failure of list) {
      out.push(`- ${failure.package} ${failure.tier} \`${failure.file}\`: ${failure.what}`, '', '  ```', ...failure.detail.split('\n').slice(0, 12).map((l) => `  ${l}`), '  ```', '');
    }
  }
  out.push('## Quick fixes offered', '', offersTable, '', sharesBlock, '');
  out.push(`## Findings (${findings.length})`, '');
  for (const finding of findings) {
    const extras = [
      finding.fix ? 'fix' : '',
      finding.suggestions.length > 0 ? `suggestions: ${finding.suggestions.map((s) => `"${s.desc}"`).join(', ')}` : '',
      finding.declines.length > 0 ? `declined: ${finding.declines.map((d) => `${d.transform} (${d.reason})`).join(', ')}` : '',
      (finding.forms ?? []).length > 0
        ? `forms: ${(finding.forms ?? []).map((f) => `${f.transform} ${f.form === 'moved' ? 'moves' : `records (${f.reason ?? 'no reason given'})`}`).join(', ')}`
        : '',
      finding.verdict ? `reviewed ${finding.verdict}` : 'not reviewed',
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
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

/**
 * docs/accuracy.md keeps the generated blocks between markers; say which differ from this run
 * (and, with --update-docs, write this run's blocks there).
 * @param {Record<string, string>} blocks
 */
function compareWithAccuracyPage(blocks) {
  if (partial) {
    return;
  }
  const file = path.join(repoRoot, 'docs', 'accuracy.md');
  let page;
  try {
    page = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const differ = [];
  for (const [name, content] of Object.entries(blocks)) {
    const pattern = new RegExp(`<!-- ${name}:start -->\\n(?:([\\s\\S]*?)\\n)?<!-- ${name}:end -->`);
    const match = pattern.exec(page);
    if (!match) {
      differ.push(`${name} (missing)`);
    } else if ((match[1] ?? '').trim() !== content.trim()) {
      differ.push(name);
      page = page.replace(pattern, () => block(name, content));
    }
  }
  if (differ.length === 0) {
    process.stdout.write('\nThe generated blocks match docs/accuracy.md (counts, corpus, offers, shares, hygiene).\n');
  } else if (args['update-docs']) {
    writeFileSync(file, page);
    process.stdout.write(`\nUpdated docs/accuracy.md: ${differ.join(', ')}. Review the new findings (scripts/corpus/reviews.js) and the prose.\n`);
  } else {
    process.stdout.write(
      `\nThese blocks differ from docs/accuracy.md: ${differ.join(', ')}. Review the new findings (scripts/corpus/reviews.js), then \`npm run corpus -- --update-docs\` (or paste the blocks above).\n`,
    );
  }
}
