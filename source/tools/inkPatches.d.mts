/** See inkPatches.mjs. */
export declare const INK_PLAIN_STYLED: string;
export declare const ONE_UNIT_GRAPHEMES: string;
export declare function patchSanitizeAnsi(text: string): string;
export declare function patchTokenize(text: string): string;
export declare function patchStyledChars(text: string): string;
export declare function patchOutput(text: string): string;
export declare function patchLogUpdate(text: string): string;
