/** Where each piece of a class's construction work stands (the statement or field that holds it) and how a transform can await it from there, or why no transform can take it at all. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { ConstructionWork } from '../../analysis/construction-work.js';
import {
  getOutermostWrapper,
  getStaticKeyName,
  getThisOwner,
  isFunctionNode,
  isSubscribeMethodName,
  skipTypeWrappers,
  walk,
  type ClassNode,
  type ConstructorNode,
} from '../../utils/ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * How the statement that holds a piece of work gives its promise, once the statement runs where
 * it can be awaited (or where it stands, recorded):
 * - `expression`: `work;`, `void work;`, `options.lazy || work;`: the statement's expression
 *   (`operator` is the `void` token, replaced);
 * - `field`: `this.ready = work;` or a field initialiser `ready = work`: the field, read after
 *   the assignment (`spread`: it holds a list, `[work]` or `items.map(async …)`);
 * - `callbacks`: `items.forEach(async …);` / `items.map(async …);`: the calls' promises, with
 *   `forEach` read as `map`;
 * - `variable`: `const connecting = this.connect();`: the variable, after the declaration.
 */
export type Slot =
  | {
      kind: 'expression';
      expression: TSESTree.Expression;
      operator?: TSESTree.Token;
      /** The expression is the work itself (a promise), not `a || work`. */
      direct: boolean;
    }
  | {
      kind: 'field';
      /** `this.ready` of the assignment, or the field definition. */
      target: TSESTree.MemberExpression | TSESTree.PropertyDefinition | TSESTree.AccessorProperty;
      /** `ready`, `#ready`. */
      name: string;
      value: TSESTree.Expression;
      spread: boolean;
    }
  | { kind: 'callbacks'; call: TSESTree.CallExpression; forEach: boolean }
  | {
      kind: 'variable';
      /** `const connecting = this.connect();`: the variable, read after the declaration. */
      name: string;
    };

/** One statement (or field) of construction code holding reported work, and the work in it. */
export interface Piece {
  works: ConstructionWork[];
  /** The constructor statement that holds the work (its own `work;`, or the outermost one around a callback), or the field. */
  unit: TSESTree.Statement | TSESTree.PropertyDefinition | TSESTree.AccessorProperty;
  /** How a transform awaits it; `undefined` when its value is used where it stands (`foo(this.load())`). */
  slot: Slot | undefined;
  /** Why no transform can take it at all (the fix is declined). */
  decline?: string;
}

/**
 * The pieces of `works`, one per statement or field, in source order; or why the transforms
 * cannot take the class: background work (never awaited), work one call away whose wrapper does not
 * return it, the constructor's `return` of a promise, work in a parameter default, before
 * `super()`, in a nested `function` (where `this` is not the instance), or settled by an event
 * (awaiting it could wait forever).
 */
export function findPieces(
  classNode: ClassNode,
  constructorNode: ConstructorNode | undefined,
  works: readonly ConstructionWork[],
  sourceCode: SourceCode,
): Piece[] | { decline: string } {
  const byUnit = new Map<TSESTree.Node, Piece>();
  const pieces: Piece[] = [];
  const superStatement = classNode.superClass && constructorNode ? findSuperStatement(constructorNode) : undefined;
  for (const entry of works) {
    const { work, background, via } = entry;
    const decline = background
      ? 'background work'
      : via && !via.returnsWork
        ? 'work one call away'
        : work.returned
          ? 'constructor returns a promise'
          : undefined;
    if (decline) {
      return { decline };
    }
    const owner = getThisOwner(work.node);
    const inConstructor = constructorNode !== undefined && owner === constructorNode.value;
    const field =
      (owner?.type === AST_NODE_TYPES.PropertyDefinition || owner?.type === AST_NODE_TYPES.AccessorProperty) &&
      owner.parent === classNode.body &&
      !owner.static
        ? owner
        : undefined;
    if (!inConstructor && !field) {
      return { decline: 'work inside a nested function' };
    }
    if (inConstructor && !isWithin(work.node, constructorNode.value.body)) {
      return { decline: 'work in a parameter default' };
    }
    if (inConstructor && classNode.superClass && (!superStatement || work.node.range[0] < superStatement.range[1])) {
      return { decline: 'work before super()' };
    }
    if (waitsForAnEvent(work.node, sourceCode.visitorKeys)) {
      return { decline: 'waits for an event' };
    }
    const unit = field ?? getUnit(work.node, constructorNode!.value.body);
    let piece = byUnit.get(unit);
    if (!piece) {
      piece = { works: [], unit, slot: undefined };
      byUnit.set(unit, piece);
      pieces.push(piece);
    }
    piece.works.push(entry);
  }
  for (const piece of pieces) {
    piece.slot = getSlot(piece, sourceCode);
  }
  pieces.sort((a, b) => a.unit.range[0] - b.unit.range[0]);
  return pieces;
}

