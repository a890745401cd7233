// The preview's second script (dist/webview/vega.js, written into the page
// after the page script): vega's slimmed runtime and the expression
// interpreter, handed to the page script (main.ts) through window.faradayVega.
// Two scripts so that the small page script runs and says "ready" before this
// larger one is evaluated: the figures are on their way while vega loads.
import { expressionInterpreter } from 'vega-interpreter';
import { parse, View } from './vega-runtime';

export interface VegaRuntime {
  parse: typeof parse;
  View: typeof View;
  expressionInterpreter: typeof expressionInterpreter;
}

declare global {
  interface Window {
    faradayVega?: VegaRuntime;
  }
}

window.faradayVega = { parse, View, expressionInterpreter };
window.dispatchEvent(new Event('faraday-vega'));
