export function buildAll(options?: { quiet?: boolean }): Promise<void>;
/** The CLI bundle (out/cli/cli.mjs), built on demand by scripts/cli.mjs. */
export const CLI_BUNDLE: string;
export function buildCli(options?: { quiet?: boolean }): Promise<void>;
