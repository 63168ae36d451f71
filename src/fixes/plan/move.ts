/** Which construction work leaves the constructor (with its guard, its loop and the locals it reads) and which must stay, because later construction code depends on what the work does synchronously. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isPureExpression, keepsIdentity } from '../../analysis/pure-expression.js';
import { ANY_FIELD, type Effects, type EffectsReader } from '../../analysis/sync-prefix.js';
import { walk, type ClassNode, type ConstructorNode } from '../../utils/ast.js';
import { canPrune } from './declarations.js';
import { readsMemberOfAny } from './type-text.js';
import { isWithin, mapPiecesInside, type Piece } from './pieces.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/** What one target (the factory, or the awaitable class's initialiser) cannot take. */
export interface MoveRules {
  /** Why `piece` cannot move there at all, whatever the code around it does. */
  blocks(piece: Piece): string | undefined;
  /** Why the moved code cannot read this constructor parameter there. */
  blocksParameter(variable: Variable): string | undefined;
  /**
   * Whether the target reads these locals of `declaration` from fields the constructor keeps them
   * on (`this.#url = url;` after it) rather than evaluating the declaration again.
   */
  keepsLocals?(declaration: TSESTree.VariableDeclaration, variables: readonly Variable[]): boolean;
  /**
   * The target runs the moved code some time after the constructor (the awaitable class's
   * initialiser, at the first `await`), when the work that stays may have gone on: what that work
   * does, at once or later, must not touch what the moved code does synchronously.
   */
  deferred?: boolean;
}

/** A constructor local the moved code reads, evaluated again where the work goes. */
export interface CopiedDeclaration {
  /** The names it binds that the moved code reads: the target's copy binds only those. */
  needed: ReadonlySet<string>;
  /** The names nothing in the constructor reads once the work is out: taken out of it. */
  removed: ReadonlySet<string>;
}

export interface MoveDecision {
  /** What leaves the constructor whole: pieces' statements, statements of only work, moved fields. */
  moved: ReadonlySet<TSESTree.Node>;
  /** Statements the target repeats around moved code (`if (autorun) …`), which also stay. */
  skeletons: ReadonlySet<TSESTree.Node>;
  /** The pieces that stay where they are, and why. */
  recorded: ReadonlyMap<Piece, string>;
  /** Constructor locals the moved code reads, copied along. */
  copies: ReadonlyMap<TSESTree.VariableDeclaration, CopiedDeclaration>;
  /** Constructor parameters the moved code reads. */
  parameters: ReadonlySet<Variable>;
  /** Constructor locals the moved code reads from fields the constructor keeps them on, by declaration. */
  kept: ReadonlyMap<TSESTree.VariableDeclaration, readonly Variable[]>;
}

export interface MoveContext {
  classNode: ClassNode;
  constructorNode: ConstructorNode | undefined;
  sourceCode: SourceCode;
  reader: EffectsReader;
  pieces: readonly Piece[];
}

/**
 * Decides, going backwards through the construction code (later field initialisers and the
 * constructor body after them), which pieces move: a piece moves unless the code that stays after
 * it reads what its synchronous part writes (`this.connect(); this.socket.on(…)`, where
 * `connect()` sets `this.socket` before its first `await`; or its stored promise), writes what it
 * reads or writes, or it sits where its target cannot repeat what decides whether it runs (a
 * `try`, a `switch`, a loop with other statements whose header is not pure). A statement holding
 * only work moves whole (guard and loop included); a pure guard or loop header around work and
 * other statements is repeated in the target. A local the moved code reads moves with it when it
 * is computed purely (the constructor keeps it only if it still reads it). Where a piece must stay
 * after all, the pieces before it are decided again with it staying (rarely more than once).
 */
export function decideMoves(context: MoveContext, target: MoveRules): MoveDecision {
  // What a piece's target cannot take depends on the piece alone: asked by every pass, answered once.
  const blocked = new Map<Piece, string | undefined>();
  const rules: MoveRules = {
    ...target,
    blocks(piece) {
      if (!blocked.has(piece)) {
        blocked.set(piece, target.blocks(piece));
      }
      return blocked.get(piece);
    },
  };
  const forced = new Map<Piece, string>();
  for (;;) {
    const pass = new Pass(context, rules, forced);
    const decision = pass.run();
    if (pass.forcedNow.size === 0 && rules.deferred) {
      const reason = deferredConflict(context, decision);
      if (reason) {
        for (const piece of context.pieces) {
          if (!decision.recorded.has(piece)) {
            pass.forcedNow.set(piece, reason);
          }
        }
      }
    }
    if (pass.forcedNow.size === 0) {
      return decision;
    }
    for (const [piece, reason] of pass.forcedNow) {
      forced.set(piece, reason);
    }
  }
}

