// The chevrotain grammar. It fixes the shape of the file (statements, blocks,
// declarations, reactions, standards tables, `vs` references, brackets) and
// leaves the reading of free lab prose ("add dropwise 30 mg NaBH4 in 1 mL
// water, cold") to the tree builder, which knows each block's vocabulary.
// The rules build the lines the tree builder reads (line-builder.ts) as they
// consume tokens: no CST is made. A CST, one object per rule and per child
// name, then walked to sort its children back into source order, took half
// the parser's time and as much again in the walk.
import { EmbeddedActionsParser, tokenMatcher, type IToken, type DSLMethodOpts, type IOrAlt, type OrMethodOpts, type TokenType, createTokenInstance } from 'chevrotain';
import * as T from './tokens';
import { chemistErrorMessages, describeEndOfInput } from './error-messages';
import { limitNesting } from './nesting-limit';
import { FrameKind, LineBuilder, Role } from './line-builder';
import type { Line } from './lines';
/** Signs a line may hold, in the order the alternatives try them. */
const PROSE_SIGNS = [T.Comma, T.Plus, T.Arrow, T.Compare, T.Colon, T.Equals, T.Dot, T.Slash, T.Unknown];
/** Token types (by index) a run of prose takes without a decision. */
const PLAIN_PROSE: boolean[] = [];
for (const type of [T.NumberLiteral, T.PlainWord, T.StringLike, ...PROSE_SIGNS]) {
  PLAIN_PROSE[type.tokenTypeIdx!] = true;
  for (const sub of T.allTokens) if (sub !== type && tokenMatcher(createTokenInstance(sub, '', 0, 0, 0, 0, 0, 0), type)) PLAIN_PROSE[sub.tokenTypeIdx!] = true;
}
/** A block standing where a top-level statement would. */
const ORPHAN = { ARGS: [true] as [boolean] };
const PAREN_SIGNS = [T.Comma, T.Plus, T.Dot, T.Slash, T.Colon, T.Equals, T.Compare, T.Arrow, T.Unknown];

