// Pieces shared by the filter pattern forms (terms, JSON, space-delimited): the error type, `*` wildcards,
// numbers, and the `%regex%` subset CloudWatch Logs accepts.

export class FilterPatternError extends Error {}

/** The service's answer to a pattern it cannot read; `detail` follows the prefix when there is one. */
export function invalidPattern(detail?: string): FilterPatternError {
	return new FilterPatternError(detail ? `Invalid filter pattern: ${detail}` : 'Invalid filter pattern');
}

export function invalidTerm(term: string): FilterPatternError {
	return invalidPattern(`Invalid character(s) in term '${term}'`);
}

/** A whole-value match where `*` stands for any text (before, after or inside the term). */
export function wildcardRegex(value: string): RegExp {
	const escaped = value.split('*').map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${escaped.join('.*')}$`, 's');
}

/** Numbers as the guide writes them: optional sign, decimals, scientific notation (`+1000`, `10e-3`). */
export const NUMBER = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** `field OP number` for = != < <= > >=. */
export function compareNumbers(operator: string, field: number, value: number): boolean {
	switch (operator) {
		case '=':
			return field === value;
		case '!=':
			return field !== value;
		case '<':
			return field < value;
		case '<=':
			return field <= value;
		case '>':
			return field > value;
		default:
			return field >= value;
	}
}

/** At most this many `%regex%` in one JSON or space-delimited pattern (FilterLogEvents and Live Tail). */
export const MAX_REGEX_PER_PATTERN = 2;

export function checkRegexCount(count: number): void {
	if (count > MAX_REGEX_PER_PATTERN) {
		throw invalidPattern(`A filter pattern can contain at most ${MAX_REGEX_PER_PATTERN} regular expressions, found ${count}`);
	}
}

// The guide's regex subset: letters and digits, the symbols : _ # = @ / ; , - and the operators
// ^ $ ? [ ] { } | \ * + . — no parentheses (not even escaped: `\x28` is the way to name one), no
// other symbol, no space, no multi-byte character. Escapes: \d \D \s \S \w \W, \xHH, or a symbol/operator
// taken literally.
const PLAIN = /[A-Za-z0-9:_#=@/;,\-^$?[\]{}|*+.]/;
const CLASS_ESCAPES = 'dDsSwW';

/**
 * Compiles the body of `%body%` (the percent signs already removed). `term` is the pattern text named in the error.
 * Matching is a search anywhere in the text, as `%AUTHORIZED%` finds "UNAUTHORIZED REQUEST"; `^` and `$` anchor.
 */
export function compileRegexBody(body: string, term: string): RegExp {
	if (body === '') throw invalidTerm(term);
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (c === '\\') {
			const next = body[i + 1];
			if (next === undefined) throw invalidTerm(term);
			if (next === 'x') {
				if (!/^[0-9A-Fa-f]{2}$/.test(body.slice(i + 2, i + 4))) throw invalidTerm(term);
				i += 3;
			} else if (CLASS_ESCAPES.includes(next) || (PLAIN.test(next) && !/[A-Za-z0-9]/.test(next)) || next === '\\') {
				i += 1;
			} else {
				throw invalidTerm(term);
			}
		} else if (!PLAIN.test(c)) {
			throw invalidTerm(term);
		}
	}
	try {
		return new RegExp(body);
	} catch {
		throw invalidPattern(`Invalid regular expression in term '${term}'`);
	}
}

/** Reads `%…%` starting at `start` (on the opening %); the index after the closing %, or -1 when unterminated. */
export function regexEnd(text: string, start: number): number {
	const close = text.indexOf('%', start + 1);
	return close < 0 ? -1 : close + 1;
}
