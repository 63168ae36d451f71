import fc from 'fast-check';

import type { Shape } from '../helpers/fix-outcomes.js';

/**
 * A fast-check generator of classes whose constructors are made of the parts real constructors
 * have, rendered as a {@link Shape} for tests/helpers/fix-outcomes.ts: parameters (plain,
 * parameter properties, defaults, destructuring), statements before and after the work, the work
 * in each form `no-async-constructor` reports, wrapped in nothing, `if`, `if`/`else`, loops, `try`
 * or `switch`, one or several pieces, field initialisers, subclasses after `super()`, `.js` and `.ts`.
 * Every value the generated code reads has a value the generator knows, so guards are true or
 * false on purpose.
 */

export type ParamKind = 'plain' | 'default' | 'destructured' | 'property' | 'rest';
export type Form = 'call' | 'void' | 'catch' | 'stored' | 'storedPrivate' | 'continued' | 'iife' | 'then' | 'promise' | 'all' | 'function' | 'viaMethod';
export type Wrapper = 'none' | 'if' | 'ifElse' | 'ifElseBoth' | 'forOf' | 'forCount' | 'try' | 'switch';
export type StatementKind = 'event' | 'assign' | 'local' | 'readSync' | 'setMode' | 'earlyReturn';

export interface Piece {
  form: Form;
  /** Outermost first: `['forOf', 'if']` is an `if` inside a `for…of`. */
  wrappers: Wrapper[];
  /** Which readable value the work is given (an index into what is in scope, modulo its length). */
  arg: number;
  /** Which condition guards it (an index, modulo), for `if`/`switch`. */
  cond: number;
  /** A constructor statement inside the wrapper, before the work (loops: interleaved). */
  inner: boolean;
  /** A constructor statement after the piece. */
  after: StatementKind | null;
}

export interface FieldSpec {
  kind: 'plain' | 'work' | 'workCatch';
}

export interface GeneratedClass {
  lang: 'js' | 'ts';
  subclass: boolean;
  params: ParamKind[];
  retries: 0 | 2;
  enabled: boolean;
  before: StatementKind[];
  pieces: Piece[];
  after: StatementKind[];
  fields: FieldSpec[];
  privateState: boolean;
}

const piece: fc.Arbitrary<Piece> = fc.record({
  form: fc.constantFrom<Form>('call', 'void', 'catch', 'stored', 'storedPrivate', 'continued', 'iife', 'then', 'promise', 'all', 'function', 'viaMethod'),
  wrappers: fc.array(fc.constantFrom<Wrapper>('if', 'ifElse', 'ifElseBoth', 'forOf', 'forCount', 'try', 'switch'), { maxLength: 2 }),
  arg: fc.nat({ max: 7 }),
  cond: fc.nat({ max: 7 }),
  inner: fc.boolean(),
  after: fc.option(fc.constantFrom<StatementKind>('event', 'assign', 'readSync', 'setMode', 'earlyReturn'), { freq: 2 }),
});

export const generatedClass: fc.Arbitrary<GeneratedClass> = fc.record({
  lang: fc.constantFrom<'js' | 'ts'>('js', 'ts'),
  subclass: fc.boolean(),
  params: fc
    .shuffledSubarray<ParamKind>(['plain', 'default', 'destructured', 'property', 'rest'], { minLength: 0, maxLength: 5 })
    // A rest parameter comes last.
    .map((params) => [...params.filter((kind) => kind !== 'rest'), ...params.filter((kind) => kind === 'rest')]),
  retries: fc.constantFrom<0 | 2>(0, 2),
  enabled: fc.boolean(),
  before: fc.array(fc.constantFrom<StatementKind>('event', 'assign', 'local', 'setMode', 'earlyReturn'), { maxLength: 3 }),
  pieces: fc.array(piece, { minLength: 1, maxLength: 3 }),
  after: fc.array(fc.constantFrom<StatementKind>('event', 'assign', 'readSync', 'setMode'), { maxLength: 2 }),
  fields: fc.array(fc.record({ kind: fc.constantFrom<FieldSpec['kind']>('plain', 'work', 'workCatch') }), { maxLength: 2 }),
  privateState: fc.boolean(),
});

