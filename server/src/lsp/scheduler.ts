// When to analyse: each document's diagnostics are published after a short
// quiet period (the debounce), and a newer edit makes the pending (or running)
// older analysis stale: a pending one is replaced, a running one stops at its
// next pass when `isStale` says so. Results carry the version they belong to,
// so a stale one is dropped instead of published. Each document has an
// analysis session: an edit re-analyses only the blocks it touched
// (analysis/incremental). A document whose analyses are quick is analysed
// early in the quiet period (`AHEAD_MS`) and published at its end, so the
// diagnostics appear when the debounce ends rather than an analysis later.
import { AnalysisSession, AnalysisCancelled, type Analysis } from '../analysis/analyze';
import type { AnalysisOptions } from '../analysis/options';
import { logTiming, ms, timingEnabled } from './timing';

export interface DocumentSnapshot {
  uri: string;
  version: number;
  text: string;
}

export class AnalysisScheduler {
  /** Each document's publication at the end of its debounce. */
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Each document's analysis ahead of its publication (`AHEAD_MS` into the debounce). */
  private readonly ahead = new Map<string, NodeJS.Timeout>();
  /** How long each document's latest three analyses took, to decide whether to analyse ahead. */
  private readonly lastMs = new Map<string, number[]>();
  private readonly results = new Map<string, { version: number; analysis: Analysis; at: number }>();
  /** Orders schedules and analyses: an analysis made after a schedule already answers it. */
  private clock = 0;
  private readonly sessions = new Map<string, AnalysisSession>();

  constructor(
    private readonly delayMs: number,
    private readonly optionsFor: (uri: string) => AnalysisOptions,
    private readonly onAnalysed: (uri: string, version: number, analysis: Analysis) => void,
    /** Returns a check, taken when a scheduled analysis starts, that says whether a newer edit has arrived since. */
    private readonly staleness: (uri: string) => () => boolean = () => () => false,
    /** A scheduled analysis stopped as stale; the caller schedules the newest text. */
    private readonly onCancelled: (uri: string) => void = () => undefined,
    /** An analysis starts: whatever the caller keeps of the previous one can go (only one is kept at a time). */
    private readonly onStarting: (uri: string) => void = () => undefined,
    /** An analysis ahead of its publication is stored: requests that wait for this version can be answered. */
    private readonly onReady: (uri: string) => void = () => undefined,
    /** A document is analysed ahead of its publication only while one of its latest three analyses took at most this long. */
    private readonly aheadMaxMs = AHEAD_MAX_MS,
  ) {}

  /** Schedule an analysis; an edit arriving before it runs replaces it. */
  schedule(doc: DocumentSnapshot, immediately = false): void {
    clearTimeout(this.timers.get(doc.uri));
    clearTimeout(this.ahead.get(doc.uri));
    this.ahead.delete(doc.uri);
    const scheduledAt = ++this.clock;
    const run = () => {
      this.timers.delete(doc.uri);
      const done = this.analysedSince(doc, scheduledAt);
      if (done) {
        // A request, or the analysis ahead, already analysed this version: publish it.
        this.onAnalysed(doc.uri, doc.version, done);
        return;
      }
      try {
        this.analyseNow(doc, this.staleness(doc.uri));
      } catch (e) {
        if (!(e instanceof AnalysisCancelled)) throw e;
        this.onCancelled(doc.uri);
      }
    };
    if (immediately) run();
    else {
      this.timers.set(doc.uri, setTimeout(run, this.delayMs));
      // Ahead only when it cannot hold requests long: a long document's analysis waits for the quiet period.
      // The quickest of the latest three: one analysis slowed by a garbage collection does not stop it.
      const recent = this.lastMs.get(doc.uri);
      if (AHEAD_MS < this.delayMs && recent !== undefined && Math.min(...recent) <= this.aheadMaxMs) {
        this.ahead.set(doc.uri, setTimeout(() => this.analyseAhead(doc, scheduledAt), AHEAD_MS));
      }
    }
  }

  /**
   * Analyses a version before its publication, publishing nothing; a newer edit stops it, and its own schedule
   * follows. An analysis of this version made before this schedule (an imported file changed since) is not enough.
   */
  private analyseAhead(doc: DocumentSnapshot, scheduledAt: number): void {
    this.ahead.delete(doc.uri);
    if (this.analysedSince(doc, scheduledAt)) return;
    try {
      this.analyseNow(doc, this.staleness(doc.uri), false);
    } catch (e) {
      if (!(e instanceof AnalysisCancelled)) throw e;
    }
  }

  /** The stored analysis of this version when it was made after the schedule at `scheduledAt`. */
  private analysedSince(doc: DocumentSnapshot, scheduledAt: number): Analysis | undefined {
    const done = this.results.get(doc.uri);
    return done && done.version === doc.version && done.at > scheduledAt ? done.analysis : undefined;
  }

  /** The analysis of exactly this version, computed now if it is not cached. */
  analysisFor(doc: DocumentSnapshot): Analysis {
    const cached = this.results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.analysis;
    return this.analyseNow(doc);
  }

  /** The newest analysis of a document, of whatever version; undefined before the first. */
  latest(uri: string): Analysis | undefined {
    return this.results.get(uri)?.analysis;
  }

