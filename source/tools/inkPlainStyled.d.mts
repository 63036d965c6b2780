/** See inkPlainStyled.mjs. */
export declare const INK_PLAIN_STYLED: string;
