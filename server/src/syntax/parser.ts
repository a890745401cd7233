// The chevrotain grammar. It fixes the shape of the file (statements, blocks,
// declarations, reactions, standards tables, `vs` references, brackets) and
// leaves the reading of free lab prose ("add dropwise 30 mg NaBH4 in 1 mL
// water, cold") to the tree builder, which knows each block's vocabulary.
// Prose tokens are consumed under one label, `Prose`, so a line's words and
// numbers land in one ordered list of its node: no CST node per word.
import { CstParser, tokenMatcher, type CstNode, type IToken, type DSLMethodOpts, type IOrAlt, type OrMethodOpts, type TokenType, createTokenInstance } from 'chevrotain';
import * as T from './tokens';
import { chemistErrorMessages, describeEndOfInput } from './error-messages';
import { limitNesting } from './nesting-limit';

/** The CST key of every prose token, whatever its type: one ordered list per line. */
const PROSE = { LABEL: 'Prose' };
/** Signs a line may hold, in the order the alternatives try them. */
const PROSE_SIGNS = [T.Comma, T.Plus, T.Arrow, T.Compare, T.Colon, T.Equals, T.Dot, T.Slash, T.Unknown];
/** Token types (by index) a run of prose takes without a decision. */
const PLAIN_PROSE: boolean[] = [];
for (const type of [T.NumberLiteral, T.PlainWord, T.StringLike, ...PROSE_SIGNS]) {
  PLAIN_PROSE[type.tokenTypeIdx!] = true;
  for (const sub of T.allTokens) if (sub !== type && tokenMatcher(createTokenInstance(sub, '', 0, 0, 0, 0, 0, 0), type)) PLAIN_PROSE[sub.tokenTypeIdx!] = true;
}
const PAREN_SIGNS = [T.Comma, T.Plus, T.Dot, T.Slash, T.Colon, T.Equals, T.Compare, T.Arrow, T.Unknown];

