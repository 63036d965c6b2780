/** See mergeShared.mjs. */
type Metafile = {outputs: Record<string, {imports: Array<{path: string; kind: string; external?: boolean}>; exports: string[]; entryPoint?: string}>};
export declare function sharedWithCommands(metafile: Metafile, consoleEntry: string, isConsoleEntry: (entry: string) => boolean): {shared: string[]; exports: Record<string, string[]>};
export declare function mergeShared(options: {fromDir: string; toDir: string; shared: string[]; exports: Record<string, string[]>; options: object}): Promise<{metafile: unknown}>;
