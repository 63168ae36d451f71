/** A memoised depth-first search over what the input links together (call chains), on an explicit stack. */

/** Where the answers are kept: a `Map`, or a `WeakMap` for answers that live as long as their keys. */
export interface Memo<K, R> {
  has(key: K): boolean;
  get(key: K): R | undefined;
  set(key: K, value: R): unknown;
}

/**
 * The answer for `key`, where answering one key may need the answers for others (a function's,
 * for the functions it calls). `solve(key)` is a generator: it yields each key whose answer it
 * needs, receives that answer, and returns its own. The keys are solved on an explicit stack, not
 * the call stack, so a chain of any length cannot overflow it. Each key is solved once (`memo`
 * keeps the answers); a key asked for again while it is still being solved (a cycle) gets
 * `pending`, which should be the conservative answer.
 */
export function solveDepthFirst<K, R>(key: K, memo: Memo<K, R>, pending: R, solve: (key: K) => Generator<K, R, R>): R {
  if (memo.has(key)) {
    return memo.get(key) as R;
  }
  memo.set(key, pending);
  const stack: { key: K; steps: Generator<K, R, R> }[] = [{ key, steps: solve(key) }];
  let answer: R = pending;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const step = top.steps.next(answer);
    if (step.done) {
      memo.set(top.key, step.value);
      stack.pop();
      answer = step.value;
    } else if (memo.has(step.value)) {
      answer = memo.get(step.value) as R;
    } else {
      memo.set(step.value, pending);
      stack.push({ key: step.value, steps: solve(step.value) });
      // A generator ignores what its first `next()` is handed.
      answer = pending;
    }
  }
  return memo.get(key) as R;
}
