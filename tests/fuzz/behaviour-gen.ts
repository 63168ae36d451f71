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

export type ParamKind = 'plain' | 'default' | 'destructured' | 'property';
export type Form = 'call' | 'void' | 'catch' | 'stored' | 'storedPrivate' | 'iife' | 'then' | 'promise' | 'all' | 'function';
export type Wrapper = 'none' | 'if' | 'ifElse' | 'ifElseBoth' | 'forOf' | 'forCount' | 'try' | 'switch';
export type StatementKind = 'event' | 'assign' | 'local';

export interface Piece {
  form: Form;
  wrapper: Wrapper;
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
  form: fc.constantFrom<Form>('call', 'void', 'catch', 'stored', 'storedPrivate', 'iife', 'then', 'promise', 'all', 'function'),
  wrapper: fc.oneof(
    { weight: 3, arbitrary: fc.constant<Wrapper>('none') },
    { weight: 5, arbitrary: fc.constantFrom<Wrapper>('if', 'ifElse', 'ifElseBoth', 'forOf', 'forCount', 'try', 'switch') },
  ),
  arg: fc.nat({ max: 7 }),
  cond: fc.nat({ max: 7 }),
  inner: fc.boolean(),
  after: fc.option(fc.constantFrom<StatementKind>('event', 'assign'), { freq: 2 }),
});

export const generatedClass: fc.Arbitrary<GeneratedClass> = fc.record({
  lang: fc.constantFrom<'js' | 'ts'>('js', 'ts'),
  subclass: fc.boolean(),
  params: fc.shuffledSubarray<ParamKind>(['plain', 'default', 'destructured', 'property'], { minLength: 0, maxLength: 4 }),
  retries: fc.constantFrom<0 | 2>(0, 2),
  enabled: fc.boolean(),
  before: fc.array(fc.constantFrom<StatementKind>('event', 'assign', 'local'), { maxLength: 3 }),
  pieces: fc.array(piece, { minLength: 1, maxLength: 3 }),
  after: fc.array(fc.constantFrom<StatementKind>('event', 'assign'), { maxLength: 2 }),
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
    }
  };

  spec.pieces.forEach((p, index) => {
    const key = `w${index}`;
    const string = strings.length > 0 ? strings[p.arg % strings.length]! : { expr: "'c'", value: 'c' };
    const cond = conditions[p.cond % conditions.length]!;
    const innerStatement = p.inner ? [`ev('ctor:in${index}');`] : [];
    const indent = (lines: string[]): string[] => lines.map((line) => `  ${line}`);
    const work = renderForm(p.form, key, string.expr);
    switch (p.wrapper) {
      case 'none':
        body.push(...innerStatement, ...work);
        break;
      case 'if':
        body.push(`if (${cond.expr}) {`, ...indent([...innerStatement, ...work]), '}');
        break;
      case 'ifElse':
        body.push(`if (${cond.expr}) {`, ...indent([...innerStatement, ...work]), '} else {', `  ev('ctor:else${index}');`, '}');
        break;
      case 'ifElseBoth':
        body.push(
          `if (${cond.expr}) {`,
          ...indent([...innerStatement, ...work]),
          '} else {',
          ...indent(renderForm(p.form, `${key}e`, string.expr)),
          '}',
        );
        break;
      case 'forOf':
        body.push(
          `for (const item of [${string.expr}, 'z']) {`,
          ...indent([...innerStatement, ...renderForm(p.form, key, 'item')]),
          '}',
        );
        break;
      case 'forCount':
        body.push(`for (let i = 0; i < 2; i++) {`, ...indent([...innerStatement, ...work]), '}');
        break;
      case 'try':
        body.push('try {', ...indent([...innerStatement, ...work]), '} catch {', `  ev('ctor:catch${index}');`, '}');
        break;
      case 'switch': {
        const matches = p.cond % 2 === 0;
        body.push(
          `switch (${string.expr}) {`,
          `  case '${matches ? string.value : 'other'}':`,
          ...indent(indent([...innerStatement, ...work])),
          '    break;',
          '  default:',
          `    ev('ctor:default${index}');`,
          '}',
        );
        break;
      }
    }
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
      '  setTimeout(() => {',
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
    ts ? 'errors: unknown[] = [];' : 'errors = [];',
    ...(spec.privateState ? ['#secret = 1;'] : []),
    ...fieldsDeclared,
    ...fieldLines,
  ];
  lines.push(...members.map((line) => `  ${line}`), '');
  lines.push(`  constructor(${paramTexts.join(', ')}) {`, ...body.map((line) => `    ${line}`), '  }', '');
  lines.push(
    ts ? '  async load(key: string, value: string): Promise<void> {' : '  async load(key, value) {',
    '    await work(key);',
    "    this.loaded.push(key + '=' + value);",
    '  }',
  );
  if (spec.privateState) {
    lines.push('', ts ? '  secret(): number {' : '  secret() {', '    return this.#secret;', '  }');
  }
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
