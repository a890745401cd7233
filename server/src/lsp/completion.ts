// Completion: the core decides what fits where; this file supplies the
// libraries' vocabularies and converts to LSP items.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import { completions, type Vocabulary } from '../features/completion';
import { SPECIES } from '../data/species';
import { MATERIALS } from '../data/materials';
import { REFERENCE_ELECTRODES } from '../data/reference-electrodes';
import { parseFormula, molarMass } from '../chemistry/formula';
import { formatNumber } from '../units/format';
import { parseUnit, KNOWN_UNIT_SPELLINGS } from '../units/parse-unit';
import { SLOTS, sameDimension, type SlotName } from '../units/dimension';

const AMOUNT_SLOTS: SlotName[] = ['mass', 'volume', 'amount', 'molarConcentration', 'massConcentration'];

function unitsFor(slot: string): string[] {
  const units = KNOWN_UNIT_SPELLINGS.filter((u) => !/^(u|μ)/.test(u));
  if (slot === 'any') return units;
  const slots = slot === 'amount' ? AMOUNT_SLOTS : [slot as SlotName];
  return units.filter((u) => {
    const p = parseUnit(u);
    return 'unit' in p && slots.some((s) => SLOTS[s] && sameDimension(p.unit.dimension, SLOTS[s].dimension));
  });
}

const vocabulary: Vocabulary = {
  species: [
    ...SPECIES.map((s) => {
      const f = parseFormula(s.formula);
      return { name: s.name, detail: `${s.formula}${'formula' in f ? ` · ${formatNumber(molarMass(f.formula.composition), { decimals: 2 })} g/mol` : ''}` };
    }),
    // Materials are written by a one-word name (`Nafion`, `Pt/C`, `XC-72`).
    ...MATERIALS.map((m) => ({ name: /\s/.test(m.name) ? m.synonyms.find((s) => !/\s/.test(s)) ?? m.name : m.name, detail: `material: ${m.description}` })),
  ],
  referenceElectrodes: REFERENCE_ELECTRODES.map((r) => r.name),
  unitsFor,
};

const KIND: Record<string, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword, snippet: CompletionItemKind.Snippet, species: CompletionItemKind.Constant,
  unit: CompletionItemKind.Unit, reference: CompletionItemKind.Reference, name: CompletionItemKind.Variable,
  verb: CompletionItemKind.Function, technique: CompletionItemKind.Method,
};

export function completionItems(analysis: Analysis, offset: number): CompletionItem[] {
  return completions(analysis, offset, vocabulary).map((c) => ({
    label: c.label,
    kind: KIND[c.kind],
    detail: c.detail,
    insertText: c.snippet ?? c.label,
    insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  }));
}