interface Binding {
  /** The expression that reads it. */
  expr: string;
  /** Its value at run time. */
  value: string;
}

interface Condition {
  expr: string;
}

/** Renders a generated class as a module body and the driver's view of it. */
export function renderClass(spec: GeneratedClass, name = 'generated'): Shape {
  const ts = spec.lang === 'ts';
  const params = spec.params.map((kind): ParamKind | 'plain2' => (kind === 'property' && !ts ? 'plain2' : kind));
  const paramTexts: string[] = [];
  const args: string[] = [];
  const strings: Binding[] = [];
  const conditions: Condition[] = [];
  for (const kind of params) {
    switch (kind) {
      case 'plain':
        paramTexts.push(ts ? 'url: string' : 'url');
        args.push("'u1'");
        strings.push({ expr: 'url', value: 'u1' });
        conditions.push({ expr: "url !== ''" }, { expr: "url === 'off'" });
        break;
      case 'plain2':
        paramTexts.push('host');
        args.push("'h1'");
        strings.push({ expr: 'host', value: 'h1' });
        break;
      case 'property':
        paramTexts.push('private readonly host: string');
        args.push("'h1'");
        strings.push({ expr: 'host', value: 'h1' }, { expr: 'this.host', value: 'h1' });
        break;
      case 'default':
        paramTexts.push(ts ? 'retries = 3' : 'retries = 3');
        args.push(String(spec.retries));
        strings.push({ expr: 'String(retries)', value: String(spec.retries) });
        conditions.push({ expr: 'retries > 0' });
        break;
      case 'rest':
        paramTexts.push(ts ? '...rest: string[]' : '...rest');
        args.push("'r1', 'r2'");
        strings.push({ expr: "rest.join('+')", value: 'r1+r2' });
        conditions.push({ expr: 'rest.length > 1' });
        break;
      case 'destructured':
        paramTexts.push(
          ts ? "{ enabled = true, label = 'L' }: { enabled?: boolean; label?: string } = {}" : "{ enabled = true, label = 'L' } = {}",
        );
        args.push(`{ enabled: ${String(spec.enabled)}, label: 'L1' }`);
        strings.push({ expr: 'label', value: 'L1' });
        conditions.push({ expr: 'enabled' }, { expr: '!enabled' });
        break;
    }
  }
  if (!ts && params.length > 0 && spec.retries === 2) {
    strings.push({ expr: 'String(arguments.length)', value: String(args.length) });
  }
  if (conditions.length === 0) {
    conditions.push({ expr: 'this.loaded.length === 0' }, { expr: 'this.errors.length > 0' });
  }

  const body: string[] = ['seen.push(this);'];
  const fieldsDeclared: string[] = [];
  const stored: string[] = [];
  let statementCount = 0;
  const statement = (kind: StatementKind): string[] => {
    const n = statementCount++;
    switch (kind) {
      case 'event':
        return [`ev('ctor:s${n}');`];
      case 'assign': {
        fieldsDeclared.push(ts ? `field${n} = '';` : `field${n} = '';`);
        const source = strings[n % Math.max(strings.length, 1)];
        return [`this.field${n} = ${source ? source.expr : "'v'"} + '!';`, `ev('ctor:s${n}');`];
      }
      case 'setMode':
        // The work's synchronous part reads `mode`: moving the work past this changes what it sees.
        return [`this.mode = 'm${n}';`];
      case 'earlyReturn': {
        const cond = conditions[n % conditions.length]!;
        return [`if (${cond.expr}) {`, `  ev('ctor:return${n}');`, '  return;', '}'];
      }
      case 'readSync':
        // Reads what the work's synchronous part did (load() records its key before it awaits).
        return [`ev('ctor:s${n}-saw' + this.started.length);`];
      case 'local': {
        const source = strings[n % Math.max(strings.length, 1)];
        const value = source ? source.value : 'v';
        strings.push({ expr: `local${n}`, value: value + '-' + n });
        return [`const local${n} = ${source ? source.expr : "'v'"} + '-${n}';`];
      }
    }
  };
  for (const kind of spec.before) {
    body.push(...statement(kind));
  }

  const handler = (key: string): string[] => [
    `.catch((error${ts ? ': unknown' : ''}) => {`,
    `  ev('handled:${key}');`,
    '  this.errors.push(error);',
    '});',
  ];
  const extraMembers: string[] = [];
  let usesLater = false;
  let usesRefresh = false;
  const renderForm = (form: Form, key: string, arg: string): string[] => {
    const load = `this.load('${key}', ${arg})`;
    switch (form) {
      case 'call':
        return [`${load};`];
      case 'void':
        return [`void ${load};`];
      case 'catch':
        return [`${load}${handler(key)[0]}`, ...handler(key).slice(1)];
      case 'stored': {
        const field = `ready_${key.replace(/\W/g, '_')}`;
        if (!stored.includes(field)) {
          stored.push(field);
          fieldsDeclared.push(ts ? `${field}: Promise<void> | undefined;` : `${field};`);
        }
        return [`this.${field} = ${load};`];
      }
      case 'storedPrivate': {
        const field = `#ready_${key.replace(/\W/g, '_')}`;
        if (!stored.includes(field)) {
          stored.push(field);
          fieldsDeclared.push(ts ? `${field}: Promise<void> | undefined;` : `${field};`);
        }
        return [`this.${field} = ${load};`];
      }
      case 'continued': {
        // The initialisation goes on from the stored promise once it settles (B3).
        const field = `ready_${key.replace(/\W/g, '_')}`;
        if (!stored.includes(field)) {
          stored.push(field);
          fieldsDeclared.push(ts ? `${field}: Promise<void> | undefined;` : `${field};`);
        }
        return [`this.${field} = ${load};`, `this.${field}.then(() => this.load('${key}.more', ${arg}));`];
      }
      case 'iife':
        return ['(async () => {', `  await ${load};`, `  ev('iife:${key}');`, '})();'];
      case 'then':
        return [`${load}.then(() => {`, `  ev('then:${key}');`, '});'];
      case 'promise':
        usesLater = true;
        return [
          `new Promise${ts ? '<void>' : ''}((resolve, reject) => {`,
          `  later('${key}', ${arg}, (error) => (error ? reject(error) : resolve()));`,
          '});',
        ];
      case 'all':
        return [`Promise.all([this.load('${key}.a', ${arg}), this.load('${key}.b', ${arg})]);`];
      case 'function':
        usesRefresh = true;
        return [`refresh(this, '${key}', ${arg});`];
      case 'viaMethod': {
        // Work started one call away, through a synchronous method.
        const method = `begin_${key.replace(/\W/g, '_')}`;
        if (!extraMembers.some((line) => line.includes(`${method}(`))) {
          extraMembers.push(
            '',
            ts ? `  ${method}(value: string): void {` : `  ${method}(value) {`,
            `    void this.load('${key}', value);`,
            '  }',
          );
        }
        return [`this.${method}(${arg});`];
      }
    }
  };

  spec.pieces.forEach((p, index) => {
    const key = `w${index}`;
    const string = strings.length > 0 ? strings[p.arg % strings.length]! : { expr: "'c'", value: 'c' };
    const cond = conditions[p.cond % conditions.length]!;
    const innerStatement = p.inner ? [`ev('ctor:in${index}');`] : [];
    const indent = (lines: string[]): string[] => lines.map((line) => `  ${line}`);
    /** The work under wrappers[level…], for key `key`, reading `arg`. */
    const wrap = (level: number, pieceKey: string, arg: string): string[] => {
      const wrapper = p.wrappers[level];
      if (wrapper === undefined) {
        return [...innerStatement, ...renderForm(p.form, pieceKey, arg)];
      }
      const inner = (): string[] => indent(wrap(level + 1, pieceKey, arg));
      switch (wrapper) {
        case 'none':
          return wrap(level + 1, pieceKey, arg);
        case 'if':
          return [`if (${cond.expr}) {`, ...inner(), '}'];
        case 'ifElse':
          return [`if (${cond.expr}) {`, ...inner(), '} else {', `  ev('ctor:else${index}');`, '}'];
        case 'ifElseBoth':
          return [`if (${cond.expr}) {`, ...inner(), '} else {', ...indent(wrap(level + 1, `${pieceKey}e`, arg)), '}'];
        case 'forOf':
          return [`for (const item${level} of [${arg}, 'z']) {`, ...indent(wrap(level + 1, pieceKey, `item${level}`)), '}'];
        case 'forCount':
          return [`for (let i${level} = 0; i${level} < 2; i${level}++) {`, ...inner(), '}'];
        case 'try':
          return ['try {', ...inner(), '} catch {', `  ev('ctor:catch${index}');`, '}'];
        case 'switch': {
          const matches = (p.cond + level) % 2 === 0;
          return [
            `switch (${arg}) {`,
            `  case '${matches ? string.value : 'other'}':`,
            ...indent(inner()),
            '    break;',
            '  default:',
            `    ev('ctor:default${index}');`,
            '}',
          ];
        }
      }
    };
    body.push(...wrap(0, key, string.expr));
    if (p.after) {
      body.push(...statement(p.after));
    }
  });
  for (const kind of spec.after) {
    body.push(...statement(kind));
  }

  const fieldLines: string[] = [];
  spec.fields.forEach((field, index) => {
    if (field.kind === 'plain') {
      fieldLines.push(`tag${index} = 'tag';`);
    } else if (field.kind === 'work') {
      fieldLines.push(`ready_f${index} = this.load('f${index}', 'field');`);
    } else {
      fieldLines.push(
        `warm_f${index} = this.load('f${index}', 'field').catch((error${ts ? ': unknown' : ''}) => {`,
        `  ev('handled:f${index}');`,
        '  this.errors.push(error);',
        '});',
      );
    }
  });

  const lines: string[] = [];
  if (usesLater) {
    lines.push(
      ts
        ? 'function later(key: string, value: string, callback: (error: Error | null) => void): void {'
        : 'function later(key, value, callback) {',
      "  ev(key + ':start');",
      '  control.pending++;',
      '  setTimeout(() => {',
      '    control.pending--;',
      '    if (control.fail) {',
      '      callback(control.error);',
      '    } else {',
      "      ev(key + ':end=' + value);",
      '      callback(null);',
      '    }',
      '  }, 1);',
      '}',
      '',
    );
  }
  if (usesRefresh) {
    lines.push(
      ts
        ? 'async function refresh(target: { loaded: string[] }, key: string, value: string): Promise<void> {'
        : 'async function refresh(target, key, value) {',
      '  await work(key);',
      "  target.loaded.push(key + '=' + value);",
      '}',
      '',
    );
  }
  if (spec.subclass) {
    lines.push(
      'export class Base {',
      ...(ts ? ['  name: string;', ''] : []),
      `  constructor(name${ts ? ': string' : ''}) {`,
      "    ev('ctor:base');",
      '    this.name = name;',
      '  }',
      '}',
      '',
    );
    body.unshift("super('base');");
  }
  lines.push(`export class Subject${spec.subclass ? ' extends Base' : ''} {`);
  const members: string[] = [
    ts ? 'loaded: string[] = [];' : 'loaded = [];',
    ts ? 'started: string[] = [];' : 'started = [];',
    "mode = 'm';",
    ts ? 'errors: unknown[] = [];' : 'errors = [];',
    ...(spec.privateState ? ['#secret = 1;'] : []),
    ...fieldsDeclared,
    ...fieldLines,
  ];
  lines.push(...members.map((line) => `  ${line}`), '');
  lines.push(`  constructor(${paramTexts.join(', ')}) {`, ...body.map((line) => `    ${line}`), '  }', '');
  lines.push(
    ts ? '  async load(key: string, value: string): Promise<void> {' : '  async load(key, value) {',
    '    this.started.push(key);',
    "    ev(key + ':got=' + value + '@' + this.mode);",
    '    await work(key);',
    "    this.loaded.push(key + '=' + value);",
    '  }',
  );
  if (spec.privateState) {
    lines.push('', ts ? '  secret(): number {' : '  secret() {', '    return this.#secret;', '  }');
  }
  lines.push(...extraMembers);
  lines.push('}', '');
  return {
    name,
    lang: spec.lang,
    code: lines.join('\n'),
    className: 'Subject',
    args: args.join(', '),
    check: `(subject) => Array.isArray(subject.loaded)${spec.privateState ? ' && subject.secret() === 1' : ''}`,
  };
}
