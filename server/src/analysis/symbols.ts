// The semantic model's names: what each block and declaration is called and
// every place a name is used. Navigation, rename and "unknown name" checks
// all read this one table.
import type { Span, TopLevelNode } from '../syntax/ast';

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
  readonly decls: SymbolDecl[] = [];
  readonly uses: SymbolUse[] = [];
  private readonly byKey = new Map<string, SymbolDecl>();
  /** The uses that resolved to each declaration, in order: looked up per declaration, never by scanning all uses. */
  private readonly usesByDecl = new Map<SymbolDecl, SymbolUse[]>();
  private readonly namesByKinds = new Map<string, string[]>();

  private key(kind: SymbolKind, name: string): string {
    return `${kind}\u0000${name}`;
  }

  /** Returns the earlier declaration when the name is taken. */
  declare(decl: SymbolDecl): SymbolDecl | undefined {
    const k = this.key(decl.kind, decl.name);
    const existing = this.byKey.get(k);
    this.decls.push(decl);
    if (existing) return existing;
    this.byKey.set(k, decl);
    this.namesByKinds.clear();
    return undefined;
  }

  lookup(name: string, kinds: SymbolKind[]): SymbolDecl | undefined {
    for (const kind of kinds) {
      const d = this.byKey.get(this.key(kind, name));
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

  /** Each declared name once (a name declared twice is an error already), for suggestions. */
  namesOf(kinds: SymbolKind[]): string[] {
    // Asked once per unknown name: kept per list of kinds until the next declaration.
    const key = kinds.join();
    let names = this.namesByKinds.get(key);
    if (!names) {
      names = [...this.byKey.values()].filter((d) => kinds.includes(d.kind)).map((d) => d.name);
      this.namesByKinds.set(key, names);
    }
    return [...names];
  }

  usesOf(decl: SymbolDecl): SymbolUse[] {
    return [...(this.usesByDecl.get(decl) ?? [])];
  }

  /**
   * Declarations a block refers to without writing the name: a result bound to
   * its cell through its run. They count as used, but are not places to rename.
   */
  readonly bound = new Set<SymbolDecl>();

  bind(name: string, kinds: SymbolKind[]): void {
    const d = this.lookup(name, kinds);
    if (d) this.bound.add(d);
  }
}
