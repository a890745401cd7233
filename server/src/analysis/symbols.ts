// The semantic model's names: what each block and declaration is called and
// every place a name is used. Navigation, rename and "unknown name" checks
// all read this one table.
import type { Span, TopLevelNode } from '../syntax/ast';
import type { Tracker } from './incremental/tracking';
import { snapshot } from './incremental/snapshot';

export type SymbolKind =
  | 'ligand' | 'reagent' | 'cluster' | 'synthesis' | 'ink' | 'electrolyte' | 'electrode' | 'cell'
  | 'calibration' | 'reaction' | 'result' | 'plan' | 'crystal';

export interface SymbolDecl {
  name: string;
  kind: SymbolKind;
  /** The name as written in the declaration. */
  nameSpan: Span;
  /** The whole declaration or block. */
  span: Span;
  node: TopLevelNode;
  /** File the declaration comes from when imported; undefined for this file. */
  file?: string;
}

export interface SymbolUse {
  name: string;
  /** Kinds the use may resolve to, in order of preference. */
  kinds: SymbolKind[];
  span: Span;
  resolved?: SymbolDecl;
}

export class SymbolTable {
  private readonly declared: SymbolDecl[] = [];
  readonly uses: SymbolUse[] = [];
  /** Set by an analysis that keeps per-block results: what a unit looks up is recorded (incremental/units.ts). */
  tracker: Tracker | undefined;
  /** The first declaration of each name, by kind, then name: a lookup (every use, every replayed use) builds no key string. */
  private readonly byKind = new Map<SymbolKind, Map<string, SymbolDecl>>();
  /** The uses that resolved to each declaration, in order: looked up per declaration, never by scanning all uses. */
  private readonly usesByDecl = new Map<SymbolDecl, SymbolUse[]>();
  private readonly namesByKinds = new Map<string, string[]>();

  /** Returns the earlier declaration when the name is taken. */
  declare(decl: SymbolDecl): SymbolDecl | undefined {
    const named = this.byKind.get(decl.kind);
    const existing = named?.get(decl.name);
    this.declared.push(decl);
    if (existing) this.tracker?.changed('symbols');
    if (existing) return existing;
    if (named) named.set(decl.name, decl);
    else this.byKind.set(decl.kind, new Map([[decl.name, decl]]));
    this.namesByKinds.clear();
    this.tracker?.changed('symbols');
    return undefined;
  }

  /** Every declaration in order (a name declared twice appears twice). */
  get decls(): readonly SymbolDecl[] {
    const r = this.tracker?.current;
    if (r) r.once('symbols\u0000decls', () => ({ kind: 'query', container: 'symbols', method: 'declsNow', args: [], result: snapshot([...this.declared], r.at) }), this.tracker!.version('symbols'));
    return this.declared;
  }

  /** The declarations as they are now, unrecorded (for checking a recorded read). */
  declsNow(): SymbolDecl[] {
    return [...this.declared];
  }

  lookup(name: string, kinds: SymbolKind[]): SymbolDecl | undefined {
    const d = this.find(name, kinds);
    const r = this.tracker?.current;
    if (r) r.once(`symbols\u0000lookup\u0000${name}\u0000${kinds.join()}`, () => ({ kind: 'query', container: 'symbols', method: 'lookup', args: [name, kinds], result: snapshot(d, r.at) }), this.tracker!.version('symbols'));
    return d;
  }

  private find(name: string, kinds: SymbolKind[]): SymbolDecl | undefined {
    for (let i = 0; i < kinds.length; i++) {
      const d = this.byKind.get(kinds[i]!)?.get(name);
      if (d) return d;
    }
    return undefined;
  }

  use(name: string, kinds: SymbolKind[], span: Span): SymbolUse {
    const u: SymbolUse = { name, kinds, span, resolved: this.lookup(name, kinds) };
    this.uses.push(u);
    if (u.resolved) {
      const list = this.usesByDecl.get(u.resolved);
      if (list) list.push(u);
      else this.usesByDecl.set(u.resolved, [u]);
    }
    return u;
  }

  /** Each declared name once (a name declared twice is an error already), for suggestions; shared, not copied. */
  namesOf(kinds: SymbolKind[]): readonly string[] {
    return this.namesWhere(kinds, 'namesOf', () => true);
  }

  /** Each name declared in an imported file, of these kinds: a unit that asks does not depend on this file's names. */
  importedNamesOf(kinds: SymbolKind[]): readonly string[] {
    return this.namesWhere(kinds, 'importedNamesOf', (d) => d.file !== undefined);
  }

  private namesWhere(kinds: SymbolKind[], method: 'namesOf' | 'importedNamesOf', keep: (d: SymbolDecl) => boolean): readonly string[] {
    // Asked once per unknown name: kept per list of kinds until the next declaration.
    const key = `${method}\u0000${kinds.join()}`;
    let names = this.namesByKinds.get(key);
    if (!names) {
      // First declarations in the order they were made (a name declared again is not listed twice).
      names = this.declared.filter((d) => this.byKind.get(d.kind)?.get(d.name) === d && kinds.includes(d.kind) && keep(d)).map((d) => d.name);
      this.namesByKinds.set(key, names);
    }
    const r = this.tracker?.current;
    if (r) r.once(`symbols\u0000names\u0000${key}`, () => ({ kind: 'query', container: 'symbols', method, args: [kinds], result: [...names] }), this.tracker!.version('symbols'));
    return names;
  }

  usesOf(decl: SymbolDecl): SymbolUse[] {
    if (this.tracker?.current) this.tracker.current.unreplayable = true; // uses of other blocks: not a unit's business
    return [...(this.usesByDecl.get(decl) ?? [])];
  }

  /**
   * Declarations a block refers to without writing the name: a result bound to
   * its cell through its run. They count as used, but are not places to rename.
   */
  readonly bound = new Set<SymbolDecl>();

  bind(name: string, kinds: SymbolKind[]): void {
    // A unit's binding is replayed by binding again, in the table of the analysis that replays it.
    this.tracker?.current?.writes.push({ kind: 'call', container: 'symbols', method: 'bind', args: [name, kinds] });
    const d = this.lookup(name, kinds);
    if (d) this.bound.add(d);
  }
}
