// Only the parts of vega the preview's figures use: the view, the spec parser,
// the layout and encoding transforms, and the data transforms that Vega-Lite
// emits for line, point, rule, bar, error-bar and layered charts. vega's own
// index also registers geo, force, hierarchy, label, regression, voronoi,
// word-cloud, crossfilter and density transforms, which Faraday never draws;
// leaving them out keeps the webview's script under 400 KB. The figures arrive
// compiled to Vega by the server, and a unit test renders every figure kind
// through this runtime, so a figure that needs a missing transform fails there.
import { transforms } from 'vega-dataflow';
import {
  aggregate, bin, collect, compare, expression, extent, facet, field, filter, flatten, fold, formula,
  impute, joinaggregate, key, load, lookup, multiextent, multivalues, params, pivot, prefacet, project,
  proxy, relay, sieve, subflow, timeunit, tupleindex, values, window,
} from 'vega-transforms';
import * as viewTransforms from 'vega-view-transforms';
import * as encodeTransforms from 'vega-encode';
import { parse } from 'vega-parser';
import { View } from 'vega-view';

// Exported under their lower-case type names, which is how vega looks them up.
Object.assign(transforms, {
  aggregate, bin, collect, compare, expression, extent, facet, field, filter, flatten, fold, formula,
  impute, joinaggregate, key, load, lookup, multiextent, multivalues, params, pivot, prefacet, project,
  proxy, relay, sieve, subflow, timeunit, tupleindex, values, window,
}, viewTransforms, encodeTransforms);

export { parse, View };