/**
 * For a deferred target: why the moved code, run when the instance is first awaited, could see or
 * leave other state than it did where it stood, now that the work that stays (started in the
 * constructor) may have gone on meanwhile: that work, at once or later, writes what the moved code
 * reads synchronously, or reads or writes what it writes.
 */
function deferredConflict(context: MoveContext, decision: MoveDecision): string | undefined {
  if (decision.recorded.size === 0) {
    return undefined;
  }
  const { reader } = context;
  const movedParts: TSESTree.Node[] = [...decision.moved, ...decision.copies.keys()];
  for (const skeleton of decision.skeletons) {
    if (skeleton.type === AST_NODE_TYPES.IfStatement) {
      movedParts.push(skeleton.test);
    } else if (skeleton.type === AST_NODE_TYPES.ForStatement) {
      movedParts.push(...[skeleton.init, skeleton.test, skeleton.update].filter((part): part is NonNullable<typeof part> => part !== null));
    } else if (skeleton.type === AST_NODE_TYPES.ForOfStatement || skeleton.type === AST_NODE_TYPES.ForInStatement) {
      movedParts.push(skeleton.right);
    }
  }
  if (movedParts.length === 0) {
    return undefined;
  }
  const stayingReads = new Set<string>();
  const stayingWrites = new Set<string>();
  for (const piece of decision.recorded.keys()) {
    const effects = reader.eventually(piece.unit);
    effects.reads.forEach((key) => stayingReads.add(key));
    effects.writes.forEach((key) => stayingWrites.add(key));
  }
  for (const part of movedParts) {
    const effects = reader.of(part);
    const key =
      [...effects.reads].find((read) => touches(stayingWrites, read)) ??
      [...effects.writes].find((write) => touches(stayingWrites, write) || touches(stayingReads, write));
    if (key !== undefined) {
      const name = key === ANY_FIELD ? 'the instance' : key.startsWith('.') ? `this.${key.slice(1)}` : (reader.variable(key)?.name ?? key);
      return `work that stays may change ${name} before the instance is awaited`;
    }
  }
  return undefined;
}

/** Whether `keys` holds `key`, counting any field (`.*`) as every field. */
function touches(keys: ReadonlySet<string>, key: string): boolean {
  if (keys.has(key)) {
    return true;
  }
  if (key === ANY_FIELD) {
    return [...keys].some((other) => other.startsWith('.'));
  }
  return key.startsWith('.') && keys.has(ANY_FIELD);
}

/** Per node: the variables its code refers to. The same in every pass and for both targets, so found once. */
const readVariablesOf = new WeakMap<TSESTree.Node, readonly Variable[]>();

type Frame = { statements: readonly TSESTree.Node[]; index: number } | { exit: TSESTree.Node };

class Pass {
  readonly forcedNow = new Map<Piece, string>();
  private readonly laterReads = new Set<string>();
  private readonly laterWrites = new Set<string>();
  private laterReadsField = false;
  private laterWritesField = false;
  private readonly moved = new Set<TSESTree.Node>();
  private readonly skeletons = new Set<TSESTree.Node>();
  private readonly recorded = new Map<Piece, string>();
  private readonly copies = new Map<TSESTree.VariableDeclaration, CopiedDeclaration>();
  private readonly parameters = new Set<Variable>();
  private readonly kept = new Map<TSESTree.VariableDeclaration, Variable[]>();
  /** Per constructor local: the moved statements (and copied declarations) that read it. */
  private readonly users = new Map<Variable, TSESTree.Node[]>();
  private readonly pieceByUnit = new Map<TSESTree.Node, Piece>();
  /** Per statement holding pieces (theirs, and those around them): the pieces inside. */
  private readonly inside: Map<TSESTree.Node, Piece[]>;
  private readonly constructorFunction: TSESTree.FunctionExpression | undefined;

