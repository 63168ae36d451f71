import { it } from 'vitest';
import { checkFixOutcomes, summarise, type Shape } from '../helpers/fix-outcomes.js';
const shapes: Shape[] = [
  { name: 'timer', lang: 'ts', className: 'T', args: "'x'", code: `
export class T {
  done = false;
  constructor(readonly url: string) {
    seen.push(this);
    setTimeout(() => {
      this.load();
    }, 0);
  }
  async load(): Promise<void> { await work('load'); this.done = true; }
}` , check: '(t) => t.done'},
  { name: 'microtask', lang: 'js', className: 'T', args: "'x'", code: `
export class T {
  constructor(url) {
    seen.push(this);
    this.done = false;
    queueMicrotask(() => void this.load(url));
  }
  async load() { await work('load'); this.done = true; }
}` , check: '(t) => t.done'},
  { name: 'event', lang: 'ts', className: 'T', args: "", code: `
import { EventEmitter } from 'node:events';
export class T extends EventEmitter {
  done = false;
  constructor() {
    super();
    seen.push(this);
    this.once('start', () => { this.load(); });
    this.emit('start');
  }
  async load(): Promise<void> { await work('load'); this.done = true; }
}` , check: '(t) => t.done'},
  { name: 'return', lang: 'js', className: 'T', args: "", code: `
export class T {
  constructor() {
    seen.push(this);
    return this.load();
  }
  async load() { await work('load'); this.done = true; return this; }
}` , check: '(t) => t.done'},
  { name: 'rest', lang: 'ts', className: 'T', args: "'a', 'b'", code: `
export class T {
  items: string[] = [];
  constructor(...urls: string[]) {
    seen.push(this);
    for (const url of urls) { this.load(url); }
  }
  async load(url: string): Promise<void> { await work('load'); this.items.push(url); }
}` , check: '(t) => t.items.length === 2'},
  { name: 'subclass of reported base', lang: 'ts', className: 'Child', args: "'a'", code: `
export class Base {
  baseDone = false;
  constructor(readonly url: string) {
    this.init();
  }
  async init(): Promise<void> { await work('base'); this.baseDone = true; }
}
export class Child extends Base {
  childDone = false;
  constructor(url: string) {
    super(url);
    seen.push(this);
    this.load();
  }
  async load(): Promise<void> { await work('child'); this.childDone = true; }
}` , check: '(t) => t.childDone && t.baseDone'},
  { name: 'class expression', lang: 'js', className: 'T', args: "", code: `
export const T = class Store {
  constructor() {
    seen.push(this);
    this.done = false;
    this.load();
  }
  async load() { await work('load'); this.done = true; }
};` , check: '(t) => t.done'},
  { name: 'logical', lang: 'ts', className: 'T', args: "{ lazy: false }", code: `
export class T {
  done = false;
  ready: Promise<void> | undefined;
  constructor(options: { lazy?: boolean }) {
    seen.push(this);
    this.ready = options.lazy ? undefined : this.load();
    options.lazy || this.load2();
  }
  async load(): Promise<void> { await work('load'); this.done = true; }
  async load2(): Promise<void> { await work('load2'); }
}` , check: '(t) => t.done'},
  { name: 'arguments', lang: 'js', className: 'T', args: "'a', 'b'", code: `
export class T {
  constructor(first) {
    seen.push(this);
    this.items = [];
    this.load(arguments.length, first);
  }
  async load(n, first) { await work('load'); this.items.push(n, first); }
}` , check: '(t) => t.items.join() === "2,a"'},
  { name: 'optional param, overloads', lang: 'ts', className: 'T', args: "'a'", code: `
export class T {
  items: string[] = [];
  constructor(url: string);
  constructor(url: string, retries?: number);
  constructor(url: string, retries = 3) {
    seen.push(this);
    this.load(url + retries);
  }
  async load(url: string): Promise<void> { await work('load'); this.items.push(url); }
}` , check: '(t) => t.items.join() === "a3"'},
  { name: 'ready then more init', lang: 'ts', className: 'T', args: "", code: `
export class T {
  ready: Promise<void>;
  stage = 0;
  constructor() {
    seen.push(this);
    this.ready = this.load();
    this.ready.then(() => this.more());
  }
  async load(): Promise<void> { await work('load'); this.stage = 1; }
  async more(): Promise<void> { await work('more'); this.stage = 2; }
}` , check: '(t) => t.stage === 2'},
];
it('dump', () => {
  const out = checkFixOutcomes(shapes, { typeCheck: true });
  for (const o of out) { console.log(summarise(o)); if (process.env.DUMP) for (const f of o.fixes) console.log('-----', f.transform, '\n' + f.output.slice(f.output.indexOf('\n\n\n') )); }
});
