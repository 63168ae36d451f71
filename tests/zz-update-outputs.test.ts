// TEMPORARY TOOL (never committed): regenerates the expected suggestion/fix outputs of rule test files.
// UPDATE_FILES=tests/rules/a.test.ts,... npx vitest run tests/zz-update-outputs.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { parse, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { it } from 'vitest';

import { fixturesDir, jsTester, tsTester, typedTester } from './helpers/rule-tester.js';

interface Captured {
  tester: RuleTester;
  rule: unknown;
  invalid: Record<string, unknown>[];
}

const files = (process.env.UPDATE_FILES ?? '').split(',').filter(Boolean);

function escapeTemplate(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r');
}

function cooked(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]!.value.cooked ?? undefined;
  }
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
    return node.value;
  }
  return undefined;
}

function prop(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  return object.properties.find(
    (property): property is TSESTree.Property =>
      property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name,
  );
}

function applyFix(code: string, fix: { range: [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

function applyFixesOnce(code: string, messages: Linter.LintMessage[]): string {
  const fixes = messages.filter((message) => message.fix).map((message) => message.fix!).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let result = '';
  let last = -1;
  let position = 0;
  for (const fix of fixes) {
    if (fix.range[0] <= last) {
      continue;
    }
    result += code.slice(position, fix.range[0]) + fix.text;
    position = fix.range[1];
    last = fix.range[1] - 1;
    if (fix.range[0] === fix.range[1]) {
      last = fix.range[1];
    }
  }
  return result + code.slice(position);
}

const capturedByFile = new Map<string, Captured[]>();
for (const file of files) {
  const captured: Captured[] = [];
  const original = RuleTester.prototype.run;
  RuleTester.prototype.run = function (this: RuleTester, _name: string, rule: unknown, tests: { invalid: Record<string, unknown>[] }) {
    captured.push({ tester: this, rule, invalid: tests.invalid });
  } as never;
  try {
    await import(path.resolve(file));
  } finally {
    RuleTester.prototype.run = original;
  }
  capturedByFile.set(file, captured);
}

for (const file of files) {
  it(`updates ${file}`, () => {
    const captured = capturedByFile.get(file)!;
    console.log('CAPTURED', captured.map((entry) => `${entry.tester === jsTester ? 'js' : entry.tester === tsTester ? 'ts' : entry.tester === typedTester ? 'typed' : '?'}:${entry.invalid.length}`).join(' '));
    const source = readFileSync(file, 'utf8');
    const ast = parse(source, { range: true, loc: true });
    // Every object literal with a `code` and `errors`: candidate cases, in source order.
    const objects: TSESTree.ObjectExpression[] = [];
    const stack: unknown[] = [ast];
    while (stack.length > 0) {
      const node = stack.pop() as TSESTree.Node;
      if (!node || typeof node !== 'object') continue;
      if ((node as { type?: string }).type === AST_NODE_TYPES.ObjectExpression) {
        const object = node as TSESTree.ObjectExpression;
        if (prop(object, 'code') && prop(object, 'errors')) objects.push(object);
      }
      for (const [key, value] of Object.entries(node)) {
        if (key === 'parent' || key === 'loc' || key === 'range') continue;
        if (Array.isArray(value)) stack.push(...value);
        else if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') stack.push(value);
      }
    }
    objects.sort((a, b) => a.range[0] - b.range[0]);
    // `code: injectedClient`: the constant's value.
    const constants = new Map<string, string>();
    const stack2: unknown[] = [ast];
    while (stack2.length > 0) {
      const node = stack2.pop() as TSESTree.Node;
      if (!node || typeof node !== 'object') continue;
      if ((node as { type?: string }).type === AST_NODE_TYPES.VariableDeclarator) {
        const declarator = node as TSESTree.VariableDeclarator;
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) {
          const value = cooked(declarator.init);
          if (value !== undefined) constants.set(declarator.id.name, value);
        }
      }
      for (const [key, value] of Object.entries(node)) {
        if (key === 'parent' || key === 'loc' || key === 'range') continue;
        if (Array.isArray(value)) stack2.push(...value);
        else if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') stack2.push(value);
      }
    }
    const codeOf = (object: TSESTree.ObjectExpression): string | undefined => {
      const value = prop(object, 'code')!.value as TSESTree.Node;
      return value.type === AST_NODE_TYPES.Identifier ? constants.get(value.name) : cooked(value);
    };
    const used = new Set<TSESTree.ObjectExpression>();
    const edits: { range: [number, number]; text: string }[] = [];
    const linter = new Linter({ configType: 'flat' });
    let changed = 0;
    for (const { tester, rule, invalid } of captured) {
      for (const testCase of invalid) {
        const code = testCase.code as string;
        const object = objects.find((candidate) => !used.has(candidate) && codeOf(candidate) === code);
        if (!object) {
          console.log('NO OBJECT FOR', code.slice(0, 80));
          continue;
        }
        used.add(object);
        const typed = tester === typedTester;
        const js = tester === jsTester;
        if (!typed && !js && tester !== tsTester) {
          throw new Error('unknown tester');
        }
        const caseLanguage = (testCase.languageOptions ?? {}) as { parserOptions?: Record<string, unknown>; parser?: unknown };
        let filename = (testCase.filename as string | undefined) ?? (js ? 'file.js' : 'file.ts');
        if (typed) filename = path.resolve(fixturesDir, filename);
        const parserOptions = {
          ...(js ? { ecmaVersion: 'latest', sourceType: 'module' } : {}),
          ...(typed ? { projectService: true, tsconfigRootDir: fixturesDir } : {}),
          ...(caseLanguage.parserOptions ?? {}),
        };
        const config: Linter.Config[] = [
          {
            files: ['**/*.ts', '**/*.js', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.mjs', '**/*.cjs', '**/*.jsx'],
            plugins: { t: { rules: { r: rule as never } } },
            languageOptions: { parser: (caseLanguage.parser ?? (js ? espree : tsParser)) as Linter.Parser, parserOptions },
            ...(testCase.settings ? { settings: testCase.settings as Record<string, unknown> } : {}),
            rules: { 't/r': ['error', ...((testCase.options as unknown[] | undefined) ?? [])] },
          },
        ];
        const messages = linter.verify(code, config, filename).filter((message) => message.ruleId === 't/r' || message.fatal);
        if (messages.some((message) => message.fatal)) {
          console.log('FATAL', file, messages.find((message) => message.fatal)?.message, code.slice(0, 60));
          continue;
        }
        const errorsNode = prop(object, 'errors')!.value as TSESTree.ArrayExpression;
        messages.forEach((message, index) => {
          const errorNode = errorsNode.elements[index];
          if (!errorNode || errorNode.type !== AST_NODE_TYPES.ObjectExpression) {
            return;
          }
          const suggestionsProperty = prop(errorNode, 'suggestions');
          if (!suggestionsProperty || suggestionsProperty.value.type !== AST_NODE_TYPES.ArrayExpression) {
            return;
          }
          const actual = (message.suggestions ?? []).map((suggestion) => ({ messageId: suggestion.messageId!, output: applyFix(code, suggestion.fix) }));
          const listNode = suggestionsProperty.value;
          const expected = listNode.elements.map((element) => {
            const objectNode = element as TSESTree.ObjectExpression;
            const messageIdNode = prop(objectNode, 'messageId')?.value;
            const outputNode = prop(objectNode, 'output')?.value;
            return {
              node: objectNode,
              messageId: messageIdNode ? cooked(messageIdNode as TSESTree.Node) : undefined,
              messageIdNode,
              output: outputNode ? cooked(outputNode as TSESTree.Node) : undefined,
              outputNode,
            };
          });
          if (
            actual.length === expected.length &&
            actual.every((entry, i) => expected[i]!.messageIdNode && expected[i]!.outputNode && (expected[i]!.output !== undefined || false))
          ) {
            actual.forEach((entry, i) => {
              const old = expected[i]!;
              if (old.messageId !== entry.messageId) {
                edits.push({ range: (old.messageIdNode as TSESTree.Node).range, text: `'${entry.messageId}'` });
                changed++;
              }
              if (old.output !== entry.output) {
                edits.push({ range: (old.outputNode as TSESTree.Node).range, text: `\`${escapeTemplate(entry.output)}\`` });
                changed++;
              }
            });
            return;
          }
          // Rewrite the whole list.
          const lineStart = source.lastIndexOf('\n', listNode.range[0]) + 1;
          const indent = /^\s*/.exec(source.slice(lineStart))![0];
          const inner = `${indent}  `;
          const text =
            actual.length === 0
              ? '[]'
              : `[\n${actual
                  .map((entry) => `${inner}{\n${inner}  messageId: '${entry.messageId}',\n${inner}  output: \`${escapeTemplate(entry.output)}\`,\n${inner}}`)
                  .join(',\n')},\n${indent}]`;
          edits.push({ range: listNode.range, text });
          changed++;
          console.log('REWROTE LIST', file, errorNode.loc.start.line, `${expected.length} -> ${actual.length}`);
        });
        const outputProperty = prop(object, 'output');
        if (outputProperty && outputProperty.value.type !== AST_NODE_TYPES.Literal) {
          const fixed = applyFixesOnce(code, messages);
          const old = cooked(outputProperty.value as TSESTree.Node);
          if (old !== undefined && old !== fixed && fixed !== code) {
            edits.push({ range: outputProperty.value.range, text: `\`${escapeTemplate(fixed)}\`` });
            changed++;
          }
        }
      }
    }
    edits.sort((a, b) => b.range[0] - a.range[0]);
    let updated = source;
    for (const edit of edits) {
      updated = updated.slice(0, edit.range[0]) + edit.text + updated.slice(edit.range[1]);
    }
    writeFileSync(file, updated);
    console.log(`${file}: ${changed} change(s)`);
  }, 600_000);
}