  constructor(
    private readonly context: MoveContext,
    private readonly rules: MoveRules,
    private readonly forced: ReadonlyMap<Piece, string>,
  ) {
    this.constructorFunction = context.constructorNode?.value;
    for (const piece of context.pieces) {
      this.pieceByUnit.set(piece.unit, piece);
    }
    this.inside = mapPiecesInside(context.pieces, this.constructorFunction?.body);
  }

  run(): MoveDecision {
    const { classNode } = this.context;
    const body = this.constructorFunction?.body;
    if (body) {
      this.walkBackwards(body.body);
    }
    // Field initialisers run before the constructor's body: the whole body is later code for them.
    const fields = classNode.body.body.filter(
      (member): member is TSESTree.PropertyDefinition | TSESTree.AccessorProperty =>
        (member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.AccessorProperty) && !member.static && member.value !== null,
    );
    for (let index = fields.length - 1; index >= 0; index--) {
      const field = fields[index]!;
      const piece = this.pieceByUnit.get(field);
      if (piece) {
        this.decidePiece(piece);
      } else {
        this.stay(field.value!);
      }
    }
    return {
      moved: this.moved,
      skeletons: this.skeletons,
      recorded: this.recorded,
      copies: this.copies,
      parameters: this.parameters,
      kept: this.kept,
    };
  }

