// The names the preview gives a figure's inline data before compiling it (preview-spec.ts). The
// webview replaces these sources' values to redraw a figure of the same shape; this file imports
// nothing, so the webview's bundle takes the name without any of the server.
export const NAMED_DATA_PREFIX = 'faraday_data_';
