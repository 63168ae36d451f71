// @ts-check
// The hygiene check of an offered output: the reports of the style configs our users already run
// (typescript-eslint's `strictTypeChecked`, or `strict` where there are no types, and sonarjs's
// `recommended`) that the output has and its original did not. Shared by the tests
// (tests/helpers/hygiene.ts, through hygiene.d.ts beside this file) and the corpus run.
//
// Reports are matched by what they say, not where: a fix moves code, so a report is the same one
// when its rule and its message (line numbers in it aside) are the same, counted: two of them in
// the output where the original had one is one added, and the one listed is the one whose text
// (its first line, spaces collapsed, a leading `this`/instance name before `.` aside, so
// `this.x()` moved into a factory as `db.x()` is the same) the original did not have. A floating
// promise is also told apart by its text: one the output writes is new, whatever the original had.
//
// The one exception: on the awaitable transform, the class gains a `then` member by design, and
// the rules in THEN_MEMBER_RULES report that member itself. Those reports are returned apart, as
// allowed, so the docs can name them.
import sonarjs from 'eslint-plugin-sonarjs';
import tseslint from 'typescript-eslint';

/** @typedef {import('eslint').Linter.Config} Config */
/** @typedef {import('eslint').Linter.LintMessage} LintMessage */

/**
 * The rules whose report on the awaitable class's `then` member itself is allowed: the member is
 * what the awaitable transform adds, by design, and its signature is PromiseLike's. None of the
 * configs the check runs reports it today (measured on the awaitable outputs of the fix tests and
 * the corpus): the list is empty, and a rule that starts to report the member must be named here,
 * on purpose. Outside these configs, eslint-plugin-unicorn's `no-thenable` reports every `then`
 * member by design (docs/accuracy.md names it).
 * @type {readonly string[]}
 */
export const THEN_MEMBER_RULES = [];

/** The rule id of the probe that marks each `then` member of a class (not a hygiene report). */
export const THEN_PROBE = 'hygiene/then-member';

/**
 * The configs the check lints with, typescript-eslint's parser included (its rules read the
 * nodes it builds, and some crash on espree's, in JavaScript too). The caller adds what the file
 * needs: `sourceType`, and where typed `parserOptions` with the program (`programs`, `project`).
 * @param {{ typed: boolean }} options typed: `strictTypeChecked`; untyped: `strict`
 * @returns {Config[]}
 */