  private walkBackwards(statements: readonly TSESTree.Node[]): void {
    const stack: Frame[] = [{ statements, index: statements.length - 1 }];
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      if ('exit' in frame) {
        stack.pop();
        this.exitSkeleton(frame.exit);
        continue;
      }
      if (frame.index < 0) {
        stack.pop();
        continue;
      }
      const statement = frame.statements[frame.index--]!;
      const piece = this.pieceByUnit.get(statement);
      if (piece) {
        this.decidePiece(piece);
      } else if (this.inside.has(statement)) {
        this.enterHolder(statement, stack);
      } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
        this.visitDeclaration(statement);
      } else {
        this.stay(statement);
      }
    }
  }

  private decidePiece(piece: Piece): void {
    const effects = this.context.reader.of(piece.unit);
    const reason =
      this.forced.get(piece) ??
      this.rules.blocks(piece) ??
      (piece.slot ? undefined : "its value is used where it stands") ??
      this.conflict(effects) ??
      this.variableConflict(piece.unit) ??
      this.declarationConflict(piece.unit);
    if (reason) {
      this.recorded.set(piece, reason);
      this.addLater(effects);
      // A declaration that stays: the moved code that reads its variable stays too.
      if (piece.unit.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const variable of this.context.sourceCode.getDeclaredVariables(piece.unit)) {
          this.forceUsers(this.users.get(variable) ?? [], `reads the local ${variable.name}, whose work stays`);
        }
      }
    } else {
      this.moved.add(piece.unit);
      this.registerUses(piece.unit);
    }
  }

  /** A statement with work somewhere inside: it moves whole, is repeated around what moves, or stays with its work. */
  private enterHolder(statement: TSESTree.Node, stack: Frame[]): void {
    const inside = this.inside.get(statement) ?? [];
    if (this.canMoveWhole(statement) && inside.every((piece) => piece.slot && !this.forced.has(piece) && !this.rules.blocks(piece))) {
      const effects = this.context.reader.of(statement);
      if (!this.conflict(effects) && !this.variableConflict(statement)) {
        this.moved.add(statement);
        this.registerUses(statement);
        return;
      }
    }
    switch (statement.type) {
      case AST_NODE_TYPES.BlockStatement:
        stack.push({ exit: statement }, { statements: statement.body, index: statement.body.length - 1 });
        return;
      case AST_NODE_TYPES.IfStatement:
        // Repeated in the target: pure, and (typed) reading no member of an `any` value twice.
        if (this.isPure(statement.test) && !readsMemberOfAny(statement.test, this.context.sourceCode)) {
          // A branch's own statements (not its block): what moves from it, the target writes in its own braces.
          const branch = (node: TSESTree.Statement): readonly TSESTree.Node[] => (node.type === AST_NODE_TYPES.BlockStatement ? node.body : [node]);
          const consequent = branch(statement.consequent);
          stack.push({ exit: statement }, { statements: consequent, index: consequent.length - 1 });
          if (statement.alternate) {
            const alternate = branch(statement.alternate);
            stack.push({ statements: alternate, index: alternate.length - 1 });
          }
          return;
        }
        this.stayWithWork(statement, inside, 'the guard cannot be evaluated again');
        return;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
        this.decideLoop(statement, inside);
        return;
      case AST_NODE_TYPES.TryStatement:
        this.stayWithWork(statement, inside, 'in a try block');
        return;
      case AST_NODE_TYPES.SwitchStatement:
        this.stayWithWork(statement, inside, 'in a switch');
        return;
      default:
        this.stayWithWork(statement, inside, 'in a loop the work cannot leave');
    }
  }

  /** Every piece inside stays: the statement runs as it is. */
  private stayWithWork(statement: TSESTree.Node, inside: readonly Piece[], reason: string): void {
    for (const piece of inside) {
      this.recorded.set(piece, this.forced.get(piece) ?? reason);
    }
    this.stay(statement);
  }

  /**
   * A loop with work and other statements: its header is repeated around the work where it goes,
   * so the header must be pure, and every iteration's other statements count as later code for
   * the work of each (all of its work moves, or none).
   */
  private decideLoop(loop: TSESTree.ForStatement | TSESTree.ForOfStatement | TSESTree.ForInStatement, inside: readonly Piece[]): void {
    const body = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
    const header = loop.type === AST_NODE_TYPES.ForStatement ? [loop.init, loop.test, loop.update] : [loop.right];
    const simple =
      body.every((statement) => this.pieceByUnit.has(statement) || !this.inside.has(statement)) &&
      header.every((part) => !part || this.isLoopHeaderPure(part, loop));
    if (!simple) {
      this.stayWithWork(loop, inside, 'in a loop the work cannot leave');
      return;
    }
    const others = body.filter((statement) => !this.pieceByUnit.has(statement));
    const othersEffects = others.map((statement) => this.context.reader.of(statement));
    const headerEffects = header.flatMap((part) => (part ? [this.context.reader.of(part)] : []));
    const loopVariables = new Set(
      (loop.type === AST_NODE_TYPES.ForStatement ? (loop.init ?? undefined) : loop.left)?.type === AST_NODE_TYPES.VariableDeclaration
        ? this.context.sourceCode.getDeclaredVariables((loop.type === AST_NODE_TYPES.ForStatement ? loop.init : loop.left)!).map((variable) => this.context.reader.variableKey(variable))
        : [],
    );
    // Later code for the work: what follows the loop, and the other statements of every iteration.
    const saved = this.snapshot();
    othersEffects.forEach((effects) => this.addLater(effects));
    let reason: string | undefined;
    const effectsOf = new Map<Piece, Effects>();
    for (const piece of inside) {
      const effects = this.context.reader.of(piece.unit);
      effectsOf.set(piece, effects);
      reason ??=
        this.forced.get(piece) ??
        this.rules.blocks(piece) ??
        (piece.slot ? undefined : 'its value is used where it stands') ??
        this.conflict(withoutKeys(effects, loopVariables)) ??
        this.variableConflict(piece.unit);
      // A local of the loop body: the repeated header does not bring it.
      if (!reason && others.some((statement) => statement.type === AST_NODE_TYPES.VariableDeclaration && readsDeclared(effects, statement, this.context))) {
        reason = 'reads a local of the loop';
      }
    }
    // The loop that stays must still read its own variable (`for (const url of urls) { ev(); }` would leave it unused).
    if (
      !reason &&
      loop.type !== AST_NODE_TYPES.ForStatement &&
      !othersEffects.some((effects) => [...loopVariables].some((key) => effects.reads.has(key))) &&
      !others.some((statement) => this.readVariables(statement).some((variable) => loopVariables.has(this.context.reader.variableKey(variable))))
    ) {
      reason = 'the loop that stays would not read its variable';
    }
    // The header must read the same in the target: nothing after it (the body included) may change it.
    if (!reason && headerEffects.some((effects) => [...effects.reads].some((key) => !loopVariables.has(key) && this.laterWrites.has(key)))) {
      reason = 'a later statement changes what the loop reads';
    }
    reason ??= header.map((part) => (part ? this.variableConflict(part) : undefined)).find((found) => found !== undefined);
    this.restore(saved);
    othersEffects.forEach((effects) => this.addLater(effects));
    headerEffects.forEach((effects) => this.addLater(effects));
    if (reason) {
      for (const piece of inside) {
        this.recorded.set(piece, this.forced.get(piece) ?? reason);
        this.addLater(effectsOf.get(piece)!);
      }
      return;
    }
    this.skeletons.add(loop);
    for (const part of header) {
      if (part) {
        this.registerUses(part);
      }
    }
    for (const piece of inside) {
      this.moved.add(piece.unit);
      this.registerUses(piece.unit);
    }
  }

  /** Leaving a repeated block or `if` (going backwards): its guard must read the same in the target. */
  private exitSkeleton(statement: TSESTree.Node): void {
    const inside = this.inside.get(statement) ?? [];
    const hasMoved = inside.some((piece) => !this.recorded.has(piece));
    if (statement.type === AST_NODE_TYPES.IfStatement) {
      const effects = this.context.reader.of(statement.test);
      if (hasMoved) {
        const changed = [...effects.reads].find((key) => this.laterWrites.has(key) || (key.startsWith('.') && this.laterWrites.has(ANY_FIELD)));
        const emptied = !this.hasStaying(statement.consequent) && statement.alternate !== null;
        const blocked = this.variableConflict(statement.test);
        const reason =
          changed !== undefined
            ? `a later statement changes ${this.describe(changed)}, which the guard reads`
            : emptied
              ? 'the guard has other code only in its else branch'
              : blocked;
        if (reason !== undefined) {
          for (const piece of inside) {
            if (!this.recorded.has(piece)) {
              this.forcedNow.set(piece, reason);
            }
          }
        } else {
          this.registerUses(statement.test);
        }
      }
      this.addLater(effects);
    }
    if (hasMoved) {
      this.skeletons.add(statement);
    }
  }

  /** Whether `statement` keeps anything in the constructor once the moved code is out. */
  private hasStaying(statement: TSESTree.Node): boolean {
    const stack = [statement];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (this.moved.has(current)) {
        continue;
      }
      if (current.type === AST_NODE_TYPES.BlockStatement) {
        stack.push(...current.body);
      } else if (current.type === AST_NODE_TYPES.IfStatement && this.skeletons.has(current)) {
        return true;
      } else if (current.type !== AST_NODE_TYPES.EmptyStatement) {
        return true;
      }
    }
    return false;
  }

  /**
   * A declaration of the constructor: when moved code reads its locals, it is copied along if it
   * is computed purely from what the target has (parameters, the instance, other such locals), its
   * inputs do not change before the constructor ends, and a copy keeps meaning the same thing: the
   * constructor drops it if nothing there reads it any more; a value both keep must be one that
   * evaluating again does not make anew (a primitive, or an object it reads, not `[…]` or `new`).
   */
  private visitDeclaration(declaration: TSESTree.VariableDeclaration): void {
    const { sourceCode, reader } = this.context;
    const variables = sourceCode.getDeclaredVariables(declaration);
    const users = variables.flatMap((variable) => this.users.get(variable) ?? []);
    if (users.length === 0) {
      this.stay(declaration);
      return;
    }
    const reassignedAny = variables.some((variable) => variable.references.some((reference) => reference.isWrite() && !reference.init));
    const neededVariables = variables.filter((variable) => this.users.has(variable));
    if (!reassignedAny && this.rules.keepsLocals?.(declaration, neededVariables)) {
      // Kept on fields where it is: the declaration stays, its value read from them.
      this.kept.set(declaration, neededVariables);
      this.stay(declaration);
      return;
    }
    const needed = new Set(neededVariables.map((variable) => variable.name));
    // Read by code that stays (a later statement, a listener it defines), not only by what moves.
    const staying = new Set(
      variables
        .filter((variable) =>
          variable.references.some(
            (reference) => !reference.init && !(this.users.get(variable) ?? []).some((user) => isWithin(reference.identifier, user)),
          ),
        )
        .map((variable) => variable.name),
    );
    const removed = new Set(variables.filter((variable) => !staying.has(variable.name)).map((variable) => variable.name));
    const effects = reader.of(declaration);
    const reassigned = variables.some((variable) => variable.references.some((reference) => reference.isWrite() && !reference.init));
    const blocked = this.variableConflict(declaration);
    const failure =
      blocked !== undefined
        ? `needs what it cannot have: it ${blocked}`
        : reassigned
        ? 'is assigned again'
        : !declaration.declarations.every((declarator) => declarator.init && this.isPure(declarator.init))
          ? 'is not computed purely'
          : [...effects.reads].some((key) => this.laterWrites.has(key) || (key.startsWith('.') && this.laterWrites.has(ANY_FIELD)))
            ? 'reads what a later statement changes'
            : staying.size > 0 &&
                !declaration.declarations.every((declarator) => keepsIdentity(declarator.init!)) &&
                !variables.every((variable) => this.isOnlyDereferenced(variable))
              ? 'is a new object the constructor keeps too'
              : !canPrune(declaration, removed, sourceCode) || !canPrune(declaration, complement(variables, needed), sourceCode)
                ? 'binds names that cannot be separated'
                : undefined;
    if (failure) {
      const names = [...needed].join(', ');
      // The users are moved statements, or declarations copied for them: each one's pieces stay.
      const stack = [...users];
      const seen = new Set<TSESTree.Node>();
      while (stack.length > 0) {
        const user = stack.pop()!;
        if (seen.has(user)) {
          continue;
        }
        seen.add(user);
        this.forceUsers([user], `reads the local ${names}, which ${failure}`);
        if (user.type === AST_NODE_TYPES.VariableDeclaration && this.copies.has(user)) {
          for (const variable of sourceCode.getDeclaredVariables(user)) {
            stack.push(...(this.users.get(variable) ?? []));
          }
        }
      }
      this.stay(declaration);
      return;
    }
    this.copies.set(declaration, { needed, removed });
    this.registerUses(declaration);
    if (staying.size > 0) {
      this.addLater(effects);
    }
  }

  /** A declaration of work (`const p = this.load();`) whose variable code that stays reads (a listener, say). */
  private declarationConflict(unit: TSESTree.Node): string | undefined {
    if (unit.type !== AST_NODE_TYPES.VariableDeclaration) {
      return undefined;
    }
    for (const variable of this.context.sourceCode.getDeclaredVariables(unit)) {
      const users = this.users.get(variable) ?? [];
      if (variable.references.some((reference) => !reference.init && !users.some((user) => isWithin(reference.identifier, user)))) {
        return `code that stays reads ${variable.name}, the work's promise`;
      }
    }
    return undefined;
  }

  /** The pieces in `nodes` must stay after all (the pass runs again). */
  private forceUsers(nodes: readonly TSESTree.Node[], reason: string): void {
    for (const user of nodes) {
      // A repeated guard or loop header: the pieces of its statement.
      let holder: TSESTree.Node | undefined = user;
      while (holder && !this.inside.has(holder)) {
        holder = holder.parent;
      }
      for (const piece of (holder && this.inside.get(holder)) ?? []) {
        this.forcedNow.set(piece, reason);
      }
    }
  }

  /**
   * The moved code only reads into `variable` (`opts.root`, `const { root } = opts`): a copy that is a
   * new object then gives the same values, so it may be made again although the constructor keeps it.
   */
  private isOnlyDereferenced(variable: Variable): boolean {
    const users = this.users.get(variable) ?? [];
    return variable.references.every((reference) => {
      if (reference.init || !users.some((user) => isWithin(reference.identifier, user))) {
        return true;
      }
      const node = reference.identifier;
      const parent = node.parent;
      return (
        (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node && !isWriteTarget(parent)) ||
        (parent.type === AST_NODE_TYPES.VariableDeclarator &&
          parent.init === node &&
          (parent.id.type === AST_NODE_TYPES.ObjectPattern || parent.id.type === AST_NODE_TYPES.ArrayPattern))
      );
    });
  }

  /** Why the moved code cannot read the variables it reads: `arguments`, a parameter the target cannot have. */
  private variableConflict(node: TSESTree.Node): string | undefined {
    for (const variable of this.readVariables(node)) {
      if (!this.isConstructorVariable(variable) || isDeclaredWithin(variable, node)) {
        continue;
      }
      if (variable.name === 'arguments' && variable.defs.length === 0) {
        return 'reads arguments';
      }
      if (isParameter(variable)) {
        const blocked = this.rules.blocksParameter(variable);
        if (blocked) {
          return blocked;
        }
      }
    }
    return undefined;
  }

  /** The variables `node`'s code refers to anywhere in it (the functions it defines included), each once. */
  private readVariables(node: TSESTree.Node): readonly Variable[] {
    let variables = readVariablesOf.get(node);
    if (!variables) {
      const found = new Set<Variable>();
      walk(node, this.context.sourceCode.visitorKeys, (child) => {
        if (child.type === AST_NODE_TYPES.Identifier) {
          const variable = this.context.reader.resolve(child);
          if (variable) {
            found.add(variable);
          }
        }
        return undefined;
      });
      variables = [...found];
      readVariablesOf.set(node, variables);
    }
    return variables;
  }

  /** Records what a moved statement reads: parameters, and locals whose declarations must come along. */
  private registerUses(node: TSESTree.Node): void {
    for (const variable of this.readVariables(node)) {
      if (!this.isConstructorVariable(variable) || isDeclaredWithin(variable, node) || this.isLoopHeaderVariable(variable, node)) {
        continue;
      }
      if (isParameter(variable)) {
        this.parameters.add(variable);
        continue;
      }
      const list = this.users.get(variable) ?? [];
      list.push(node);
      this.users.set(variable, list);
    }
  }

  private isConstructorVariable(variable: Variable): boolean {
    const fn = this.constructorFunction;
    if (!fn) {
      return false;
    }
    if (variable.name === 'arguments' && variable.defs.length === 0) {
      return variable.scope.block === fn;
    }
    return variable.defs.some((definition) => isWithin(definition.name, fn));
  }

  /** A variable of a repeated loop's header (`for (const url of urls)`), which the target declares again. */
  private isLoopHeaderVariable(variable: Variable, node: TSESTree.Node): boolean {
    return variable.defs.some((definition) => {
      const declaration = definition.parent;
      const loop = declaration?.parent;
      return (
        declaration?.type === AST_NODE_TYPES.VariableDeclaration &&
        (loop?.type === AST_NODE_TYPES.ForStatement || loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) &&
        isWithin(node, loop)
      );
    });
  }

  /** A statement that holds only work and what can go with it: no other code, no exit from the constructor. */
  private canMoveWhole(statement: TSESTree.Node): boolean {
    const stack: TSESTree.Node[] = [statement];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (this.pieceByUnit.has(current)) {
        continue;
      }
      switch (current.type) {
        case AST_NODE_TYPES.BlockStatement:
          stack.push(...current.body);
          break;
        case AST_NODE_TYPES.IfStatement:
          stack.push(current.consequent, ...(current.alternate ? [current.alternate] : []));
          break;
        case AST_NODE_TYPES.ForStatement:
        case AST_NODE_TYPES.ForOfStatement:
        case AST_NODE_TYPES.ForInStatement:
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
          stack.push(current.body);
          break;
        case AST_NODE_TYPES.SwitchStatement:
          for (const switchCase of current.cases) {
            stack.push(...switchCase.consequent);
          }
          break;
        case AST_NODE_TYPES.EmptyStatement:
          break;
        case AST_NODE_TYPES.BreakStatement:
        case AST_NODE_TYPES.ContinueStatement:
          if (current.label) {
            return false;
          }
          break;
        case AST_NODE_TYPES.VariableDeclaration:
          // A local of the statement itself, computed purely and read nowhere else.
          if (
            !current.declarations.every((declarator) => !declarator.init || this.isPure(declarator.init)) ||
            this.context.sourceCode
              .getDeclaredVariables(current)
              .some((variable) => variable.references.some((reference) => !isWithin(reference.identifier, statement)))
          ) {
            return false;
          }
          break;
        default:
          return false;
      }
    }
    return true;
  }

  private isPure(expression: TSESTree.Node): boolean {
    return isPureExpression(expression, this.context.sourceCode, {
      isPureMethodCall: (call) => this.context.reader.of(call).writes.size === 0,
    });
  }

  /** A loop header the target can repeat: pure, changing only the loop's own variable. */
  private isLoopHeaderPure(part: TSESTree.Node, loop: TSESTree.Node): boolean {
    if (part.type === AST_NODE_TYPES.VariableDeclaration) {
      return part.declarations.every((declarator) => !declarator.init || this.isPure(declarator.init));
    }
    if (loop.type === AST_NODE_TYPES.ForStatement && part === loop.update) {
      // `i++`, `i += 1` on the loop's variable.
      const target =
        part.type === AST_NODE_TYPES.UpdateExpression
          ? part.argument
          : part.type === AST_NODE_TYPES.AssignmentExpression && part.operator !== '='
            ? part.left
            : undefined;
      const declared = loop.init?.type === AST_NODE_TYPES.VariableDeclaration ? this.context.sourceCode.getDeclaredVariables(loop.init) : [];
      return (
        target?.type === AST_NODE_TYPES.Identifier &&
        declared.some((variable) => variable.name === target.name) &&
        (part.type === AST_NODE_TYPES.UpdateExpression || this.isPure((part as TSESTree.AssignmentExpression).right))
      );
    }
    return this.isPure(part);
  }

  /** Why moving code with these effects past the later code changes what either sees. */
  private conflict(effects: Effects): string | undefined {
    for (const key of effects.writes) {
      if (key === ANY_FIELD ? this.laterReadsField : this.laterReads.has(key) || (key.startsWith('.') && this.laterReads.has(ANY_FIELD))) {
        return `a later statement reads ${this.describe(key)}, which the work sets`;
      }
      if (key === ANY_FIELD ? this.laterWritesField : this.laterWrites.has(key) || (key.startsWith('.') && this.laterWrites.has(ANY_FIELD))) {
        return `a later statement writes ${this.describe(key)}, which the work writes too`;
      }
    }
    for (const key of effects.reads) {
      if (key === ANY_FIELD ? this.laterWritesField : this.laterWrites.has(key) || (key.startsWith('.') && this.laterWrites.has(ANY_FIELD))) {
        return `a later statement changes ${this.describe(key)}, which the work reads`;
      }
    }
    return undefined;
  }

  private describe(key: string): string {
    if (key === ANY_FIELD) {
      return 'the instance';
    }
    return key.startsWith('.') ? `this.${key.slice(1)}` : (this.context.reader.variable(key)?.name ?? key);
  }

  private stay(node: TSESTree.Node): void {
    this.addLater(this.context.reader.of(node));
  }

  private addLater(effects: Effects): void {
    for (const key of effects.reads) {
      this.laterReads.add(key);
      this.laterReadsField ||= key.startsWith('.');
    }
    for (const key of effects.writes) {
      this.laterWrites.add(key);
      this.laterWritesField ||= key.startsWith('.');
    }
  }

  private snapshot(): { reads: Set<string>; writes: Set<string>; readsField: boolean; writesField: boolean } {
    return { reads: new Set(this.laterReads), writes: new Set(this.laterWrites), readsField: this.laterReadsField, writesField: this.laterWritesField };
  }

  private restore(saved: ReturnType<Pass['snapshot']>): void {
    this.laterReads.clear();
    saved.reads.forEach((key) => this.laterReads.add(key));
    this.laterWrites.clear();
    saved.writes.forEach((key) => this.laterWrites.add(key));
    this.laterReadsField = saved.readsField;
    this.laterWritesField = saved.writesField;
  }
}

