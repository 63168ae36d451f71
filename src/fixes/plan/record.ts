/** How work that must stay in the constructor is recorded (one private field per piece holding its promise, a list where a loop starts it) and what the factory or `then` awaits of it. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getMemberName, getOutermostWrapper, getStaticKeyName, skipTypeWrappers, type ClassNode, type ConstructorNode } from '../../utils/ast.js';
import type { Edit, Layout } from './layout.js';
import type { Piece } from './pieces.js';
import type { AwaitedRecord } from './write.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The names the collecting helper writes, where one is needed. */
export const PENDING_FIELD = '#pendingInit';
export const TRACK_METHOD = '#trackInit';
/** The awaitable class's handler of records (`this.#connecting = this.#handled(this.connect())`). */
export const HANDLED_METHOD = '#handled';

export interface RecordContext {
  classNode: ClassNode;
  constructorNode: ConstructorNode | undefined;
  sourceCode: SourceCode;
  isTypeScript: boolean;
  layout: Layout;
  /** The constructor has a `return` of its own: a field it assigns may be left unassigned. */
  returnsEarly: boolean;
}

export interface RecordOptions {
  /**
   * The target awaits the records only when it is awaited itself (`then`), maybe late: each
   * record is handled where it is made, so a failure meanwhile is no unhandled rejection. The
   * factory awaits them right after construction and needs none.
   */
  handleLateAwaits: boolean;
  /** Names the class already uses (members, private or not): new fields avoid them. */
  taken: Set<string>;
}

export interface Records {
  /** Edits in the constructor (and fields) recording each piece where it stands. */
  edits: Edit[];
  /** New private field declarations, without indentation. */
  fields: string[];
  /** New methods (the collecting helper, the awaitable class's handler), in the class's layout. */
  methods: string[];
  /** The collecting helper records work (its list must exist before any field initialiser runs). */
  collects: boolean;
  /** What the target awaits, with the instance written as given. */
  awaited(instance: string): AwaitedRecord[];
  /** Each record's reason: the piece, and why it stays. */
  count: number;
}

/**
 * Records every piece in `recorded` where it stands: `work;` becomes `this.#connecting = work;`
 * (named after the call), a stored `this.ready = work;` keeps its field, `items.forEach(async …)`
 * becomes `this.#loadingItems = items.map(async …)`; work in a loop is pushed onto a list field
 * (`this.#fetching.push(work)`). Where the work's value is used where it stands, or a late
 * await needs a handler the statement's place cannot take, the collecting helper records it:
 * `this.#trackInit(work)`. `{ decline }` when a piece cannot be recorded at all.
 */
