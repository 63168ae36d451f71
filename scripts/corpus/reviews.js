// @ts-check
// The review of the corpus's findings: each was read in its code (the class, its constructor, the
// methods it calls) and judged true or false, with why. The corpus files are pinned, so a finding
// keeps its file, line and column; a finding not listed here is "not reviewed" in the report.
// A finding is true when the reported expression does what the rule's page says it reports (for
// `no-async-constructor`: it starts asynchronous work during construction that the caller of `new`
// cannot await), false when it does not. One review covers both tiers of the same code.

/**
 * @typedef {object} Review
 * @property {string} package
 * @property {string} file relative to the package
 * @property {number} line
 * @property {number} column
 * @property {string} rule the rule's name without the plugin's namespace
 * @property {'true' | 'false'} verdict
 * @property {string} why
 */

/** @type {readonly Review[]} */
export const REVIEWS = [
  {
    package: "ioredis",
    file: "built/Redis.js",
    line: 93,
    column: 13,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`connect()` starts the connection from the constructor (ioredis queues commands meanwhile; `lazyConnect` exists to opt out). The `.catch(noop)` handles the rejection but the work stays unawaitable.",
  },
  {
    package: "ioredis",
    file: "built/cluster/index.js",
    line: 141,
    column: 13,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "Same as `Redis`: the cluster connects from its constructor unless `lazyConnect`.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 10733,
    column: 9,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`SocksConnection` runs the whole SOCKS handshake (`async _run()`) from its constructor; the `.catch` ends the socket, callers cannot await it.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 11282,
    column: 31,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`ZipFile` opens the archive (`async _open()`) from its constructor and stores the promise: the ready-promise pattern (`allowReadyPromise: true` accepts it). A failed open nobody reads is an unhandled rejection.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 21422,
    column: 9,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`ElementHandle` starts `async _initializePreview()` (evaluates in the page) from its constructor, errors swallowed.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 38831,
    column: 31,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`FfmpegVideoRecorder` launches ffmpeg (`async _launch()`) from its constructor; stored, ready-promise pattern.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 39051,
    column: 9,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`CRPage` calls `async updateOffline()` (a CDP round trip) without awaiting or catching it: a floating promise in a constructor.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 39052,
    column: 9,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "Same, `async updateExtraHTTPHeaders()`.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 39053,
    column: 9,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "Same, `async updateHttpCredentials()`.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 39054,
    column: 9,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "Same, `async updateRequestInterception()`.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 39063,
    column: 9,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`_mainFrameSession._initialize(\u2026).then(ok, err)`: the page's whole initialisation is started from the constructor (a chain on a call).",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 40018,
    column: 11,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`CRServiceWorker` calls its `async update\u2026()` methods from the constructor (they catch the network manager's errors inside, but the work is unawaitable).",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 40019,
    column: 11,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "Same.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 40020,
    column: 11,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "Same.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 40021,
    column: 11,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "Same.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 40022,
    column: 11,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "Same; `updateUserAgent()` does not even catch: a CDP failure is an unhandled rejection.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 40023,
    column: 11,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`this._networkManager.addSession(\u2026).catch(\u2026)`: a chain on a call, so the call returns a promise; CDP work started from the constructor.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 40038,
    column: 9,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`session.send(\"Runtime.enable\").catch(\u2026)`: a CDP command sent from the constructor.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 40040,
    column: 9,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "Same, `Runtime.runIfWaitingForDebugger`.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 43448,
    column: 9,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`BidiPage` starts `async _initialize()` from its constructor (`.then(ok, err)`).",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 46924,
    column: 9,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`this.addInitScript(\u2026).catch(\u2026)`: `addInitScript` is `async` and evaluates in the page; started from the `FFPage` constructor.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 67068,
    column: 36,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`_Tab` stores `this._initialize()` (async, talks to the page): ready-promise pattern.",
  },
  {
    package: "playwright-core",
    file: "lib/coreBundle.js",
    line: 77778,
    column: 16,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "`void dbg._enable().catch(() => {})`: an intentional fire-and-forget, still async work started by the constructor (a chain on a call).",
  },
  {
    package: "playwright-core",
    file: "lib/serverRegistry.js",
    line: 130,
    column: 21,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "readdirp's `ReaddirpStream` starts `async _exploreDir()` (an `fs.readdir`) from its constructor and keeps the promise in `this.parents`; errors are routed to `_onError` inside.",
  },
  {
    package: "playwright-core",
    file: "lib/utilsBundle.js",
    line: 29117,
    column: 9,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "enquirer's `SnippetPrompt` calls `async reset(true)`. True by the rule's contract (an async method called unawaited); harmless in practice: with `first === true` the body has no `await`, so it settles at once (a throw would still become an unhandled rejection instead of a constructor exception).",
  },
  {
    package: "playwright-core",
    file: "lib/utilsBundle.js",
    line: 56242,
    column: 21,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "Same readdirp code, bundled a second time.",
  },
  {
    package: "playwright-core",
    file: "lib/vite/traceViewer/sw.bundle.js",
    line: 2,
    column: 74381,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "Minified class `fa` (the trace viewer's zip loader): `this._entriesPromise = this._zipReader.getEntries(\u2026).then(\u2026)` reads the trace over HTTP from the constructor (ready-promise pattern).",
  },
  {
    package: "playwright-core",
    file: "lib/vite/traceViewer/sw.bundle.js",
    line: 2,
    column: 75079,
    rule: 'no-async-constructor',
    verdict: 'true',
    why: "Minified class `pa` (the trace viewer's fetch loader): `this._entriesPromise = this._readFile(e).then(\u2026)` fetches from the constructor (ready-promise pattern).",
  },
];

/**
 * The review of one finding, if it was reviewed.
 * @param {{ package: string, file: string, line: number, column: number, ruleId: string }} finding
 */
export function findReview(finding) {
  const rule = finding.ruleId.slice(finding.ruleId.indexOf('/') + 1);
  return REVIEWS.find(
    (review) =>
      review.package === finding.package &&
      review.file === finding.file &&
      review.line === finding.line &&
      review.column === finding.column &&
      review.rule === rule,
  );
}