class FaradayParser extends EmbeddedActionsParser {
  /**
   * `validate` runs chevrotain's grammar checks (ambiguities, left recursion). They are
   * slow and need Node 22 (Object.groupBy), so the parser that analyses files skips them
   * and a unit test builds a validating parser once (`validateGrammar`).
   */
  constructor(validate = false) {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 4,
      errorMessageProvider: chemistErrorMessages,
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  /** Where the lines of the parse are built; nothing is built while chevrotain records the grammar. */
  readonly lines = new LineBuilder();

  /** A token the current rule consumed, and what it is to the rule. */
  private take(t: IToken, role: Role): void {
    if (!this.RECORDING_PHASE) this.lines.token(t, role);
  }

  // Each rule opens a frame as it starts and closes it in a `finally`: however the rule ends, an
  // exception on its way to error recovery included, what it read so far stays with the frame around it.

  private open(kind: FrameKind, rule?: Line['rule']): void {
    if (!this.RECORDING_PHASE) this.lines.open(kind, rule);
  }

  private close(): void {
    if (!this.RECORDING_PHASE) this.lines.close();
  }

  /** A top-level keyword at column 1 ends an unclosed block instead of being swallowed by it. */
  private startsNewTopLevelStatement(): boolean {
    const next = this.LA(1);
    return tokenMatcher(next, T.TopLevelKeyword) && next.startColumn === 1;
  }

  // The alternatives of every choice the parser makes once per line or token
  // are built once, here: written inline, each call would allocate an array
  // of closures, one per line (chevrotain's own performance advice). A rule
  // reads them when it runs, after the constructor has set them all.
  private readonly documentItem: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(T.Newline) },
    { ALT: () => this.CONSUME(T.Semicolon) },
    { ALT: () => this.SUBRULE(this.topStatement) },
    { ALT: () => this.SUBRULE(this.stray) },
  ];

  private readonly topStatementKinds: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.declaration) },
    { ALT: () => this.SUBRULE(this.reactionDecl) },
    { ALT: () => this.SUBRULE(this.blockDecl) },
    { ALT: () => this.SUBRULE(this.headedLine) },
    { ALT: () => this.SUBRULE(this.topLine) },
    { ALT: () => this.SUBRULE(this.block, ORPHAN) },
    { ALT: () => this.SUBRULE(this.strayLine) },
  ];

  private readonly strayLineStarts: IOrAlt<unknown>[] = [
    { ALT: () => this.take(this.CONSUME(T.Unknown), Role.Head) },
    { ALT: () => this.take(this.CONSUME(T.Comma), Role.Head) },
    { ALT: () => this.take(this.CONSUME(T.Equals), Role.Head) },
    { ALT: () => this.take(this.CONSUME(T.Arrow), Role.Head) },
    { ALT: () => this.take(this.CONSUME(T.Plus), Role.Head) },
    { ALT: () => this.take(this.CONSUME(T.Compare), Role.Head) },
    { ALT: () => this.take(this.CONSUME(T.Dot), Role.Head) },
    { ALT: () => this.take(this.CONSUME(T.Slash), Role.Head) },
    { ALT: () => this.take(this.CONSUME(T.Colon), Role.Head) },
    { ALT: () => this.take(this.CONSUME(T.StringLike), Role.Head) },
    { ALT: () => this.SUBRULE1(this.parenGroup) },
  ];

  private readonly declarationKeywords: IOrAlt<unknown>[] = [
    { ALT: () => this.take(this.CONSUME(T.Ligand), Role.Head) },
    { ALT: () => this.take(this.CONSUME(T.Reagent), Role.Head) },
    { ALT: () => this.take(this.CONSUME(T.Cluster), Role.Head) },
  ];

  private readonly headedLineKeywords: IOrAlt<unknown>[] = [
    { ALT: () => this.take(this.CONSUME(T.Protocol), Role.Head) },
    { ALT: () => this.take(this.CONSUME(T.Import), Role.Head) },
  ];

  private readonly blockLines: DSLMethodOpts<unknown> = {
    GATE: () => !this.startsNewTopLevelStatement(),
    DEF: () => {
      this.OR(this.blockLine);
    },
  };

  private readonly blockLine: OrMethodOpts<unknown> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: () => this.take(this.CONSUME(T.Newline), Role.Span) },
      { ALT: () => this.take(this.CONSUME(T.Semicolon), Role.Span) },
      { ALT: () => this.SUBRULE(this.standardsTable) },
      { ALT: () => this.SUBRULE(this.statement) },
      { ALT: () => this.take(this.CONSUME(T.RParen), Role.StrayCloser) },
    ],
  };

  private readonly standardsTableLine: IOrAlt<unknown>[] = [
    { ALT: () => this.take(this.CONSUME(T.Newline), Role.Span) },
    { ALT: () => this.take(this.CONSUME(T.Semicolon), Role.Span) },
    { ALT: () => this.SUBRULE(this.standardRow) },
  ];

  private readonly statementForms: IOrAlt<unknown>[] = [
    {
      ALT: () => {
        this.AT_LEAST_ONE(this.statementElement);
        this.OPTION(this.statementBlock);
      },
    },
    { ALT: () => this.SUBRULE2(this.block) },
  ];

  private readonly statementElement = (): void => this.element(2);
  private readonly statementBlock = (): void => {
    this.SUBRULE(this.block);
  };
  private readonly lineElement1 = (): void => this.element(1);
  private readonly lineElement2 = (): void => this.element(2);
  private readonly lineElement3 = (): void => this.element(3);

  /** Inside a bracket every token counts for its span only: the builder keeps its text as written. */
  private readonly parenGroupItem: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.parenGroup) },
    { ALT: () => this.take(this.CONSUME(T.NumberLiteral), Role.Span) },
    { ALT: () => this.take(this.CONSUME(T.AnyWord), Role.Span) },
    { ALT: () => this.take(this.CONSUME(T.StringLike), Role.Span) },
    ...PAREN_SIGNS.map((type) => ({ ALT: () => this.take(this.CONSUME(type), Role.Span) })),
  ];

  private readonly strayCloser: IOrAlt<unknown>[] = [
    { ALT: () => this.take(this.CONSUME(T.RBrace), Role.StrayCloser) },
    { ALT: () => this.take(this.CONSUME(T.RParen), Role.StrayCloser) },
  ];

  public document = this.RULE('document', () => {
    this.MANY(() => {
      this.OR(this.documentItem);
    });
  });

  public topStatement = this.RULE('topStatement', () => {
    this.OR(this.topStatementKinds);
  });

  /** A line that starts with punctuation or a stray character: kept, and reported by the builder. */
  public strayLine = this.RULE('strayLine', () => {
    this.open(FrameKind.Line, 'statement');
    try {
      this.OR1(this.strayLineStarts);
      this.MANY(this.lineElement2);
    } finally {
      this.close();
    }
  });

  /** A top-level setting such as `temperature 25 °C` or `nernst slope 0.059 V`. */
  public topLine = this.RULE('topLine', () => {
    this.open(FrameKind.Line, 'statement');
    try {
      this.take(this.CONSUME(T.PhraseHead), Role.Head);
      this.MANY(this.lineElement1);
      this.OPTION(() => this.SUBRULE2(this.block));
    } finally {
      this.close();
    }
  });

  /** `ligand SR = SC6H3Cl2 "…"`, `reagent TBBT-H = C10H14S density 0.989 g/mL`, `cluster …`. */
  public declaration = this.RULE('declaration', () => {
    this.open(FrameKind.Line, 'declaration');
    try {
      this.OR(this.declarationKeywords);
      this.take(this.CONSUME(T.AnyWord), Role.Head);
      this.take(this.CONSUME(T.Equals), Role.Head);
      this.take(this.CONSUME2(T.AnyWord), Role.Head);
      this.MANY(this.lineElement3);
    } finally {
      this.close();
    }
  });

  /** `reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O`. */
  public reactionDecl = this.RULE('reactionDecl', () => {
    this.open(FrameKind.Line, 'reactionDecl');
    try {
      this.take(this.CONSUME(T.Reaction), Role.Head);
      this.take(this.CONSUME(T.AnyWord), Role.Head);
      this.take(this.CONSUME(T.Colon), Role.Head);
      this.SUBRULE(this.reactionSide);
      this.take(this.CONSUME(T.Arrow), Role.Arrow);
      this.SUBRULE2(this.reactionSide);
    } finally {
      this.close();
    }
  });

  public reactionSide = this.RULE('reactionSide', () => {
    this.open(FrameKind.ReactionSide);
    try {
      this.AT_LEAST_ONE_SEP({ SEP: T.Plus, DEF: () => this.SUBRULE(this.reactionTerm) });
    } finally {
      this.close();
    }
  });

  public reactionTerm = this.RULE('reactionTerm', () => {
    // The `+` before a term is consumed by the repetition, out of sight of the rules: the side's span takes it here.
    this.ACTION(this.takeSeparator);
    this.open(FrameKind.ReactionTerm);
    try {
      this.OPTION(() => this.take(this.CONSUME(T.NumberLiteral), Role.Head));
      this.take(this.CONSUME(T.AnyWord), Role.Head);
    } finally {
      this.close();
    }
  });

  private readonly takeSeparator = (): void => {
    const before = this.LA(0);
    if (before.tokenTypeIdx === T.Plus.tokenTypeIdx) this.lines.token(before, Role.Span);
  };

  /** `synthesis Au28Cu12 { … }`, `run in H { … }`, `result X at -0.8 V vs RHE for 2 h { … }`. */
  public blockDecl = this.RULE('blockDecl', () => {
    this.open(FrameKind.Line, 'blockDecl');
    try {
      this.take(this.CONSUME(T.BlockKeyword), Role.Head);
      this.MANY(this.lineElement1);
      this.SUBRULE(this.block);
    } finally {
      this.close();
    }
  });

  /** `protocol "…"`, `import "…"`: a keyword and a quoted text. */
  public headedLine = this.RULE('headedLine', () => {
    this.open(FrameKind.Line, 'headedLine');
    try {
      this.OR(this.headedLineKeywords);
      this.take(this.CONSUME(T.StringLike), Role.Head);
      this.MANY(this.lineElement2);
    } finally {
      this.close();
    }
  });

  /** `{ … }`; `orphan` where a top-level statement would start (read, and reported by the builder). */
  public block = this.RULE('block', (orphan?: boolean) => {
    this.open(orphan ? FrameKind.OrphanBlock : FrameKind.Block);
    try {
      this.take(this.CONSUME(T.LBrace), Role.Open);
      this.MANY(this.blockLines);
      this.OPTION(() => this.take(this.CONSUME(T.RBrace), Role.Close));
    } finally {
      this.close();
    }
  });

  /** `standards mg/L -> absorbance { 0.0 -> 0.012; 0.2 -> 0.061 }`. */
  public standardsTable = this.RULE('standardsTable', () => {
    this.open(FrameKind.Standards, 'standardsTable');
    try {
      this.take(this.CONSUME(T.Standards), Role.Head);
      this.take(this.CONSUME(T.AnyWord), Role.Unit);
      this.take(this.CONSUME(T.Arrow), Role.Span);
      this.take(this.CONSUME2(T.AnyWord), Role.Reading);
      this.take(this.CONSUME(T.LBrace), Role.Span);
      this.MANY(() => {
        this.OR(this.standardsTableLine);
      });
      this.take(this.CONSUME(T.RBrace), Role.Close);
    } finally {
      this.close();
    }
  });

  public standardRow = this.RULE('standardRow', () => {
    this.open(FrameKind.StandardRow);
    try {
      this.take(this.CONSUME(T.NumberLiteral), Role.Concentration);
      this.take(this.CONSUME(T.Arrow), Role.Span);
      this.take(this.CONSUME2(T.NumberLiteral), Role.Reading);
    } finally {
      this.close();
    }
  });

  /** Any other line: a head word (or a number) and its elements, maybe with a nested block. */
  public statement = this.RULE('statement', () => {
    this.open(FrameKind.Line, 'statement');
    try {
      this.OR(this.statementForms);
    } finally {
      this.close();
    }
  });

  /**
   * One element of a line: a `vs` reference, a bracket, or one prose token
   * (numbers that share a unit, `-0.7, -0.8, -0.9`, are grouped by the line
   * builder). Inlined into each rule at DSL occurrence `idx`.
   */
  private element(idx: number): void {
    // The alternatives are built once per occurrence, not once per token.
    this.or(idx, (this.elementAlternatives[idx] ??= this.elementChoice(idx)));
  }

  private elementChoice(idx: number): IOrAlt<unknown>[] {
    const prose = (type: TokenType) => () => {
      const t = this.consume(idx, type);
      if (!this.RECORDING_PHASE) {
        this.lines.prose(t);
        this.takeProseRun();
      }
    };
    return [
      { ALT: prose(T.NumberLiteral) },
      // `vs RHE` is a reference; `vs` followed by no name is a word.
      { ALT: () => this.or(idx + 5, (this.vsAlternatives[idx] ??= {
        IGNORE_AMBIGUITIES: true,
        DEF: [{ ALT: () => this.subrule(idx, this.vsReference) }, { ALT: prose(T.Vs) }],
      })) },
      { ALT: prose(T.PlainWord) },
      { ALT: prose(T.StringLike) },
      { ALT: () => this.subrule(idx, this.parenGroup) },
      ...PROSE_SIGNS.map((type) => ({ ALT: prose(type) })),
    ];
  }

  /**
   * After a prose token, the plain prose tokens that follow it (no `vs`, no
   * bracket, nothing that ends the line) are taken in one loop: the grammar
   * would take each as one more element of the same repetition, with no
   * decision to make, and the parse is the same.
   */
  private takeProseRun(): void {
    let next = this.LA(1);
    while (PLAIN_PROSE[next.tokenTypeIdx]) {
      this.lines.prose(next);
      next = this.SKIP_TOKEN();
    }
  }

  private readonly elementAlternatives: IOrAlt<unknown>[][] = [];
  private readonly vsAlternatives: OrMethodOpts<unknown>[] = [];

  /** `vs RHE`, `vs Ag/AgCl (sat. KCl)`, `vs Hg/HgO (1 M KOH)`. */
  public vsReference = this.RULE('vsReference', () => {
    this.open(FrameKind.Vs);
    try {
      this.take(this.CONSUME(T.Vs), Role.Span);
      this.take(this.CONSUME(T.AnyWord), Role.Electrode);
      this.OPTION(() => this.SUBRULE(this.parenGroup));
    } finally {
      this.close();
    }
  });

  /** A bracket up to its `)` or the end of the line; the builder keeps its text as written. */
  public parenGroup = this.RULE('parenGroup', () => {
    this.open(FrameKind.Group);
    try {
      this.take(this.CONSUME(T.LParen), Role.Span);
      this.MANY(() => {
        this.OR(this.parenGroupItem);
      });
      this.OPTION(() => this.take(this.CONSUME(T.RParen), Role.Close));
    } finally {
      this.close();
    }
  });

  /** A `}` or `)` with nothing to close. */
  public stray = this.RULE('stray', () => {
    this.open(FrameKind.Stray);
    try {
      this.OR(this.strayCloser);
    } finally {
      this.close();
    }
  });
}

