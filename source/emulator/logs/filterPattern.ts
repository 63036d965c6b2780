// A subset of the CloudWatch Logs filter pattern syntax, compiled to a predicate on the message text:
// - empty: every event;
// - terms: `ERROR timeout` (all, case-sensitive), `"exact phrase"`, `?ERROR ?WARN` (any), `-term` (excluded);
// - JSON: `{ $.level = "ERROR" }`, `{ $.a.b != "x" }`, `{ $.n > 3 }`, `&&`, `||`, parentheses,
//   `*` wildcards in string values, `IS TRUE|FALSE|NULL`, `NOT EXISTS`.
// Anything else (space-delimited `[…]` patterns, regex terms) is refused with a message.

export type MessageMatcher = (message: string) => boolean;

export class FilterPatternError extends Error {}

export function compileFilterPattern(pattern: string | undefined): MessageMatcher {
	const text = (pattern ?? '').trim();
	if (text === '') return () => true;
	if (text.startsWith('{')) return compileJsonPattern(text);
	if (text.startsWith('[')) throw new FilterPatternError('Space-delimited filter patterns are not supported by the smsdeck emulator.');
	return compileTermPattern(text);
}

// ---------- term patterns ----------

function splitTerms(text: string): string[] {
	const terms: string[] = [];
	let i = 0;
	while (i < text.length) {
		if (/\s/.test(text[i])) {
			i++;
			continue;
		}
		let prefix = '';
		if ((text[i] === '?' || text[i] === '-') && text[i + 1] === '"') prefix = text[i++];
		if (text[i] === '"') {
			const end = text.indexOf('"', i + 1);
			if (end < 0) throw new FilterPatternError('Invalid filter pattern: unterminated quoted term.');
			terms.push(prefix + '"' + text.slice(i + 1, end));
			i = end + 1;
			continue;
		}
		let end = i;
		while (end < text.length && !/\s/.test(text[end])) end++;
		terms.push(prefix + text.slice(i, end));
		i = end;
	}
	return terms;
}

function compileTermPattern(text: string): MessageMatcher {
	const terms = splitTerms(text).map(raw => {
		let kind: 'all' | 'any' | 'not' = 'all';
		let body = raw;
		if (body.startsWith('?') && body.length > 1) {
			kind = 'any';
			body = body.slice(1);
		} else if (body.startsWith('-') && body.length > 1) {
			kind = 'not';
			body = body.slice(1);
		}
		if (body.startsWith('"')) body = body.slice(1);
		if (body.startsWith('%') && body.endsWith('%') && body.length > 1) {
			throw new FilterPatternError('Regular-expression terms are not supported by the smsdeck emulator.');
		}
		return {kind, body};
	});
	const any = terms.filter(t => t.kind === 'any').map(t => t.body);
	const all = terms.filter(t => t.kind === 'all').map(t => t.body);
	const not = terms.filter(t => t.kind === 'not').map(t => t.body);
	return message =>
		all.every(t => message.includes(t)) && not.every(t => !message.includes(t)) && (any.length === 0 || any.some(t => message.includes(t)));
}

// ---------- JSON patterns ----------

type Token = {kind: 'punct'; value: string} | {kind: 'string'; value: string} | {kind: 'word'; value: string} | {kind: 'selector'; path: (string | number)[]};

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (/\s/.test(c)) {
			i++;
		} else if (text.startsWith('&&', i) || text.startsWith('||', i) || text.startsWith('!=', i) || text.startsWith('>=', i) || text.startsWith('<=', i)) {
			tokens.push({kind: 'punct', value: text.slice(i, i + 2)});
			i += 2;
		} else if ('{}()=<>'.includes(c)) {
			tokens.push({kind: 'punct', value: c});
			i++;
		} else if (c === '"') {
			let value = '';
			i++;
			while (i < text.length && text[i] !== '"') {
				if (text[i] === '\\' && i + 1 < text.length) i++;
				value += text[i++];
			}
			if (i >= text.length) throw new FilterPatternError('Invalid filter pattern: unterminated string.');
			i++;
			tokens.push({kind: 'string', value});
		} else if (c === '$') {
			i++;
			const path: (string | number)[] = [];
			while (i < text.length) {
				if (text[i] === '.') {
					const match = /^[A-Za-z0-9_\-@:]+/.exec(text.slice(i + 1));
					if (!match) throw new FilterPatternError('Invalid filter pattern: bad selector.');
					path.push(match[0]);
					i += 1 + match[0].length;
				} else if (text[i] === '[') {
					const match = /^\[(\d+)\]/.exec(text.slice(i));
					if (!match) throw new FilterPatternError('Invalid filter pattern: bad array index.');
					path.push(Number(match[1]));
					i += match[0].length;
				} else break;
			}
			if (path.length === 0) throw new FilterPatternError('Invalid filter pattern: empty selector.');
			tokens.push({kind: 'selector', path});
		} else {
			let end = i;
			while (end < text.length && !/[\s{}()=<>!&|"]/.test(text[end])) end++;
			if (end === i) throw new FilterPatternError(`Invalid filter pattern: unexpected '${c}'.`);
			tokens.push({kind: 'word', value: text.slice(i, end)});
			i = end;
		}
	}
	return tokens;
}

type JsonPredicate = (doc: unknown) => boolean;