/** The innermost statement of the constructor's code around `node` (outside any function in it). */
function getUnit(node: TSESTree.Node, body: TSESTree.BlockStatement): TSESTree.Statement {
  let unit: TSESTree.Statement | undefined;
  for (let current: TSESTree.Node | undefined = node; current && current !== body; current = current.parent) {
    if (isFunctionNode(current)) {
      // A callback run during construction (`items.forEach(() => this.load())`): the statement around it.
      unit = undefined;
    } else if (!unit && isStatement(current)) {
      unit = current;
    }
  }
  return unit!;
}

function isStatement(node: TSESTree.Node): node is TSESTree.Statement {
  return node.type.endsWith('Statement') || node.type === AST_NODE_TYPES.VariableDeclaration;
}

/** How the unit's value gives the work's promise, when it does. */
function getSlot(piece: Piece, sourceCode: SourceCode): Slot | undefined {
  const { unit } = piece;
  if (unit.type === AST_NODE_TYPES.PropertyDefinition || unit.type === AST_NODE_TYPES.AccessorProperty) {
    const value = unit.value;
    const name = getStaticKeyName(unit.key, unit.computed);
    if (!value || name === undefined || !piece.works.every(({ work }) => isValueOf(valueOf(work), value))) {
      return undefined;
    }
    return { kind: 'field', target: unit, name, value, spread: isList(value, piece) };
  }
  // `const connecting = this.connect();`
  if (unit.type === AST_NODE_TYPES.VariableDeclaration) {
    const [declarator] = unit.declarations;
    if (
      unit.declarations.length !== 1 ||
      declarator?.id.type !== AST_NODE_TYPES.Identifier ||
      !declarator.init ||
      !piece.works.every(({ work }) => isValueOf(valueOf(work), declarator.init!))
    ) {
      return undefined;
    }
    return { kind: 'variable', name: declarator.id.name };
  }
  if (unit.type !== AST_NODE_TYPES.ExpressionStatement || typeof unit.directive === 'string') {
    return undefined;
  }
  const expression = unit.expression;
  // `this.ready = work;`, `this.#subs = items.map(async …);`
  if (expression.type === AST_NODE_TYPES.AssignmentExpression && expression.operator === '=') {
    const target = skipTypeWrappers(expression.left);
    const name = target.type === AST_NODE_TYPES.MemberExpression ? getStaticKeyName(target.property, target.computed) : undefined;
    if (
      target.type !== AST_NODE_TYPES.MemberExpression ||
      target.object.type !== AST_NODE_TYPES.ThisExpression ||
      target.optional ||
      name === undefined ||
      !piece.works.every(({ work }) => isValueOf(valueOf(work), expression.right))
    ) {
      return undefined;
    }
    return { kind: 'field', target, name, value: expression.right, spread: isList(expression.right, piece) };
  }
  // `items.forEach(async (item) => …);`, `items.map((item) => this.load(item));`
  const calls = piece.works.map(({ work }) => getCallbackCall(work));
  if (calls.some((call) => call !== undefined)) {
    const [call] = calls;
    if (call !== expression || calls.some((other) => other !== call) || call.callee.type !== AST_NODE_TYPES.MemberExpression || call.callee.computed) {
      return undefined;
    }
    return { kind: 'callbacks', call, forEach: getStaticKeyName(call.callee.property, false) === 'forEach' };
  }
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') {
    const operator = sourceCode.getFirstToken(expression);
    const argument = expression.argument;
    if (!operator || !piece.works.every(({ work }) => isValueOf(valueOf(work), argument))) {
      return undefined;
    }
    return { kind: 'expression', expression: argument, operator, direct: piece.works.some(({ work }) => getOutermostWrapper(work.node) === argument || work.node === argument) };
  }
  if (!piece.works.every(({ work }) => isValueOf(valueOf(work), expression))) {
    return undefined;
  }
  return {
    kind: 'expression',
    expression,
    direct: piece.works.some(({ work }) => getOutermostWrapper(work.node) === expression || work.node === expression),
  };
}