let parser: FaradayParser | undefined;

/** The parser is built once per process: self-analysis is the expensive part. */
export function faradayParser(): FaradayParser {
  parser ??= new FaradayParser();
  return parser;
}

/** Builds a parser with chevrotain's grammar validations on; throws on a grammar defect. For tests and development. */
export function validateGrammar(): void {
  new FaradayParser(true);
}

export interface ParsedLines {
  /** The top-level lines, in source order. */
  lines: Line[];
  errors: { message: string; token: IToken; previous?: IToken; ruleStack: string[] }[];
  /** The first `{` and `(` nested too deep to be read as brackets (nesting-limit.ts), to report. */
  nestedTooDeep: IToken[];
}

/**
 * Parses tokens of `text` (their offsets count in it) into lines; `endsFile` is false for a chunk
 * followed by another (its end is the next statement's start).
 */
export function parseTokens(tokens: IToken[], text: string, endsFile = true): ParsedLines {
  const p = faradayParser();
  describeEndOfInput(endsFile ? 'the end of the file' : 'the start of the next top-level statement');
  // The parser descends once per bracket: brackets beyond MAX_NESTING are not given to it.
  const nesting = limitNesting(tokens);
  p.input = nesting.tokens;
  p.lines.reset(text);
  p.document();
  return {
    lines: p.lines.finish(),
    errors: p.errors.map((e) => ({
      message: e.message,
      token: e.token,
      previous: (e as { previousToken?: IToken }).previousToken,
      ruleStack: e.context.ruleStack,
    })),
    nestedTooDeep: nesting.firstCut,
  };
}
