// Both ends of the preview check every message before acting on it: the
// webview takes only the messages the extension defines, the extension only
// those the webview defines. A message of another type, a missing or
// mistyped field, or an export whose data is not an SVG or a PNG is dropped;
// what passes is rebuilt from its known fields alone. No VS Code or DOM
// import, so both sides and the unit tests share it.
import type { FromWebview, ToWebview } from './messages';
import type { PreviewFigure } from '../../../server/src/plots/preview-spec';
import { WEBVIEW_MARKS, type Marks, type WebviewMark } from './timing';

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isFinite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isFormat = (v: unknown): v is 'svg' | 'png' => v === 'svg' || v === 'png';

/** Exports are drawn by vega: an SVG document, or a PNG as a base64 data URL; at most 64 MB. */
const MAX_EXPORT_CHARS = 64 * 1024 * 1024;
function isExportData(format: 'svg' | 'png', data: unknown): data is string {
  if (!isString(data) || data.length > MAX_EXPORT_CHARS) return false;
  return format === 'svg' ? /^\s*<svg[\s>]/.test(data) : /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(data);
}

/** The webview's known timing marks that are finite numbers; others are dropped. */
function marks(v: unknown): Marks<WebviewMark> | undefined {
  if (v === undefined) return {};
  if (!isObject(v)) return undefined;
  const out: Marks<WebviewMark> = {};
  for (const name of WEBVIEW_MARKS) if (isFinite(v[name])) out[name] = v[name];
  return out;
}

function figure(v: unknown): PreviewFigure | undefined {
  if (!isObject(v) || !isString(v.id) || !isString(v.title) || !isObject(v.vega) || !isCount(v.pointsRead) || !isCount(v.pointsDrawn) || !isString(v.shape)) return undefined;
  return { id: v.id, title: v.title, vega: v.vega, pointsRead: v.pointsRead, pointsDrawn: v.pointsDrawn, shape: v.shape };
}

/** A message from the extension, as the webview may act on it; undefined for anything else. */
export function toWebviewMessage(m: unknown): ToWebview | undefined {
  if (!isObject(m)) return undefined;
  switch (m.type) {
    case 'figures': {
      if (!isString(m.uri) || !isString(m.fileName) || !isCount(m.version) || !Array.isArray(m.figures)) return undefined;
      if (m.focus !== undefined && !isString(m.focus)) return undefined;
      if (!Array.isArray(m.order) || !m.order.every(isString) || (m.more !== undefined && typeof m.more !== 'boolean')) return undefined;
      const figures = m.figures.map(figure);
      if (figures.some((f) => f === undefined)) return undefined;
      return {
        type: 'figures', uri: m.uri, fileName: m.fileName, version: m.version, order: [...(m.order as string[])], figures: figures as PreviewFigure[],
        ...(m.more ? { more: true } : {}), ...(m.focus !== undefined ? { focus: m.focus as string } : {}),
      };
    }
    case 'focus':
      return isString(m.id) ? { type: 'focus', id: m.id } : undefined;
    case 'exportRequest':
      return isString(m.id) && isFormat(m.format) && isCount(m.requestId) ? { type: 'exportRequest', id: m.id, format: m.format, requestId: m.requestId } : undefined;
    case 'error':
      return isString(m.message) ? { type: 'error', message: m.message } : undefined;
    default:
      return undefined;
  }
}

/** A message from the webview, as the extension may act on it; undefined for anything else. */
export function fromWebviewMessage(m: unknown): FromWebview | undefined {
  if (!isObject(m)) return undefined;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered': {
      if (!isString(m.uri) || !isCount(m.version) || !Array.isArray(m.ids) || !m.ids.every(isString) || !isFinite(m.ms) || !isFinite(m.firstMs)) return undefined;
      if (!Array.isArray(m.failed) || !m.failed.every((f) => isObject(f) && isString(f.id) && isString(f.message))) return undefined;
      if (m.theme !== 'dark' && m.theme !== 'light') return undefined;
      const steps = marks(m.marks);
      if (!steps) return undefined;
      const failed = (m.failed as Fields[]).map((f) => ({ id: f.id as string, message: f.message as string }));
      return { type: 'rendered', uri: m.uri, version: m.version, ids: [...(m.ids as string[])], ms: m.ms, firstMs: m.firstMs, failed, theme: m.theme, marks: steps };
    }
    case 'export': {
      if (!isString(m.id) || !isFormat(m.format) || !isExportData(m.format, m.data)) return undefined;
      if (m.requestId !== undefined && !isCount(m.requestId)) return undefined;
      return { type: 'export', id: m.id, format: m.format, data: m.data, ...(m.requestId !== undefined ? { requestId: m.requestId as number } : {}) };
    }
    case 'exportFailed':
      return isString(m.id) && isCount(m.requestId) && isString(m.message) ? { type: 'exportFailed', id: m.id, requestId: m.requestId, message: m.message } : undefined;
    default:
      return undefined;
  }
}
