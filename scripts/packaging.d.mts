// Types for scripts/packaging.mjs, so TypeScript tests can check the packages the script writes.
export type PackageFiles = Map<string, Uint8Array>;
export function packageProblems(files: PackageFiles, browser: 'chrome' | 'firefox', version: string): string[];
export function readTree(dir: string): Promise<PackageFiles>;
export function writeTree(files: PackageFiles, dir: string): Promise<void>;
export function zipFiles(files: PackageFiles): Uint8Array;
export function unzipFiles(zip: Uint8Array): PackageFiles;

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
export interface LintResult {
  count: number;
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}
export const EXPLAINED_LINT_WARNINGS: Readonly<Record<string, string>>;
export function lintFirefox(dir: string): Promise<LintResult>;