/** `opts.x = …`, `opts.x++`, `delete opts.x`: the member is written, not read. */
function isWriteTarget(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return (
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) ||
    parent.type === AST_NODE_TYPES.UpdateExpression ||
    (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') ||
    (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === member)
  );
}

function isParameter(variable: Variable): boolean {
  return variable.defs.some((definition) => definition.type === 'Parameter');
}

function isDeclaredWithin(variable: Variable, node: TSESTree.Node): boolean {
  return variable.defs.length > 0 && variable.defs.every((definition) => isWithin(definition.name, node));
}

function readsDeclared(effects: Effects, declaration: TSESTree.VariableDeclaration, context: MoveContext): boolean {
  return context.sourceCode.getDeclaredVariables(declaration).some((variable) => effects.reads.has(context.reader.variableKey(variable)));
}

function withoutKeys(effects: Effects, keys: ReadonlySet<string>): Effects {
  if (keys.size === 0) {
    return effects;
  }
  return {
    reads: new Set([...effects.reads].filter((key) => !keys.has(key))),
    writes: new Set([...effects.writes].filter((key) => !keys.has(key))),
  };
}

function complement(variables: readonly Variable[], names: ReadonlySet<string>): Set<string> {
  return new Set(variables.filter((variable) => !names.has(variable.name)).map((variable) => variable.name));
}
