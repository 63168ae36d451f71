/** Whether an expression can be evaluated again, or later, without anything seeing a difference: it writes nothing and calls only functions known to write nothing; and whether its value is a fresh object (whose identity a second evaluation would not share). */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticKeyName, isGlobalReference, skipTypeWrappers, walk } from '../utils/ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Global functions and namespaces whose calls write nothing (`Math.random`, `Date.now` are not repeatable, and left out). */
const PURE_GLOBAL_CALLS = new Set([
  'String',
  'Number',
  'Boolean',
  'BigInt',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURIComponent',
  'decodeURIComponent',
  'encodeURI',
  'decodeURI',
]);

const PURE_STATIC_CALLS: Readonly<Record<string, ReadonlySet<string>>> = {
  Object: new Set(['keys', 'values', 'entries', 'fromEntries', 'getOwnPropertyNames', 'hasOwn', 'is']),
  Array: new Set(['isArray', 'of', 'from']),
  JSON: new Set(['stringify', 'parse']),
  Math: new Set(['abs', 'ceil', 'floor', 'round', 'trunc', 'sign', 'max', 'min', 'pow', 'sqrt', 'log', 'log2', 'log10', 'exp', 'hypot', 'cbrt']),
  Number: new Set(['isInteger', 'isFinite', 'isNaN', 'isSafeInteger', 'parseInt', 'parseFloat']),
  String: new Set(['fromCharCode', 'fromCodePoint', 'raw']),
};

/** Methods, on whatever they are called, that read their receiver and return a new value. */
const PURE_METHODS = new Set([
  'slice',
  'concat',
  'includes',
  'indexOf',
  'lastIndexOf',
  'startsWith',
  'endsWith',
  'trim',
  'trimStart',
  'trimEnd',
  'toLowerCase',
  'toUpperCase',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'split',
  'join',
  'replace',
  'replaceAll',
  'padStart',
  'padEnd',
  'repeat',
  'at',
  'charAt',
  'charCodeAt',
  'codePointAt',
  'substring',
  'substr',
  'toString',
  'toFixed',
  'valueOf',
  'normalize',
  'map',
  'filter',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flat',
  'flatMap',
  'reduce',
  'reduceRight',
  'has',
  'get',
  'match',
]);

/** Of those, the ones whose value is a primitive (no identity to lose). */
const PRIMITIVE_METHODS = new Set([
  'includes',
  'indexOf',
  'lastIndexOf',
  'startsWith',
  'endsWith',
  'trim',
  'trimStart',
  'trimEnd',
  'toLowerCase',
  'toUpperCase',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'join',
  'replace',
  'replaceAll',
  'padStart',
  'padEnd',
  'repeat',
  'charAt',
  'charCodeAt',
  'codePointAt',
  'substring',
  'substr',
  'toString',
  'toFixed',
  'normalize',
  'some',
  'every',
  'findIndex',
  'findLastIndex',
  'has',
]);

/** `new` of these makes a fresh value and does nothing else. */
const PURE_CONSTRUCTORS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'URL', 'URLSearchParams', 'Array', 'Error', 'RegExp']);

export interface PurityOptions {
  /** Whether a call of the instance's own method (`this.isReady()`) writes nothing. */
  isPureMethodCall?: (call: TSESTree.CallExpression) => boolean;
}

/**
 * `expression` writes nothing and calls nothing that could: operators, member reads (getters are
 * trusted), literals, arrow functions handed to a pure method (`keys.filter((key) => …)`), and
 * calls of the functions and methods above (or an own method the caller vouches for).
 */
export function isPureExpression(expression: TSESTree.Node, sourceCode: SourceCode, options: PurityOptions = {}): boolean {
  let pure = true;
  walk(expression, sourceCode.visitorKeys, (node) => {
    if (!pure) {
      return 'skip';
    }
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.PrivateIdentifier:
      case AST_NODE_TYPES.ThisExpression:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.TemplateElement:
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.SpreadElement:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ObjectPattern:
      case AST_NODE_TYPES.ArrayPattern:
      case AST_NODE_TYPES.AssignmentPattern:
      case AST_NODE_TYPES.RestElement:
        return undefined;
      case AST_NODE_TYPES.UnaryExpression:
        pure = node.operator !== 'delete';
        return undefined;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        // Made, not run: pure when a pure method runs it and its body is an expression that is.
        pure = isCallbackOfPureCall(node) && node.body.type !== AST_NODE_TYPES.BlockStatement && !node.async;
        return undefined;
      case AST_NODE_TYPES.NewExpression:
        pure = node.callee.type === AST_NODE_TYPES.Identifier && PURE_CONSTRUCTORS.has(node.callee.name) && isGlobalReference(node.callee, node.callee.name, sourceCode);
        return undefined;
      case AST_NODE_TYPES.CallExpression:
        pure = isPureCall(node, sourceCode, options);
        return undefined;
      default:
        pure = false;
        return 'skip';
    }
  });
  return pure;
}

function isPureCall(call: TSESTree.CallExpression, sourceCode: SourceCode, options: PurityOptions): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return PURE_GLOBAL_CALLS.has(callee.name) && isGlobalReference(callee, callee.name, sourceCode);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const name = getStaticKeyName(callee.property, callee.computed);
  if (name === undefined) {
    return false;
  }
  const object = skipTypeWrappers(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier && PURE_STATIC_CALLS[object.name] && isGlobalReference(object, object.name, sourceCode)) {
    return PURE_STATIC_CALLS[object.name]!.has(name);
  }
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    return options.isPureMethodCall?.(call) ?? false;
  }
  return PURE_METHODS.has(name);
}

function isCallbackOfPureCall(fn: TSESTree.ArrowFunctionExpression): boolean {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn)) {
    return false;
  }
  const callee = skipTypeWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && PURE_METHODS.has(getStaticKeyName(callee.property, callee.computed) ?? '');
}

/**
 * The value of a pure `expression` is the same thing each time it is evaluated: a primitive, or
 * an object it reads rather than makes (`options.url`, `this.client`). `[…]`, `{…}`, `new Map()`,
 * `keys.filter(…)` make a fresh one.
 */
export function keepsIdentity(expression: TSESTree.Node): boolean {
  const stack: TSESTree.Node[] = [expression];
  while (stack.length > 0) {
    const node = skipTypeWrappers(stack.pop()!);
    switch (node.type) {
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ClassExpression:
        return false;
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipTypeWrappers(node.callee);
        const name =
          callee.type === AST_NODE_TYPES.MemberExpression
            ? getStaticKeyName(callee.property, callee.computed)
            : callee.type === AST_NODE_TYPES.Identifier
              ? callee.name
              : undefined;
        if (name === undefined || !(PRIMITIVE_METHODS.has(name) || PURE_GLOBAL_CALLS.has(name))) {
          return false;
        }
        break;
      }
      case AST_NODE_TYPES.LogicalExpression:
        stack.push(node.left, node.right);
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        stack.push(node.consequent, node.alternate);
        break;
      default:
        break;
    }
  }
  return true;
}
