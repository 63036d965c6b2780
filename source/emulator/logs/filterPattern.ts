// The CloudWatch Logs filter pattern syntax, compiled to a predicate on the message text:
// - empty: every event;
// - terms: `ERROR timeout` (all, case-sensitive), `"exact phrase"`, `?ERROR ?WARN` (any), `-term` (excluded);
// - regex: `%…%` as the whole pattern, the guide's subset (patternParts.ts), found anywhere in the message;
// - JSON: `{ $.level = "ERROR" }`, `{ $.a.b != "x" }`, `{ $.n > 3 }`, `&&`, `||`, parentheses,
//   `*` wildcards in string values, `%regex%` values, `IS TRUE|FALSE|NULL`, `NOT EXISTS`;
// - space-delimited: `[ip, user, ..., status = 404, size > 1000]` (delimitedPattern.ts).
// JSON and space-delimited patterns hold at most 2 regular expressions. Anything else is refused with the
// service's InvalidParameterException message.
import {compileDelimitedPattern} from './delimitedPattern.js';
import {checkRegexCount, compareNumbers, compileRegexBody, FilterPatternError, invalidPattern, invalidTerm, NUMBER, regexEnd, wildcardRegex} from './patternParts.js';

export {FilterPatternError};

export type MessageMatcher = (message: string) => boolean;

export function compileFilterPattern(pattern: string | undefined): MessageMatcher {
	const text = (pattern ?? '').trim();
	if (text === '') return () => true;
	if (text.startsWith('{')) return compileJsonPattern(text);
	if (text.startsWith('[')) return compileDelimitedPattern(text);
	if (text.startsWith('%') && text.endsWith('%') && text.length > 1) {
		const regex = compileRegexBody(text.slice(1, -1), text);
		return message => regex.test(message);
	}
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
			if (end < 0) throw invalidPattern('unterminated quoted term.');
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
		// A regular expression is a pattern of its own: next to other terms it is a term with invalid characters.
		else if (body.includes('%')) throw invalidTerm(raw);
		return {kind, body};
	});
	const any = terms.filter(t => t.kind === 'any').map(t => t.body);
	const all = terms.filter(t => t.kind === 'all').map(t => t.body);
	const not = terms.filter(t => t.kind === 'not').map(t => t.body);
	return message =>
		all.every(t => message.includes(t)) && not.every(t => !message.includes(t)) && (any.length === 0 || any.some(t => message.includes(t)));
}

// ---------- JSON patterns ----------

type Token =
	| {kind: 'punct'; value: string}
	| {kind: 'string'; value: string}
	| {kind: 'word'; value: string}
	| {kind: 'regex'; value: string; raw: string}
	| {kind: 'selector'; path: (string | number)[]};

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
			if (i >= text.length) throw invalidPattern('unterminated string.');
			i++;
			tokens.push({kind: 'string', value});
		} else if (c === '%') {
			const end = regexEnd(text, i);
			if (end < 0) throw invalidTerm(text.slice(i));
			tokens.push({kind: 'regex', value: text.slice(i + 1, end - 1), raw: text.slice(i, end)});
			i = end;
		} else if (c === '$') {
			i++;
			const path: (string | number)[] = [];
			while (i < text.length) {
				if (text[i] === '.') {
					const match = /^[A-Za-z0-9_\-@:]+/.exec(text.slice(i + 1));
					if (!match) throw invalidPattern('bad selector.');
					path.push(match[0]);
					i += 1 + match[0].length;
				} else if (text[i] === '[') {
					const match = /^\[(\d+)\]/.exec(text.slice(i));
					if (!match) throw invalidPattern('bad array index.');
					path.push(Number(match[1]));
					i += match[0].length;
				} else break;
			}
			if (path.length === 0) throw invalidPattern('empty selector.');
			tokens.push({kind: 'selector', path});
		} else {
			let end = i;
			while (end < text.length && !/[\s{}()=<>!&|"%]/.test(text[end])) end++;
			if (end === i) throw invalidPattern(`unexpected '${c}'.`);
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
		if (this.position !== this.tokens.length) throw invalidPattern('text after the closing brace.');
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
		if (!this.isPunct(value)) throw invalidPattern(`expected '${value}'.`);
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
		if (selector?.kind !== 'selector') throw invalidPattern('expected a $ selector.');
		this.position++;
		const path = selector.path;
		const next = this.peek();
		if (next?.kind === 'word' && /^(IS|NOT)$/i.test(next.value)) return this.parseKeywordTest(path);
		if (next?.kind !== 'punct' || !['=', '!=', '>', '<', '>=', '<='].includes(next.value)) {
			throw invalidPattern('expected a comparison operator.');
		}
		this.position++;
		const value = this.peek();
		if (value?.kind === 'regex') {
			this.position++;
			return regexComparison(path, next.value, value.value, value.raw);
		}
		if (value?.kind !== 'string' && value?.kind !== 'word') throw invalidPattern('expected a value.');
		this.position++;
		return comparison(path, next.value, value.value, value.kind === 'string');
	}

	private parseKeywordTest(path: (string | number)[]): JsonPredicate {
		const first = (this.tokens[this.position++] as {value: string}).value.toUpperCase();
		const second = this.peek();
		if (second?.kind !== 'word') throw invalidPattern('incomplete IS/NOT test.');
		this.position++;
		const word = second.value.toUpperCase();
		if (first === 'NOT' && word === 'EXISTS') return doc => resolve(doc, path) === MISSING;
		if (first === 'IS' && word === 'TRUE') return doc => resolve(doc, path) === true;
		if (first === 'IS' && word === 'FALSE') return doc => resolve(doc, path) === false;
		if (first === 'IS' && word === 'NULL') return doc => resolve(doc, path) === null;
		throw invalidPattern(`unknown test ${first} ${word}.`);
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

/** `{ $.field = %regex% }`: a search in the field's text (strings, numbers, booleans); only = and !=. */
function regexComparison(path: (string | number)[], operator: string, body: string, raw: string): JsonPredicate {
	if (operator !== '=' && operator !== '!=') throw invalidPattern(`${operator} cannot compare with a regular expression.`);
	const regex = compileRegexBody(body, raw);
	return doc => {
		const field = resolve(doc, path);
		if (typeof field !== 'string' && typeof field !== 'number' && typeof field !== 'boolean') return false;
		return regex.test(String(field)) === (operator === '=');
	};
}

function comparison(path: (string | number)[], operator: string, raw: string, quoted: boolean): JsonPredicate {
	const numeric = !quoted && NUMBER.test(raw) ? Number(raw) : undefined;
	if (numeric !== undefined) {
		return doc => {
			const field = resolve(doc, path);
			return typeof field === 'number' && compareNumbers(operator, field, numeric);
		};
	}
	if (operator !== '=' && operator !== '!=') throw invalidPattern(`${operator} needs a numeric value.`);
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
	if (!text.endsWith('}')) throw new FilterPatternError("If a filter pattern starts with '{' it must end with '}'");
	const tokens = tokenize(text);
	checkRegexCount(tokens.filter(t => t.kind === 'regex').length);
	const predicate = new JsonPatternParser(tokens).parse();
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