/**
 * What gives the work's promise: the work; for work that is a callback of `map` (`items.map(async
 * …)`) or what one returns (`items.map((item) => this.load(item))`), the call, a list of them.
 */
function valueOf(work: ConstructionWork['work']): TSESTree.Node {
  const call = getCallbackCall(work);
  return call && getStaticKeyName((call.callee as TSESTree.MemberExpression).property, (call.callee as TSESTree.MemberExpression).computed) === 'map'
    ? call
    : work.node;
}

/** `items.forEach(cb)` / `items.map(cb)` where the work is the callback (async) or what it returns (an expression body). */
function getCallbackCall(work: ConstructionWork['work']): TSESTree.CallExpression | undefined {
  let callback: TSESTree.Node | undefined;
  if (work.kind === 'asyncCallback') {
    callback = work.node;
  } else {
    const value = getOutermostWrapper(work.node);
    const arrow = value.parent;
    callback = arrow?.type === AST_NODE_TYPES.ArrowFunctionExpression && arrow.body === value ? arrow : undefined;
  }
  const call = callback?.parent;
  return call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments[0] === callback &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    ['forEach', 'map'].includes(getStaticKeyName(call.callee.property, call.callee.computed) ?? '')
    ? call
    : undefined;
}

/**
 * `node` is (one of) the values `root` evaluates to: `root` itself, through type wrappers, a
 * conditional's branch, either side of `||`/`&&`/`??`, or an element of an array literal `root`.
 */
function isValueOf(node: TSESTree.Node, root: TSESTree.Node): boolean {
  let child = node;
  for (let current = node.parent; child !== root; child = current, current = current.parent) {
    if (!current) {
      return false;
    }
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.LogicalExpression:
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (current.test === child) {
          return false;
        }
        break;
      case AST_NODE_TYPES.ArrayExpression:
        if (current !== root) {
          return false;
        }
        break;
      default:
        return false;
    }
  }
  return true;
}

/** The value is a list of promises: `[work]`, or `items.map(async …)`. */
function isList(value: TSESTree.Expression, piece: Piece): boolean {
  const inner = skipTypeWrappers(value);
  return inner.type === AST_NODE_TYPES.ArrayExpression || piece.works.some(({ work }) => getCallbackCall(work) !== undefined);
}

/** The constructor's top-level `super(…);`, after which `this` is the instance. */
function findSuperStatement(constructorNode: ConstructorNode): TSESTree.Statement | undefined {
  return constructorNode.value.body.body.find(
    (statement) =>
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.CallExpression &&
      statement.expression.callee.type === AST_NODE_TYPES.Super,
  );
}

export function isWithin(node: { range: readonly [number, number] }, container: { range: readonly [number, number] }): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/**
 * `new Promise((resolve) => { emitter.once('ready', resolve); … })`: the promise settles on an
 * event, which may only come once the caller uses the object. Awaiting it in the factory or the
 * initialiser could wait forever, so no transform takes such work.
 */
