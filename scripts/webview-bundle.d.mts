import type { BuildOptions } from 'esbuild';
/** esbuild options for code that imports client/src/webview/vega-runtime.ts. */
export function webviewBundleOptions(alias?: Record<string, string>): Pick<BuildOptions, 'charset' | 'plugins'> & { alias: Record<string, string> };
