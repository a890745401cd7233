// The reference point for chevrotain's own speed: the standard JSON grammar
// of chevrotain's examples (objects, arrays, values; a CST parser with the
// library's defaults), written here in TypeScript. The syntax benchmark times
// it on JSON of the same size as the protocol, so the report shows how far the
// Faraday parser is from the best chevrotain does on a trivial grammar.
import { CstParser, Lexer, createToken, type CstNode } from 'chevrotain';

const True = createToken({ name: 'True', pattern: /true/ });
const False = createToken({ name: 'False', pattern: /false/ });
const Null = createToken({ name: 'Null', pattern: /null/ });
const LCurly = createToken({ name: 'LCurly', pattern: /{/ });
const RCurly = createToken({ name: 'RCurly', pattern: /}/ });
const LSquare = createToken({ name: 'LSquare', pattern: /\[/ });
const RSquare = createToken({ name: 'RSquare', pattern: /]/ });
const Comma = createToken({ name: 'Comma', pattern: /,/ });
const Colon = createToken({ name: 'Colon', pattern: /:/ });
const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^\\"]|\\(?:[bfnrtv"\\/]|u[0-9a-fA-F]{4}))*"/ });
const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/ });
const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\n\r]+/, group: Lexer.SKIPPED, line_breaks: true });

const jsonTokens = [WhiteSpace, NumberLiteral, StringLiteral, LCurly, RCurly, LSquare, RSquare, Comma, Colon, True, False, Null];

class JsonParser extends CstParser {
  constructor() {
    super(jsonTokens, { skipValidations: true }); // validations need Node 22 and do not change the parse
    this.performSelfAnalysis();
  }

  public json = this.RULE('json', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.object) }, { ALT: () => this.SUBRULE(this.array) }]);
  });

  private object = this.RULE('object', () => {
    this.CONSUME(LCurly);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.objectItem) });
    this.CONSUME(RCurly);
  });

  private objectItem = this.RULE('objectItem', () => {
    this.CONSUME(StringLiteral);
    this.CONSUME(Colon);
    this.SUBRULE(this.value);
  });

  private array = this.RULE('array', () => {
    this.CONSUME(LSquare);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.value) });
    this.CONSUME(RSquare);
  });

  private value = this.RULE('value', () => {
    this.OR([
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.SUBRULE(this.object) },
      { ALT: () => this.SUBRULE(this.array) },
      { ALT: () => this.CONSUME(True) },
      { ALT: () => this.CONSUME(False) },
      { ALT: () => this.CONSUME(Null) },
    ]);
  });
}

let lexer: Lexer | undefined;
let parser: JsonParser | undefined;

/** Lexes and parses JSON text to a CST with chevrotain; throws on a syntax error (the benchmark's JSON is valid). */
export function chevrotainJson(text: string): CstNode {
  lexer ??= new Lexer(jsonTokens, { skipValidations: true });
  parser ??= new JsonParser();
  const lexed = lexer.tokenize(text);
  parser.input = lexed.tokens;
  const cst = parser.json();
  if (lexed.errors.length || parser.errors.length) throw new Error('the benchmark JSON does not parse');
  return cst;
}