export function hygieneConfigs({ typed }) {
  const typescript = /** @type {Config[]} */ (typed ? tseslint.configs.strictTypeChecked : tseslint.configs.strict);
  return [
    ...typescript.map(({ languageOptions: _languageOptions, ...entry }) => entry),
    { languageOptions: { parser: /** @type {import('eslint').Linter.Parser} */ (tseslint.parser) } },
    /** @type {Config} */ (sonarjs.configs.recommended),
    { plugins: { hygiene: probePlugin }, rules: { [THEN_PROBE]: 'error' } },
    { linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
  ];
}

/**
 * Marks every class member named `then` (a method, a property, an accessor), so the comparison
 * knows where it is: the report covers the member's head, from its start to its body (modifiers,
 * key, type parameters, parameters, return type), or to its value for a property. A report that
 * starts there is about the member itself; one in its body is about the code the body runs.
 * @type {import('eslint').ESLint.Plugin}
 */
const probePlugin = {
  rules: {
    'then-member': {
      meta: { type: 'suggestion', schema: [], docs: { description: 'Marks the `then` members of classes (for the hygiene check)' } },
      create(context) {
        /** @param {import('estree').MethodDefinition | import('estree').PropertyDefinition} node */
        const mark = (node) => {
          const { key } = node;
          const named = key.type === 'Literal' ? key.value === 'then' : !node.computed && key.type === 'Identifier' && key.name === 'then';
          if (!named || !node.loc) {
            return;
          }
          const { value } = node;
          const body = value && 'body' in value && value.body && !Array.isArray(value.body) ? value.body : value;
          const end = body?.loc ? body.loc.start : node.loc.end;
          context.report({ loc: { start: node.loc.start, end }, message: 'then member' });
        };
        return { MethodDefinition: mark, PropertyDefinition: mark };
      },
    },
  },
};

/**
 * @typedef {object} HygieneReport one report of the style configs
 * @property {string} ruleId `parse` for a parse error
 * @property {string} message
 * @property {number} line 1-based
 * @property {number} column 1-based
 * @property {string} text the first line of the text it covers, trimmed
 */

/**
 * @typedef {object} HygieneComparison
 * @property {HygieneReport[]} added reports the output has and the original did not
 * @property {HygieneReport[]} allowed reports about the awaitable transform's `then` member, by a rule of THEN_MEMBER_RULES
 */

/**
 * Compares the hygiene lint of an output with its original's.
 * @param {{ text: string, messages: readonly LintMessage[] }} original
 * @param {{ text: string, messages: readonly LintMessage[] }} output
 * @param {{ transform: string, thenMemberRules?: readonly string[] }} options `transform: 'thenable'`:
 *   the awaitable transform, whose `then` member may be reported by `thenMemberRules`
 *   (THEN_MEMBER_RULES unless given)
 * @returns {HygieneComparison}
 */
export function compareHygiene(original, output, { transform, thenMemberRules = THEN_MEMBER_RULES }) {
  /** @type {Map<string, string[]>} key → the texts of the original's reports with that key */
  const before = new Map();
  for (const message of original.messages) {
    if (message.ruleId && message.ruleId !== THEN_PROBE) {
      const key = reportKey(message, original.text);
      before.set(key, [...(before.get(key) ?? []), coveredText(message, original.text)]);
    }
  }
  const thenHeads = transform === 'thenable' ? output.messages.filter((message) => message.ruleId === THEN_PROBE) : [];
  const onThenMember = (/** @type {LintMessage} */ message) =>
    thenHeads.some(
      (head) =>
        compare(head.line, head.column, message.line, message.column) <= 0 &&
        compare(message.line, message.column, head.endLine ?? head.line, head.endColumn ?? head.column) < 0,
    );
  /** @type {Map<string, LintMessage[]>} */
  const after = new Map();
  /** @type {HygieneComparison} */
  const result = { added: [], allowed: [] };
  for (const message of output.messages) {
    if (message.ruleId === THEN_PROBE) {
      continue;
    }
    if (!message.ruleId) {
      // A parse error is added; ESLint's own notes (an inline config that `noInlineConfig` ignores) are no report.
      if (message.fatal) {
        result.added.push(toReport(message, output.text));
      }
      continue;
    }
    const key = reportKey(message, output.text);
    after.set(key, [...(after.get(key) ?? []), message]);
  }
  /** @type {LintMessage[]} */
  const unmatched = [];
  for (const [key, messages] of after) {
    // As many as the original had are the original's: those whose text it had first, so the
    // ones listed as added are the new text where there is some.
    const texts = [...(before.get(key) ?? [])];
    const had = messages.filter((message) => {
      const index = texts.indexOf(coveredText(message, output.text));
      if (index >= 0) {
        texts.splice(index, 1);
        return true;
      }
      return false;
    });
    const rest = messages.filter((message) => !had.includes(message));
    unmatched.push(...rest.slice(texts.length));
  }
  for (const message of output.messages.filter((candidate) => unmatched.includes(candidate))) {
    (thenMemberRules.includes(/** @type {string} */ (message.ruleId)) && onThenMember(message) ? result.allowed : result.added).push(
      toReport(message, output.text),
    );
  }
  return result;
}

/**
 * Orders two positions.
 * @param {number} lineA
 * @param {number} columnA
 * @param {number} lineB
 * @param {number} columnB
 */
function compare(lineA, columnA, lineB, columnB) {
  return lineA === lineB ? columnA - columnB : lineA - lineB;
}

/**
 * @param {LintMessage} message
 * @param {string} text the linted text
 * @returns {HygieneReport}
 */
function toReport(message, text) {
  return {
    ruleId: message.ruleId ?? 'parse',
    message: message.message,
    line: message.line,
    column: message.column,
    text: reportedText(message, text),
  };
}

/**
 * The rules whose reports are told apart by the text they cover, not only by their message: a
 * floating promise the output writes is one the fix left, even where the original had another
 * (a fix leaves no floating promise behind).
 */
const TEXT_MATCHED_RULES = ['@typescript-eslint/no-floating-promises'];

/**
 * What identifies a report wherever the code moved: its rule and message (line numbers in it
 * aside), and for TEXT_MATCHED_RULES the text it covers.
 * @param {LintMessage} message
 * @param {string} text
 */
function reportKey(message, text) {
  const said = message.message.replace(/\blines? \d+/g, 'line N');
  const ruleId = /** @type {string} */ (message.ruleId);
  return TEXT_MATCHED_RULES.includes(ruleId) ? `${ruleId}\0${said}\0${coveredText(message, text)}` : `${ruleId}\0${said}`;
}

/**
 * The reported text as it compares between an original and its output: spaces collapsed, and a
 * leading `this` or instance name before `.` aside (`this.x()` moved into a factory as `db.x()`).
 * @param {LintMessage} message
 * @param {string} text
 */
function coveredText(message, text) {
  return reportedText(message, text)
    .replace(/\s+/g, ' ')
    .replace(/^(?:this|[A-Za-z_$][\w$]*)(?=\??\.)/, '_');
}

/**
 * The first line of the text a report covers (to its end, or to the end of the line), trimmed.
 * @param {LintMessage} message
 * @param {string} text
 */
function reportedText(message, text) {
  const lines = text.split(/\r\n?|\n/);
  const line = lines[message.line - 1] ?? '';
  const start = Math.max(0, message.column - 1);
  const end = message.endLine === message.line && message.endColumn !== undefined ? message.endColumn - 1 : line.length;
  return line.slice(start, Math.max(start, end)).trim();
}

/**
 * A report in one line, for failure messages and the corpus report.
 * @param {HygieneReport} report
 */
export function formatReport(report) {
  return `${report.ruleId} at ${report.line}:${report.column}: ${report.message}${report.text ? ` (\`${report.text.slice(0, 80)}\`)` : ''}`;
}

/**
 * The class an edit changes, cut out of a file too large to lint whole (a bundle): the smallest
 * class whose text holds every change the output makes, as a module of its own in both versions
 * (`export` before a declaration, `export default` before an expression), so the same rules can
 * compare the two without linting the rest of the file. Undefined when no one class holds every
 * change (an edit that also rewrites call sites elsewhere).
 * @param {import('estree').Program} ast the original's, with ranges
 * @param {string} original
 * @param {string} output
 * @returns {{ original: string, output: string } | undefined}
 */
export function changedClass(ast, original, output) {
  let prefix = 0;
  const shorter = Math.min(original.length, output.length);
  while (prefix < shorter && original.charCodeAt(prefix) === output.charCodeAt(prefix)) {
    prefix++;
  }
  let suffix = 0;
  while (suffix < shorter - prefix && original.charCodeAt(original.length - 1 - suffix) === output.charCodeAt(output.length - 1 - suffix)) {
    suffix++;
  }
  const start = prefix;
  const end = original.length - suffix;
  /** @type {{ type: string, range?: [number, number] } | undefined} */
  let innermost;
  // Down the tree, always into the one child that holds the whole change (no recursion: a
  // bundle nests deep).
  /** @type {Record<string, unknown> | undefined} */
  let node = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (ast));
  while (node) {
    if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
      innermost = /** @type {{ type: string, range: [number, number] }} */ (node);
    }
    /** @type {Record<string, unknown> | undefined} */
    let next;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') {
        continue;
      }
      for (const child of Array.isArray(value) ? value : [value]) {
        const range = child && typeof child === 'object' && 'type' in child ? /** @type {{ range?: [number, number] }} */ (child).range : undefined;
        if (range && range[0] <= start && end <= range[1] && (range[0] < start || end < range[1] || start < end)) {
          next = /** @type {Record<string, unknown>} */ (child);
          break;
        }
      }
      if (next) {
        break;
      }
    }
    node = next;
  }
  if (!innermost?.range) {
    return undefined;
  }
  const [from, to] = innermost.range;
  const wrap = innermost.type === 'ClassDeclaration' ? 'export ' : 'export default ';
  return {
    original: `${wrap}${original.slice(from, to)}\n`,
    output: `${wrap}${output.slice(from, to + output.length - original.length)}\n`,
  };
}