export function planRecords(
  context: RecordContext,
  recorded: ReadonlyMap<Piece, string>,
  options: RecordOptions,
): Records | { decline: string } {
  const { sourceCode, constructorNode } = context;
  const edits: Edit[] = [];
  const fields: string[] = [];
  const awaited: ((instance: string) => AwaitedRecord)[] = [];
  let helper: { returnsWork: boolean } | undefined;
  const body = constructorNode?.value.body;
  const unique = (base: string): string => {
    let name = `#${base}`;
    for (let counter = 2; options.taken.has(name); counter++) {
      name = `#${base}${counter}`;
    }
    options.taken.add(name);
    return name;
  };
  // `this.#handled(work)`: the awaitable class's records, handled as they are made.
  let handledHelper: { lists: boolean; values: boolean } | undefined;
  const handle = (value: TSESTree.Node, list: boolean): Edit[] => {
    handledHelper ??= { lists: false, values: false };
    handledHelper[list ? 'lists' : 'values'] = true;
    return [
      { range: [value.range[0], value.range[0]], text: `this.${HANDLED_METHOD}(` },
      { range: [value.range[1], value.range[1]], text: ')' },
    ];
  };

  for (const [piece] of [...recorded].sort(([a], [b]) => a.unit.range[0] - b.unit.range[0])) {
    const { unit, slot } = piece;
    const handled = piece.works.every((work) => work.errorsHandled);
    const needsHandler = options.handleLateAwaits && !handled;
    const inLoop = body !== undefined && isInLoop(unit, body);
    const conditional = body !== undefined && (unit.parent !== body || context.returnsEarly);
    const name = unique(gerund(describeWork(piece, sourceCode)));

    if (slot?.kind === 'field' && !inLoop) {
      // The field holds the promise already: awaited as it is (handled as it is stored, for `then`).
      const target = slot.target.type !== AST_NODE_TYPES.MemberExpression ? slot.name : sourceCode.getText(slot.target.property);
      const access = slot.target.type === AST_NODE_TYPES.MemberExpression && slot.target.computed ? `[${target}]` : `.${target}`;
      options.taken.delete(name);
      awaited.push((instance) => ({ text: `${instance}${access}`, spread: slot.spread }));
      if (needsHandler) {
        edits.push(...handle(slot.value, slot.spread));
      }
      continue;
    }
    if (slot?.kind === 'callbacks' && !inLoop) {
      const { call } = slot;
      edits.push({ range: [call.range[0], call.range[0]], text: `this.${name} = ` });
      if (slot.forEach) {
        edits.push({ range: (call.callee as TSESTree.MemberExpression).property.range, text: 'map' });
      }
      if (needsHandler) {
        edits.push(...handle(call, true));
      }
      fields.push(declareField(context, name, 'Promise<unknown>[]', conditional ? '[]' : undefined));
      awaited.push((instance) => ({ text: `${instance}.${name}`, spread: true }));
      continue;
    }
    if (slot?.kind === 'expression' && !inLoop) {
      const { expression, operator } = slot;
      const start = operator ? operator.range[0] : expression.range[0];
      edits.push({ range: [start, expression.range[0]], text: `this.${name} = ` });
      if (needsHandler) {
        edits.push(...handle(expression, false));
      }
      const type = slot.direct ? 'Promise<unknown>' : 'unknown';
      fields.push(declareField(context, name, `${type}${conditional && slot.direct ? ' | undefined' : ''}`));
      awaited.push((instance) => ({ text: `${instance}.${name}`, spread: false }));
      continue;
    }
    if (slot?.kind === 'expression' && inLoop && !needsHandler) {
      // `this.#fetching.push(work);`: the list the factory awaits.
      const { expression, operator } = slot;
      const start = operator ? operator.range[0] : expression.range[0];
      edits.push(
        { range: [start, expression.range[0]], text: `this.${name}.push(` },
        { range: [expression.range[1], expression.range[1]], text: ')' },
      );
      fields.push(declareField(context, name, 'unknown[]', '[]'));
      awaited.push((instance) => ({ text: `${instance}.${name}`, spread: true }));
      continue;
    }
    options.taken.delete(name);
    // The collecting helper, where the work stands.
    for (const { work } of piece.works) {
      if (work.kind === 'asyncCallback') {
        return { decline: 'async callback of an array method' };
      }
      const target = getOutermostWrapper(work.node);
      const statement = target.parent;
      const isStatement = statement?.type === AST_NODE_TYPES.ExpressionStatement;
      const voided = statement?.type === AST_NODE_TYPES.UnaryExpression && statement.operator === 'void' && statement.parent.type === AST_NODE_TYPES.ExpressionStatement;
      helper ??= { returnsWork: false };
      helper.returnsWork ||= !isStatement && !voided;
      if (voided) {
        const operator = sourceCode.getFirstToken(statement)!;
        edits.push({ range: [operator.range[0], target.range[0]], text: '' });
      }
      edits.push(
        { range: [target.range[0], target.range[0]], text: `this.${TRACK_METHOD}(` },
        { range: [target.range[1], target.range[1]], text: ')' },
      );
    }
  }
  const methods: string[] = [];
  if (handledHelper) {
    if (options.taken.has(HANDLED_METHOD)) {
      return { decline: 'recorded-shape names taken' };
    }
    methods.push(writeHandledMethod(context, handledHelper));
  }
  if (helper) {
    if ([PENDING_FIELD, TRACK_METHOD].some((name) => options.taken.has(name))) {
      return { decline: 'recorded-shape names taken' };
    }
    fields.unshift(declareField(context, PENDING_FIELD, 'unknown[]', '[]'));
    methods.push(writeTrackMethod(context, helper.returnsWork, options.handleLateAwaits));
    awaited.unshift((instance) => ({ text: `${instance}.${PENDING_FIELD}`, spread: true }));
  }
  return { edits, fields, methods, collects: helper !== undefined, awaited: (instance) => awaited.map((make) => make(instance)), count: recorded.size };
}

/**
 * A new private field: `#name: Type = value;` in TypeScript; in JavaScript the type as JSDoc on the
 * line before (`\n`-separated), so that typed linting (allowJs) reads no `any` in it.
 */
export function declareField(context: { isTypeScript: boolean }, name: string, type: string | undefined, value?: string): string {
  const initializer = value === undefined ? '' : ` = ${value}`;
  if (type === undefined) {
    return `${name}${initializer};`;
  }
  return context.isTypeScript ? `${name}: ${type}${initializer};` : `/** @type {${type}} */\n${name}${initializer};`;
}

/**
 * `#handled(work)`: the awaitable class's records are awaited by `then`, maybe late; a failure
 * meanwhile is handled here (and still rejects the await), so it is no unhandled rejection. A
 * list's promises are handled together.
 */