  /** The newest analysis with the version it belongs to. */
  latestVersion(uri: string): { version: number; analysis: Analysis } | undefined {
    return this.results.get(uri);
  }

  /** Whether an analysis of the document waits for its debounce. */
  isScheduled(uri: string): boolean {
    return this.timers.has(uri);
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    clearTimeout(this.ahead.get(uri));
    this.ahead.delete(uri);
    this.lastMs.delete(uri);
    this.results.delete(uri);
    this.sessions.delete(uri);
  }

  invalidateAll(): void {
    this.results.clear();
  }

  /** `publish`: false for an analysis ahead of its publication (the debounce's end publishes it). */
  private analyseNow(doc: DocumentSnapshot, isCancelled?: () => boolean, publish = true): Analysis {
    let session = this.sessions.get(doc.uri);
    const first = !session;
    if (!session) this.sessions.set(doc.uri, (session = new AnalysisSession()));
    // The session's previous analysis is moved to the new text: only the newest one is kept.
    this.results.delete(doc.uri);
    this.onStarting(doc.uri);
    const started = performance.now();
    const analysis = session.analyze(doc.text, { ...this.optionsFor(doc.uri), isCancelled });
    const took = performance.now() - started;
    const recent = this.lastMs.get(doc.uri) ?? [];
    this.lastMs.set(doc.uri, [...recent.slice(-2), took]);
    if (timingEnabled) {
      const { parse, passes } = session.lastTimings;
      const { ran, replayed } = session.lastUnits;
      logTiming('worker', `${publish ? 'analysis' : 'analysis ahead'} of v${doc.version}: ${ms(took)} (parse ${ms(parse)}; ${passes.map(([name, t]) => `${name} ${ms(t)}`).join(', ')}; units ran ${ran}, replayed ${replayed})`);
    }
    this.results.set(doc.uri, { version: doc.version, analysis, at: ++this.clock });
    if (publish) this.onAnalysed(doc.uri, doc.version, analysis);
    else this.onReady(doc.uri);
    if (first && doc.text.length >= PRIME_MIN_CHARS && doc.text.length <= PRIME_MAX_CHARS) setTimeout(() => this.prime(doc, PRIME_ROUNDS), 0);
    return analysis;
  }

  /**
   * Readies a long document's session for the edits to come, while the editor is idle after opening it:
   * the first edits of a session ran twice as long as later ones (the replay paths not yet compiled by the
   * JIT, each chunk's spans collected on its first move). Each round analyses the text as if a line
   * were inserted at its start (every chunk moves, every block replays) and then the text itself, in one
   * task, so no request sees the moved state; the second analysis is of this very version and replaces
   * the stored one (an analysis session gives what a fresh analysis gives). Nothing is published. A round
   * runs only while this version is still the newest and no edit waits, and an edit arriving during it stops
   * it at its next pass: the keystroke does not wait for the round, and its own analysis goes on from there.
   */
  private prime(doc: DocumentSnapshot, rounds: number): void {
    const session = this.sessions.get(doc.uri);
    const stored = this.results.get(doc.uri);
    if (rounds <= 0 || !session || stored?.version !== doc.version || this.timers.has(doc.uri) || this.ahead.has(doc.uri)) return;
    const storedAt = stored.at;
    const options = { ...this.optionsFor(doc.uri), isCancelled: this.staleness(doc.uri) };
    const started = performance.now();
    try {
      // The stored analysis is let go first: only one is kept at a time.
      this.results.delete(doc.uri);
      this.onStarting(doc.uri);
      session.analyze('\n' + doc.text, options);
      const analysis = session.analyze(doc.text, options);
      this.results.set(doc.uri, { version: doc.version, analysis, at: storedAt });
    } catch (e) {
      // An edit arrived: none is stored until the edit's analysis, which a request makes sooner if it needs one.
      if (e instanceof AnalysisCancelled) {
        if (timingEnabled) logTiming('worker', `priming of v${doc.version} stopped by an edit after ${ms(performance.now() - started)}`);
        return;
      }
      // A session that failed halfway is not reused, nor anything stored from it.
      this.sessions.delete(doc.uri);
      this.results.delete(doc.uri);
      throw e;
    }
    if (timingEnabled) logTiming('worker', `primed the session of v${doc.version} in ${ms(performance.now() - started)}`);
    setTimeout(() => this.prime(doc, rounds - 1), 0);
  }
}

/**
 * Documents of this size are primed after their first analysis: a smaller one analyses in a few milliseconds,
 * and a larger one's round would hold a keystroke typed during it for hundreds of milliseconds.
 */
const PRIME_MIN_CHARS = 64 * 1024;
const PRIME_MAX_CHARS = 1024 * 1024;
/**
 * How far into the debounce a document is analysed ahead of its publication: a keystroke typed within it
 * replaces the analysis before it starts (typing at 10 characters a second leaves 100 ms between keys).
 */
const AHEAD_MS = 40;
/**
 * Analysed ahead only when one of the latest three analyses took at most this long: an analysis ahead holds
 * the requests that arrive while it runs, and a long document's stays for the quiet period.
 */
const AHEAD_MAX_MS = 60;
/** Rounds of priming: two brought the first edits of a 10 000-line protocol close to later ones (p95 in process 71–82 → 53–62 ms). */
const PRIME_ROUNDS = 2;
