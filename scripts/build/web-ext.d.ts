/** The part of web-ext's programmatic API the scripts use (the package ships no types). */
declare module 'web-ext' {
  /** One finding of addons-linter. */
  export interface LintMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }
  /** What `cmd.lint` resolves to when it does not exit the program. */
  export interface LintReport {
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  const webExt: {
    cmd: {
      lint(
        params: { sourceDir: string; output?: 'text' | 'json'; boring?: boolean },
        options?: { shouldExitProgram?: boolean },
      ): Promise<LintReport>;
    };
  };
  export default webExt;
}
