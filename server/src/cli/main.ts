// The `faraday` command. Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.
import { runCheck } from './check';
import { runReport } from './report';
import { UsageError } from './files';
import { runInspect } from './inspect';
import { runPlot } from './plot';
import { runMethods } from './methods';
import { METHODS_FORMATS } from '../methods/document';

const USAGE = `usage:
  faraday check [--format text|json] PATH...   check protocols (directories recurse over *.faraday)
  faraday report FILE [--format json|md|csv] [--table values|fe|gc|crystal]
                                               every computed value with its source range, and the
                                               paper's tables (md: all of them; csv: the one --table names)
  faraday plot FILE [--out DIR] [--format svg|png|json]
                                               the preview's figures, headless (default: ./figures, svg)
  faraday methods FILE [--format md|tex|docx-ready-md]
                                               the experimental section written from the protocol
                                               (stdout); what it leaves out and why (stderr)
  faraday inspect DATAFILE [--format text|json] what the instrument-data importer reads (CH Instruments,
                                               BioLogic .mpt/.mpr, Gamry .DTA, Fusion/EZChrom GC, CSV)
`;

function takeOption(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(name + '='));
  if (i < 0) return undefined;
  const inline = args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : undefined;
  const value = inline ?? args[i + 1];
  if (!value) throw new UsageError(`${name} needs a value`);
  args.splice(i, inline !== undefined ? 1 : 2);
  return value;
}

function takeFormat<T extends string>(args: string[], allowed: readonly T[], fallback: T): T {
  const i = args.findIndex((a) => a === '--format' || a.startsWith('--format='));
  if (i < 0) return fallback;
  const inline = args[i]!.includes('=') ? args[i]!.split('=')[1] : undefined;
  const value = inline ?? args[i + 1];
  args.splice(i, inline !== undefined ? 1 : 2);
  if (!value || !(allowed as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function main(argv: string[]): number | Promise<number> {
  const args = [...argv];
  const command = args.shift();
  try {
    if (command === 'check') {
      const format = takeFormat(args, ['text', 'json'] as const, 'text');
      const unknown = args.find((a) => a.startsWith('-'));
      if (unknown) throw new UsageError(`unknown option ${unknown}`);
      if (args.length === 0) throw new UsageError('check needs at least one file or directory');
      const { output, errors } = runCheck(args, format);
      process.stdout.write(output);
      return errors > 0 ? 1 : 0;
    }
    if (command === 'report') {
      const format = takeFormat(args, ['json', 'md', 'csv'] as const, 'json');
      const table = takeOption(args, '--table') ?? 'values';
      if (!['values', 'fe', 'gc', 'crystal'].includes(table)) throw new UsageError('--table must be one of values, fe, gc, crystal');
      if (args.length !== 1) throw new UsageError('report needs exactly one file');
      process.stdout.write(runReport(args[0]!, format, table as 'values' | 'fe' | 'gc' | 'crystal'));
      return 0;
    }
    if (command === 'plot') {
      const format = takeFormat(args, ['svg', 'png', 'json'] as const, 'svg');
      const out = takeOption(args, '--out') ?? 'figures';
      const unknown = args.find((a) => a.startsWith('-'));
      if (unknown) throw new UsageError(`unknown option ${unknown}`);
      if (args.length !== 1) throw new UsageError('plot needs exactly one file');
      return runPlot(args[0]!, out, format).then(({ output }) => {
        process.stdout.write(output);
        return 0;
      });
    }
    if (command === 'methods') {
      const format = takeFormat(args, METHODS_FORMATS, 'md');
      const unknown = args.find((a) => a.startsWith('-'));
      if (unknown) throw new UsageError(`unknown option ${unknown}`);
      if (args.length !== 1) throw new UsageError('methods needs exactly one file');
      const { output, notes } = runMethods(args[0]!, format);
      process.stdout.write(output);
      process.stderr.write(notes);
      return 0;
    }
    if (command === 'inspect') {
      const format = takeFormat(args, ['text', 'json'] as const, 'text');
      if (args.length !== 1) throw new UsageError('inspect needs exactly one data file');
      const { output, errors } = runInspect(args[0]!, format);
      process.stdout.write(output);
      return errors > 0 ? 1 : 0;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    throw new UsageError(command ? `unknown command ${command}` : 'no command given');
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`faraday: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => (process.exitCode = code),
      (e: unknown) => {
        if (e instanceof UsageError) {
          process.stderr.write(`faraday: ${e.message}\n`);
          process.exitCode = 2;
        } else throw e;
      },
    );
}
