// Quick fixes made when they are read. A diagnostic that offers one fix per
// cell of the file (FD0210, FD0214) would keep thousands of fix objects: a
// generated 100 000-line protocol has ~1900 of them with ~950 fixes each,
// 320 MB for fixes the editor asks for one range at a time. Such a diagnostic
// keeps the function that makes them instead; reading `fixes` (code actions,
// JSON output, a replayed unit moving its spans) calls it. The spans its
// fixes share must be objects the function keeps, so that moving them once
// moves every fix made after.
import type { AnalysisDiagnostic, QuickFix } from './model';

export function fixesWhenRead(diagnostic: AnalysisDiagnostic, make: () => QuickFix[]): void {
  Object.defineProperty(diagnostic, 'fixes', {
    get: make,
    // Fixes added later (offerAreaFixes) replace the function by a plain list.
    set(this: AnalysisDiagnostic, fixes: QuickFix[]) {
      Object.defineProperty(this, 'fixes', { value: fixes, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  });
}
