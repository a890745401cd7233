// Times as instruments write them, to tell when a GC injection was taken
// relative to the electrolysis. A time with a zone (Fusion's ISO 8601 `…Z`) is
// an instant; one without (EZChrom `3/24/2023 5:01:47 PM`, EC-Lab
// `04/29/2019 15:43:07.000`, CH Instruments `Feb. 20, 2020   15:55:08`, Gamry
// `3/10/2019 12:00:00`) is the wall clock of the instrument's computer. Two
// times compare only when both are instants or both are wall clocks: the zone
// of a wall clock is not written anywhere. Dates with slashes are read month
// first, as EC-Lab, EZChrom and Gamry on a US-English Windows write them.

export interface InstrumentTime {
  /** Milliseconds since 1970 (for a wall clock: as if it were UTC). */
  ms: number;
  /** True for an instant (a zone was written), false for a wall clock. */
  zoned: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function wallClock(y: number, mo: number, d: number, h: number, mi: number, s: number): InstrumentTime | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s >= 61) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, 0) + s * 1000;
  const check = new Date(ms);
  if (check.getUTCDate() !== d) return undefined; // 31 February
  return { ms, zoned: false };
}

/** The time a header field states, or undefined when it is not one of the forms above. */
export function parseInstrumentTime(text: string | undefined): InstrumentTime | undefined {
  if (!text) return undefined;
  const t = text.trim().replace(/\s+/g, ' ');
  // ISO 8601: 2022-06-08T14:10:58.301Z, 2022-06-08 14:10:58+02:00, or without a zone.
  let m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (m) {
    const local = wallClock(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0);
    if (!local || !m[7]) return local;
    if (m[7] === 'Z') return { ms: local.ms, zoned: true };
    const sign = m[7][0] === '-' ? -1 : 1;
    const digits = m[7].slice(1).replace(':', '');
    const offsetMin = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2));
    return { ms: local.ms - offsetMin * 60000, zoned: true };
  }
  // Month first with slashes: 3/24/2023 5:01:47 PM, 04/29/2019 15:43:07.000.
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(?: ?([AaPp][Mm]))?$/.exec(t);
  if (m) {
    let h = +m[4]!;
    if (m[7]) {
      if (h < 1 || h > 12) return undefined;
      h = (h % 12) + (m[7].toLowerCase() === 'pm' ? 12 : 0);
    }
    return wallClock(+m[3]!, +m[1]!, +m[2]!, h, +m[5]!, m[6] ? +m[6] : 0);
  }
  // CH Instruments: Feb. 20, 2020 15:55:08.
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2}):(\d{2})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    if (month === 0) return undefined;
    return wallClock(+m[3]!, month, +m[2]!, +m[4]!, +m[5]!, +m[6]!);
  }
  return undefined;
}
