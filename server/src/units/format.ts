// Numbers for people: rounded to significant digits or decimals, never with
// float noise, with a true minus sign when asked.

export interface NumberFormat {
  significant?: number;
  decimals?: number;
  unicodeMinus?: boolean;
}

/** Rounds half away from zero on the decimal digits, as a chemist rounds by hand. */
export function formatNumber(value: number, format: NumberFormat = { significant: 4 }): string {
  if (!Number.isFinite(value)) return String(value);
  let text: string;
  if (format.decimals !== undefined) {
    text = roundDecimals(value, format.decimals);
  } else {
    const sig = format.significant ?? 4;
    if (value === 0) text = (0).toFixed(Math.max(0, sig - 1));
    else {
      const magnitude = Math.floor(Math.log10(Math.abs(value)));
      const decimals = sig - 1 - magnitude;
      text = decimals >= 0 ? roundDecimals(value, decimals) : String(Math.round(Number(`${value}e${decimals}`)) * 10 ** -decimals);
    }
  }
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  return format.unicodeMinus ? text.replace(/^-/, '−') : text;
}

function roundDecimals(value: number, decimals: number): string {
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  const rounded = Math.round(shifted + 1e-9 * Math.sign(shifted));
  const s = Number(`${rounded}e${-decimals}`).toFixed(Math.min(decimals, 100));
  return value < 0 && rounded !== 0 ? '-' + s : s;
}