class FaradayParser extends CstParser {
  /**
   * `validate` runs chevrotain's grammar checks (ambiguities, left recursion). They are
   * slow and need Node 22 (Object.groupBy), so the parser that analyses files skips them
   * and a unit test builds a validating parser once (`validateGrammar`).
   */
  constructor(validate = false) {
    super(T.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: 'onlyOffset',
      maxLookahead: 4,
      errorMessageProvider: chemistErrorMessages,
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
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
    { ALT: () => this.SUBRULE(this.block, { LABEL: 'orphanBlock' }) },
    { ALT: () => this.SUBRULE(this.strayLine) },
  ];

  private readonly strayLineStarts: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(T.Unknown) },
    { ALT: () => this.CONSUME(T.Comma) },
    { ALT: () => this.CONSUME(T.Equals) },
    { ALT: () => this.CONSUME(T.Arrow) },
    { ALT: () => this.CONSUME(T.Plus) },
    { ALT: () => this.CONSUME(T.Compare) },
    { ALT: () => this.CONSUME(T.Dot) },
    { ALT: () => this.CONSUME(T.Slash) },
    { ALT: () => this.CONSUME(T.Colon) },
    { ALT: () => this.CONSUME(T.StringLike) },
    { ALT: () => this.SUBRULE1(this.parenGroup) },
  ];

  private readonly declarationKeywords: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(T.Ligand) },
    { ALT: () => this.CONSUME(T.Reagent) },
    { ALT: () => this.CONSUME(T.Cluster) },
  ];

  private readonly headedLineKeywords: IOrAlt<unknown>[] = [{ ALT: () => this.CONSUME(T.Protocol) }, { ALT: () => this.CONSUME(T.Import) }];

  private readonly blockLines: DSLMethodOpts<unknown> = {
    GATE: () => !this.startsNewTopLevelStatement(),
    DEF: () => {
      this.OR(this.blockLine);
    },
  };

  private readonly blockLine: OrMethodOpts<unknown> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: () => this.CONSUME(T.Newline) },
      { ALT: () => this.CONSUME(T.Semicolon) },
      { ALT: () => this.SUBRULE(this.standardsTable) },
      { ALT: () => this.SUBRULE(this.statement) },
      { ALT: () => this.CONSUME(T.RParen, { LABEL: 'stray' }) },
    ],
  };

  private readonly standardsTableLine: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(T.Newline) },
    { ALT: () => this.CONSUME(T.Semicolon) },
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

  private readonly parenGroupItem: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.parenGroup) },
    { ALT: () => this.CONSUME(T.NumberLiteral, PROSE) },
    { ALT: () => this.CONSUME(T.AnyWord, PROSE) },
    { ALT: () => this.CONSUME(T.StringLike, PROSE) },
    ...PAREN_SIGNS.map((type) => ({ ALT: () => this.CONSUME(type, PROSE) })),
  ];

  private readonly strayCloser: IOrAlt<unknown>[] = [{ ALT: () => this.CONSUME(T.RBrace) }, { ALT: () => this.CONSUME(T.RParen) }];

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
    this.OR1(this.strayLineStarts);
    this.MANY(this.lineElement2);
  });

  /** A top-level setting such as `temperature 25 °C` or `nernst slope 0.059 V`. */
  public topLine = this.RULE('topLine', () => {
    this.CONSUME(T.PhraseHead);
    this.MANY(this.lineElement1);
    this.OPTION(() => this.SUBRULE2(this.block));
  });

  /** `ligand SR = SC6H3Cl2 "…"`, `reagent TBBT-H = C10H14S density 0.989 g/mL`, `cluster …`. */
  public declaration = this.RULE('declaration', () => {
    this.OR(this.declarationKeywords);
    this.CONSUME(T.AnyWord, { LABEL: 'name' });
    this.CONSUME(T.Equals);
    this.CONSUME2(T.AnyWord, { LABEL: 'formula' });
    this.MANY(this.lineElement3);
  });

  /** `reaction NH3 : NO3- + 9 H+ + 8 e- -> NH3 + 3 H2O`. */
  public reactionDecl = this.RULE('reactionDecl', () => {
    this.CONSUME(T.Reaction);
    this.CONSUME(T.AnyWord, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.reactionSide, { LABEL: 'left' });
    this.CONSUME(T.Arrow);
    this.SUBRULE2(this.reactionSide, { LABEL: 'right' });
  });

  public reactionSide = this.RULE('reactionSide', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Plus, DEF: () => this.SUBRULE(this.reactionTerm) });
  });

  public reactionTerm = this.RULE('reactionTerm', () => {
    this.OPTION(() => this.CONSUME(T.NumberLiteral, { LABEL: 'coefficient' }));
    this.CONSUME(T.AnyWord, { LABEL: 'species' });
  });

  /** `synthesis Au28Cu12 { … }`, `run in H { … }`, `result X at -0.8 V vs RHE for 2 h { … }`. */
  public blockDecl = this.RULE('blockDecl', () => {
    this.CONSUME(T.BlockKeyword);
    this.MANY(this.lineElement1);
    this.SUBRULE(this.block);
  });

  /** `protocol "…"`, `import "…"`: a keyword and a quoted text. */
  public headedLine = this.RULE('headedLine', () => {
    this.OR(this.headedLineKeywords);
    this.CONSUME(T.StringLike);
    this.MANY(this.lineElement2);
  });

  public block = this.RULE('block', () => {
    this.CONSUME(T.LBrace);
    this.MANY(this.blockLines);
    this.OPTION(() => this.CONSUME(T.RBrace));
  });

  /** `standards mg/L -> absorbance { 0.0 -> 0.012; 0.2 -> 0.061 }`. */
  public standardsTable = this.RULE('standardsTable', () => {
    this.CONSUME(T.Standards);
    this.CONSUME(T.AnyWord, { LABEL: 'concentrationUnit' });
    this.CONSUME(T.Arrow);
    this.CONSUME2(T.AnyWord, { LABEL: 'reading' });
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR(this.standardsTableLine);
    });
    this.CONSUME(T.RBrace);
  });

  public standardRow = this.RULE('standardRow', () => {
    this.CONSUME(T.NumberLiteral, { LABEL: 'concentration' });
    this.CONSUME(T.Arrow);
    this.CONSUME2(T.NumberLiteral, { LABEL: 'reading' });
  });

  /** Any other line: a head word (or a number) and its elements, maybe with a nested block. */
  public statement = this.RULE('statement', () => {
    this.OR(this.statementForms);
  });

  /**
   * One element of a line: a `vs` reference, a bracket, or one prose token
   * (numbers that share a unit, `-0.7, -0.8, -0.9`, are grouped by the tree
   * builder). Inlined into each rule at DSL occurrence `idx`.
   */
  private element(idx: number): void {
    // The alternatives are built once per occurrence, not once per token.
    this.or(idx, (this.elementAlternatives[idx] ??= this.elementChoice(idx)));
  }

  private elementChoice(idx: number): IOrAlt<unknown>[] {
    const prose = (type: TokenType) => () => {
      this.consume(idx, type, PROSE);
      this.ACTION(this.takeProseRun);
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
   * decision to make, and the parse is the same. They join the line's `Prose`
   * list as a consumed token would (chevrotain's CST of the rule being parsed).
   */
  private readonly takeProseRun = (): void => {
    let next = this.LA(1);
    if (!PLAIN_PROSE[next.tokenTypeIdx]) return;
    const node = (this as unknown as { CST_STACK: CstNode[] }).CST_STACK.at(-1)!;
    const list = node.children.Prose as IToken[];
    const location = node.location!;
    do {
      list.push(next);
      location.endOffset = next.endOffset;
      next = this.SKIP_TOKEN();
    } while (PLAIN_PROSE[next.tokenTypeIdx]);
  };

  private readonly elementAlternatives: IOrAlt<unknown>[][] = [];
  private readonly vsAlternatives: OrMethodOpts<unknown>[] = [];

  /** `vs RHE`, `vs Ag/AgCl (sat. KCl)`, `vs Hg/HgO (1 M KOH)`. */
  public vsReference = this.RULE('vsReference', () => {
    this.CONSUME(T.Vs);
    this.CONSUME(T.AnyWord, { LABEL: 'electrode' });
    this.OPTION(() => this.SUBRULE(this.parenGroup));
  });

  /** A bracket up to its `)` or the end of the line; the builder keeps its text as written. */
  public parenGroup = this.RULE('parenGroup', () => {
    this.CONSUME(T.LParen);
    this.MANY(() => {
      this.OR(this.parenGroupItem);
    });
    this.OPTION(() => this.CONSUME(T.RParen));
  });

  /** A `}` or `)` with nothing to close. */
  public stray = this.RULE('stray', () => {
    this.OR(this.strayCloser);
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

export interface CstParseResult {
  cst: CstNode;
  errors: { message: string; token: IToken; previous?: IToken; ruleStack: string[] }[];
  /** The first `{` and `(` nested too deep to be read as brackets (nesting-limit.ts), to report. */
  nestedTooDeep: IToken[];
}

/** Parses tokens; `endsFile` is false for a chunk followed by another (its end is the next statement's start). */
export function parseTokens(tokens: IToken[], endsFile = true): CstParseResult {
  const p = faradayParser();
  describeEndOfInput(endsFile ? 'the end of the file' : 'the start of the next top-level statement');
  // The parser descends once per bracket: brackets beyond MAX_NESTING are not given to it.
  const nesting = limitNesting(tokens);
  p.input = nesting.tokens;
  const cst = p.document();
  return {
    cst,
    errors: p.errors.map((e) => ({
      message: e.message,
      token: e.token,
      previous: (e as { previousToken?: IToken }).previousToken,
      ruleStack: e.context.ruleStack,
    })),
    nestedTooDeep: nesting.firstCut,
  };
}
