// vega's sub-packages ship no types; vega-typings (vega's own) describes them.
declare module 'vega-parser' {
  export { parse } from 'vega-typings';
}
declare module 'vega-view' {
  export { View } from 'vega-typings';
}
declare module 'vega-dataflow' {
  export const transforms: Record<string, unknown>;
}
declare module 'vega-transforms' {
  const transform: unknown;
  export { transform as aggregate, transform as bin, transform as collect, transform as compare, transform as expression, transform as extent, transform as facet, transform as field, transform as filter, transform as flatten, transform as fold, transform as formula, transform as impute, transform as joinaggregate, transform as key, transform as load, transform as lookup, transform as multiextent, transform as multivalues, transform as params, transform as pivot, transform as prefacet, transform as project, transform as proxy, transform as relay, transform as sieve, transform as subflow, transform as timeunit, transform as tupleindex, transform as values, transform as window };
}
declare module 'vega-view-transforms';
declare module 'vega-encode';