class JsonPatternParser {
	private position = 0;
	constructor(private readonly tokens: Token[]) {}

	parse(): JsonPredicate {
		this.expectPunct('{');
		const predicate = this.parseOr();
		this.expectPunct('}');
		if (this.position !== this.tokens.length) throw new FilterPatternError('Invalid filter pattern: text after the closing brace.');
		return predicate;
	}

	private peek(): Token | undefined {
		return this.tokens[this.position];
	}

	private isPunct(value: string): boolean {
		const token = this.peek();
		return token?.kind === 'punct' && token.value === value;
	}

	private expectPunct(value: string): void {
		if (!this.isPunct(value)) throw new FilterPatternError(`Invalid filter pattern: expected '${value}'.`);
		this.position++;
	}

	private parseOr(): JsonPredicate {
		const parts = [this.parseAnd()];
		while (this.isPunct('||')) {
			this.position++;
			parts.push(this.parseAnd());
		}
		return parts.length === 1 ? parts[0] : doc => parts.some(p => p(doc));
	}

	private parseAnd(): JsonPredicate {
		const parts = [this.parseTerm()];
		while (this.isPunct('&&')) {
			this.position++;
			parts.push(this.parseTerm());
		}
		return parts.length === 1 ? parts[0] : doc => parts.every(p => p(doc));
	}

	private parseTerm(): JsonPredicate {
		if (this.isPunct('(')) {
			this.position++;
			const inner = this.parseOr();
			this.expectPunct(')');
			return inner;
		}
		const selector = this.peek();
		if (selector?.kind !== 'selector') throw new FilterPatternError('Invalid filter pattern: expected a $ selector.');
		this.position++;
		const path = selector.path;
		const next = this.peek();
		if (next?.kind === 'word' && /^(IS|NOT)$/i.test(next.value)) return this.parseKeywordTest(path);
		if (next?.kind !== 'punct' || !['=', '!=', '>', '<', '>=', '<='].includes(next.value)) {
			throw new FilterPatternError('Invalid filter pattern: expected a comparison operator.');
		}
		this.position++;
		const value = this.peek();
		if (value?.kind !== 'string' && value?.kind !== 'word') throw new FilterPatternError('Invalid filter pattern: expected a value.');
		this.position++;
		return comparison(path, next.value, value.value, value.kind === 'string');
	}

	private parseKeywordTest(path: (string | number)[]): JsonPredicate {
		const first = (this.tokens[this.position++] as {value: string}).value.toUpperCase();
		const second = this.peek();
		if (second?.kind !== 'word') throw new FilterPatternError('Invalid filter pattern: incomplete IS/NOT test.');
		this.position++;
		const word = second.value.toUpperCase();
		if (first === 'NOT' && word === 'EXISTS') return doc => resolve(doc, path) === MISSING;
		if (first === 'IS' && word === 'TRUE') return doc => resolve(doc, path) === true;
		if (first === 'IS' && word === 'FALSE') return doc => resolve(doc, path) === false;
		if (first === 'IS' && word === 'NULL') return doc => resolve(doc, path) === null;
		throw new FilterPatternError(`Invalid filter pattern: unknown test ${first} ${word}.`);
	}
}

const MISSING = Symbol('missing');

function resolve(doc: unknown, path: (string | number)[]): unknown {
	let current: unknown = doc;
	for (const step of path) {
		if (typeof step === 'number') {
			if (!Array.isArray(current) || step >= current.length) return MISSING;
			current = current[step];
		} else {
			if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, step)) return MISSING;
			current = (current as Record<string, unknown>)[step];
		}
	}
	return current;
}

function wildcardRegex(value: string): RegExp {
	const escaped = value.split('*').map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${escaped.join('.*')}$`, 's');
}

function comparison(path: (string | number)[], operator: string, raw: string, quoted: boolean): JsonPredicate {
	const numeric = !quoted && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw) ? Number(raw) : undefined;
	if (numeric !== undefined) {
		return doc => {
			const field = resolve(doc, path);
			if (typeof field !== 'number') return false;
			switch (operator) {
				case '=':
					return field === numeric;
				case '!=':
					return field !== numeric;
				case '>':
					return field > numeric;
				case '<':
					return field < numeric;
				case '>=':
					return field >= numeric;
				default:
					return field <= numeric;
			}
		};
	}
	if (operator !== '=' && operator !== '!=') throw new FilterPatternError(`Invalid filter pattern: ${operator} needs a numeric value.`);
	const keyword = !quoted ? raw.toLowerCase() : undefined;
	const regex = wildcardRegex(raw);
	const equals = (field: unknown): boolean => {
		if (keyword === 'true' || keyword === 'false') return field === (keyword === 'true');
		if (keyword === 'null') return field === null;
		if (typeof field === 'string') return regex.test(field);
		if (typeof field === 'number' || typeof field === 'boolean') return regex.test(String(field));
		return false;
	};
	return doc => {
		const field = resolve(doc, path);
		if (field === MISSING) return false;
		return operator === '=' ? equals(field) : !equals(field);
	};
}

function compileJsonPattern(text: string): MessageMatcher {
	const predicate = new JsonPatternParser(tokenize(text)).parse();
	return message => {
		const trimmed = message.trimStart();
		if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
		let doc: unknown;
		try {
			doc = JSON.parse(message);
		} catch {
			return false;
		}
		return predicate(doc);
	};
}