function writeHandledMethod(context: RecordContext, needs: { lists: boolean; values: boolean }): string {
  const { layout, isTypeScript } = context;
  const what = needs.lists && needs.values ? '(Array.isArray(work) ? Promise.all(work) : Promise.resolve(work))' : needs.lists ? 'Promise.all(work)' : 'Promise.resolve(work)';
  const signature = isTypeScript ? (needs.lists && !needs.values ? '<T extends readonly unknown[]>(work: T): T' : '<T>(work: T): T') : '(work)';
  const comment = 'Awaited by `then`, maybe late: handled now, so a failure meanwhile is no unhandled rejection.';
  const doc = isTypeScript
    ? [`/** ${comment} */`]
    : ['/**', ` * ${comment}`, ' * @template T', ` * @param {T} work`, ' * @returns {T}', ' */'];
  if (layout.inline) {
    return `${doc.join(' ')} ${HANDLED_METHOD}${signature} { ${what}.catch(() => undefined); return work; }`;
  }
  return [
    ...doc.map((line) => `${layout.memberIndent}${line}`),
    `${layout.memberIndent}${HANDLED_METHOD}${signature} {`,
    `${layout.bodyIndent}${what}.catch(() => undefined);`,
    `${layout.bodyIndent}return work;`,
    `${layout.memberIndent}}`,
  ].join(layout.newline);
}

/** `#trackInit(work)`: records a piece of work (and gives it back, where its value is used where it stands). */
function writeTrackMethod(context: RecordContext, returnsWork: boolean, handleLateAwaits: boolean): string {
  const { layout, isTypeScript } = context;
  const signature = returnsWork ? (isTypeScript ? '<T>(work: T): T' : '(work)') : isTypeScript ? '(work: unknown): void' : '(work)';
  // JavaScript: JSDoc types, so that typed linting (allowJs) reads no `any` in it.
  const doc = isTypeScript ? [] : returnsWork ? ['/**', ' * @template T', ' * @param {T} work', ' * @returns {T}', ' */'] : ['/** @param {unknown} work */'];
  const lines = [
    ...(handleLateAwaits
      ? [
          layout.inline
            ? '/* Handled here so that a late await is no unhandled rejection; awaiting the instance still rejects with it. */'
            : `${layout.bodyIndent}// Handled here so that a late await is no unhandled rejection; awaiting the instance still rejects with it.`,
          `${layout.bodyIndent}Promise.resolve(work).catch(() => undefined);`,
        ]
      : []),
    `${layout.bodyIndent}this.${PENDING_FIELD}.push(work);`,
    ...(returnsWork ? [`${layout.bodyIndent}return work;`] : []),
  ];
  if (layout.inline) {
    return [...doc, `${TRACK_METHOD}${signature} {`, ...lines, '}'].join(' ');
  }
  return [...doc.map((line) => `${layout.memberIndent}${line}`), `${layout.memberIndent}${TRACK_METHOD}${signature} {`, ...lines, `${layout.memberIndent}}`].join(
    layout.newline,
  );
}

function isInLoop(node: TSESTree.Node, body: TSESTree.BlockStatement): boolean {
  for (let current = node.parent; current && current !== body; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return true;
      default:
        break;
    }
  }
  return false;
}

/** The word a piece is named after: its call's method (`connect`), else `work`. */
function describeWork(piece: Piece, sourceCode: SourceCode): string {
  const [first] = piece.works;
  let callee = first?.work.callee;
  if (first?.via) {
    callee = skipTypeWrappers((first.work.node as TSESTree.CallExpression).callee);
  }
  if (callee?.type === AST_NODE_TYPES.MemberExpression) {
    return getStaticKeyName(callee.property, callee.computed)?.replace(/^#/u, '') ?? 'work';
  }
  if (callee?.type === AST_NODE_TYPES.Identifier) {
    return callee.name;
  }
  void sourceCode;
  return 'work';
}

/**
 * The name of what a call is doing while it runs: `connect` → `connecting`, `updateOffline` →
 * `updatingOffline`, `_initialize` → `initializing`, `get` → `getting`; `work` → `working`.
 */
export function gerund(name: string): string {
  const bare = name.replace(/^[_$]+/u, '') || 'work';
  const match = /^([a-z]+)(.*)$/u.exec(bare);
  if (!match) {
    return `${bare.charAt(0).toLowerCase()}${bare.slice(1)}Work`;
  }
  const [, word, rest] = match as unknown as [string, string, string];
  let ing: string;
  if (word === 'init') {
    ing = 'initializing';
  } else if (word.endsWith('ie')) {
    ing = `${word.slice(0, -2)}ying`;
  } else if (word.endsWith('e') && !/(ee|ye|oe)$/u.test(word) && word.length > 2) {
    ing = `${word.slice(0, -1)}ing`;
  } else if (/^[^aeiou][aeiou][^aeiouwxy]$/u.test(word)) {
    ing = `${word}${word.at(-1)!}ing`;
  } else {
    ing = `${word}ing`;
  }
  return ing + rest;
}

/** Every member name of the class, private ones with their `#`. */
export function getTakenNames(classNode: ClassNode): Set<string> {
  const taken = new Set<string>();
  for (const member of classNode.body.body) {
    const name = getMemberName(member);
    if (name !== undefined) {
      taken.add(name);
    }
  }
  return taken;
}
