// Tokens of the CloudWatch Logs Insights query language (the subset the emulator runs), each with its character
// offsets in the query string so a compile error can point at it (QueryCompileErrorLocation).

export type TokenKind = 'ident' | 'number' | 'duration' | 'string' | 'regex' | 'op' | 'end';

export interface Token {
	kind: TokenKind;
	/** ident: the name (backticks removed); number/duration: the digits; string: the unquoted text; op: the operator. */
	text: string;
	/** duration: the unit as written (`m`, `min`, `hours` …). */
	unit?: string;
	/** regex: the compiled expression. */
	regex?: RegExp;
	start: number;
	/** Exclusive. */
	end: number;
}

/** A query the service would refuse: MalformedQueryException with this message and location. */
export class QuerySyntaxError extends Error {
	constructor(
		message: string,
		readonly start: number,
		readonly end: number,
	) {
		super(message);
		this.name = 'QuerySyntaxError';
	}
}

const OPERATORS = ['==', '!=', '<=', '>=', '=~', '|', ',', '(', ')', '[', ']', '+', '-', '*', '/', '%', '^', '=', '<', '>'];
const IDENT_START = /[A-Za-z_@$]/;
const IDENT_PART = /[A-Za-z0-9_@$.]/;

/** A `/` starts a regular expression only where a pattern is expected. */
function regexMayFollow(previous: Token | undefined): boolean {
	if (!previous) return false;
	if (previous.kind === 'op') return previous.text === '=~';
	return previous.kind === 'ident' && previous.text.toLowerCase() === 'like';
}

export function tokenize(query: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	const n = query.length;
	while (i < n) {
		const c = query[i];
		if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
			i++;
			continue;
		}
		// Comments run from # to the end of the line.
		if (c === '#') {
			while (i < n && query[i] !== '\n') i++;
			continue;
		}
		const start = i;
		if (c === '"' || c === "'") {
			let text = '';
			i++;
			for (;;) {
				if (i >= n) throw new QuerySyntaxError('unterminated string literal', start, n);
				const ch = query[i];
				if (ch === c) break;
				if (ch === '\\' && i + 1 < n) {
					const next = query[i + 1];
					text += next === 'n' ? '\n' : next === 't' ? '\t' : next;
					i += 2;
					continue;
				}
				text += ch;
				i++;
			}
			i++;
			tokens.push({kind: 'string', text, start, end: i});
			continue;
		}
		if (c === '`') {
			const close = query.indexOf('`', i + 1);
			if (close < 0) throw new QuerySyntaxError('unterminated quoted field name', start, n);
			if (close === i + 1) throw new QuerySyntaxError('empty quoted field name', start, close + 1);
			i = close + 1;
			tokens.push({kind: 'ident', text: query.slice(start + 1, close), start, end: i});
			continue;
		}
		if (c === '/' && regexMayFollow(tokens.at(-1))) {
			let source = '';
			i++;
			for (;;) {
				if (i >= n) throw new QuerySyntaxError('unterminated regular expression', start, n);
				const ch = query[i];
				if (ch === '/') break;
				if (ch === '\\' && i + 1 < n) {
					// \/ is a slash inside the pattern; other escapes are the regex's own.
					source += query[i + 1] === '/' ? '/' : ch + query[i + 1];
					i += 2;
					continue;
				}
				source += ch;
				i++;
			}
			i++;
			let flags = '';
			// (?i) at the start makes the whole pattern case-insensitive, as in the service's regex dialect.
			if (source.startsWith('(?i)')) {
				source = source.slice(4);
				flags = 'i';
			}
			let regex: RegExp;
			try {
				regex = new RegExp(source, flags);
			} catch {
				throw new QuerySyntaxError('invalid regular expression', start, i);
			}
			tokens.push({kind: 'regex', text: source, regex, start, end: i});
			continue;
		}
		if (c >= '0' && c <= '9') {
			while (i < n && query[i] >= '0' && query[i] <= '9') i++;
			if (query[i] === '.' && query[i + 1] >= '0' && query[i + 1] <= '9') {
				i++;
				while (i < n && query[i] >= '0' && query[i] <= '9') i++;
			}
			const digitsEnd = i;
			if (i < n && /[A-Za-z]/.test(query[i])) {
				while (i < n && /[A-Za-z]/.test(query[i])) i++;
				tokens.push({kind: 'duration', text: query.slice(start, digitsEnd), unit: query.slice(digitsEnd, i), start, end: i});
			} else {
				tokens.push({kind: 'number', text: query.slice(start, i), start, end: i});
			}
			continue;
		}
		if (IDENT_START.test(c)) {
			i++;
			while (i < n && IDENT_PART.test(query[i])) i++;
			// A trailing dot is not part of a name.
			while (query[i - 1] === '.') i--;
			tokens.push({kind: 'ident', text: query.slice(start, i), start, end: i});
			continue;
		}
		const op = OPERATORS.find(o => query.startsWith(o, i));
		if (!op) throw new QuerySyntaxError(`unexpected character '${c}'`, start, start + 1);
		i += op.length;
		tokens.push({kind: 'op', text: op, start, end: i});
	}
	tokens.push({kind: 'end', text: '', start: n, end: n});
	return tokens;
}