function waitsForAnEvent(statement: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  // One walk of the statement, however deeply the promises nest in each other (a walk of each
  // executor's body per `new Promise` was n² for n nested ones). It keeps the bodies it is inside:
  // the executors' (with their settlers' names) and the subscriptions' callbacks (with how many
  // executors were open around the subscription). The walk is depth-first, so a body is left once
  // a node outside it comes. The visitor allocates only for an executor and for a subscription.
  const executors: { body: TSESTree.Node; settlers: readonly string[] }[] = [];
  const levelsByName = new Map<string, number[]>();
  const callbacks: { body: TSESTree.Node; enclosing: number }[] = [];
  let found = false;
  walk(statement, visitorKeys, (node) => {
    if (found) {
      return 'skip';
    }
    leaveBodiesAround(node, executors, levelsByName, callbacks);
    const { parent } = node;
    if (parent && isFunctionNode(parent) && parent.body === node) {
      if (isPromiseExecutor(parent)) {
        const settlers = [...new Set(parent.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])))];
        for (const name of settlers) {
          let levels = levelsByName.get(name);
          if (!levels) {
            levels = [];
            levelsByName.set(name, levels);
          }
          levels.push(executors.length);
        }
        executors.push({ body: node, settlers });
      } else if (executors.length > 0 && parent.parent && isSubscription(parent.parent)) {
        // A function whose parent is a call and which is not its callee (a member) is an argument.
        callbacks.push({ body: node, enclosing: executors.length });
      }
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) {
      return undefined;
    }
    // `emitter.once('ready', resolve)`, or a callback that calls `resolve`, inside its executor.
    found =
      (isSubscription(node) && node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && levelsByName.get(argument.name)?.length)) ||
      (node.callee.type === AST_NODE_TYPES.Identifier &&
        callbacks.length > 0 &&
        (levelsByName.get(node.callee.name)?.[0] ?? Number.POSITIVE_INFINITY) < callbacks[callbacks.length - 1]!.enclosing);
    return undefined;
  });
  return found;
}

/** Closes the bodies of `waitsForAnEvent`'s walk that `node` is not inside. */
function leaveBodiesAround(
  node: TSESTree.Node,
  executors: { body: TSESTree.Node; settlers: readonly string[] }[],
  levelsByName: Map<string, number[]>,
  callbacks: { body: TSESTree.Node; enclosing: number }[],
): void {
  while (callbacks.length > 0 && !isWithin(node, callbacks[callbacks.length - 1]!.body)) {
    callbacks.pop();
  }
  while (executors.length > 0 && !isWithin(node, executors[executors.length - 1]!.body)) {
    for (const name of executors.pop()!.settlers) {
      levelsByName.get(name)?.pop();
    }
  }
}

/** `new Promise(executor)`'s executor. */
function isPromiseExecutor(fn: TSESTree.Node): boolean {
  const { parent } = fn;
  return (
    parent?.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments[0] === fn &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'Promise'
  );
}

/** `target.once(…)`, `target.on(…)`, `target.addEventListener(…)`: a call that subscribes. */
function isSubscription(node: TSESTree.Node): node is TSESTree.CallExpression {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    !node.callee.computed &&
    node.callee.property.type === AST_NODE_TYPES.Identifier &&
    isSubscribeMethodName(node.callee.property.name)
  );
}

/**
 * For every statement that holds pieces (a piece's own statement, and each statement around it
 * up to the constructor's body), the pieces inside it, in source order. One pass up from each piece.
 */
export function mapPiecesInside(pieces: readonly Piece[], body: TSESTree.BlockStatement | undefined): Map<TSESTree.Node, Piece[]> {
  const inside = new Map<TSESTree.Node, Piece[]>();
  for (const piece of pieces) {
    inside.set(piece.unit, [piece]);
    if (!body || !isWithin(piece.unit, body)) {
      continue;
    }
    for (let current: TSESTree.Node | undefined = piece.unit.parent; current && current !== body; current = current.parent) {
      const list = inside.get(current);
      if (list) {
        list.push(piece);
      } else {
        inside.set(current, [piece]);
      }
    }
  }
  return inside;
}
