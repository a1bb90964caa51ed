// Turns the command line's paths into InputFiles: folders expand to the .xlsx and .csv files in
// them (recursively, in name order); anything unreadable is a user error, not a crash.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import type { InputFile } from "../workbook";

export class InputError extends Error {
  override name = "InputError";
}

const READABLE = new Set([".xlsx", ".xlsm", ".csv"]);

/** Excel's lock files ("~$book.xlsx") and hidden files are never data. */
function isCandidate(name: string): boolean {
  return !name.startsWith("~$") && !name.startsWith(".") && READABLE.has(extname(name).toLowerCase());
}

function listFolder(folder: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith(".")) out.push(...listFolder(path));
    else if (entry.isFile() && isCandidate(entry.name)) out.push(path);
  }
  return out;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a folder";
  return (error as Error).message;
}

/**
 * The most file bytes one run reads. Every file is held in memory for the run (and a workbook's parts
 * inflate to several times its size), so without a cap memory grows with every file named. A trust's
 * full set of extracts at 500,000 staff is about 40 MB.
 */
export const MAX_INPUT_BYTES = 1_000_000_000;

export interface CollectOptions {
  maxTotalBytes?: number;
}

/** Reads every file named or found under a named folder. Paths are shown relative to cwd. */
export function collectInputs(paths: string[], cwd: string = process.cwd(), options: CollectOptions = {}): InputFile[] {
  const maxTotalBytes = options.maxTotalBytes ?? MAX_INPUT_BYTES;
  const files: string[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (error) {
      throw new InputError(`${path}: ${describe(error)}`);
    }
    if (isFolder) {
      const found = listFolder(path);
      if (found.length === 0) throw new InputError(`${path}: the folder holds no .xlsx or .csv files`);
      files.push(...found);
    } else {
      files.push(path);
    }
  }
  const seen = new Set<string>();
  const unique: { path: string; name: string }[] = [];
  for (const path of files) {
    const name = relative(cwd, path) || path;
    if (seen.has(name)) continue;
    seen.add(name);
    unique.push({ path, name });
  }
  // Sizes first, so a run over the cap is refused before anything is read.
  let total = 0;
  for (const { path, name } of unique) {
    try {
      total += statSync(path).size;
    } catch (error) {
      throw new InputError(`${name}: ${describe(error)}`);
    }
  }
  if (total > maxTotalBytes) {
    const mb = (n: number) => `${Math.ceil(n / 1e6).toLocaleString("en-GB")} MB`;
    throw new InputError(
      `The ${unique.length} files given add up to ${mb(total)}, more than the ${mb(maxTotalBytes)} one run reads; nothing was read. Run on fewer files at a time (a trust's full set of extracts at 500,000 staff is about 40 MB).`,
    );
  }
  const inputs: InputFile[] = [];
  for (const { path, name } of unique) {
    try {
      inputs.push({ name, bytes: new Uint8Array(readFileSync(path)) });
    } catch (error) {
      throw new InputError(`${name}: ${describe(error)}`);
    }
  }
  return inputs;
}
