// A recursive-descent parser for the Logs Insights query language subset the emulator runs:
//   fields EXPR [as NAME], …        display NAME, …        filter EXPR        limit N
//   stats AGG [as NAME], … [by EXPR [as NAME], …]          sort EXPR [asc|desc], …
// commands joined by `|`. Expressions: numbers, "strings", field names (dotted for nested JSON, `quoted`),
// + - * / % ^, = == != < <= > >=, like "text" | like /regex/ | =~ /regex/, in [..], not, and, or, parentheses,
// and the functions in FUNCTIONS. Anything else is a QuerySyntaxError pointing at the offending text.
import {QuerySyntaxError, tokenize, type Token} from './lexer.js';

interface Span {
	start: number;
	end: number;
}

export type Expr = Span &
	(
		| {kind: 'number'; value: number}
		| {kind: 'string'; value: string}
		| {kind: 'regex'; regex: RegExp}
		| {kind: 'field'; name: string}
		| {kind: 'duration'; period: Period}
		| {kind: 'call'; name: string; args: Expr[]; star: boolean}
		| {kind: 'unary'; op: '-' | 'not'; operand: Expr}
		| {kind: 'binary'; op: BinaryOp; left: Expr; right: Expr}
		| {kind: 'like'; subject: Expr; pattern: string | RegExp; negate: boolean}
		| {kind: 'in'; subject: Expr; items: Expr[]; negate: boolean}
	);

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '^' | 'and' | 'or' | '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A bin() width: a fixed number of milliseconds, or calendar months (a quarter is 3, a year 12). */
export type Period = {ms: number; months?: undefined} | {months: number; ms?: undefined};

export interface NamedExpr {
	expr: Expr;
	/** The output field: the alias, or the expression as written. */
	name: string;
}

export type Command =
	| {kind: 'fields'; items: NamedExpr[]}
	| {kind: 'display'; names: string[]}
	| {kind: 'filter'; expr: Expr}
	| {kind: 'stats'; aggregates: NamedExpr[]; by: NamedExpr[]}
	| {kind: 'sort'; keys: Array<{expr: Expr; name: string; descending: boolean}>}
	| {kind: 'limit'; count: number};

export interface ParsedQuery {
	commands: Command[];
}

/** Rows a query may return: the `limit` command accepts at most this, and the default is the same. */
export const MAX_LIMIT = 10_000;

export const AGGREGATES = new Set(['count', 'count_distinct', 'sum', 'avg', 'min', 'max', 'pct']);
/** Scalar functions: name → [least, most] arguments. */
const SCALARS: Record<string, [number, number]> = {
	bin: [1, 1],
	abs: [1, 1],
	ceil: [1, 1],
	floor: [1, 1],
	strlen: [1, 1],
	tolower: [1, 1],
	toupper: [1, 1],
	ispresent: [1, 1],
	isempty: [1, 1],
	concat: [1, 64],
	coalesce: [1, 64],
};
/** Commands of the service the emulator does not run; named in the error instead of "unexpected". */
const UNSUPPORTED_COMMANDS = new Set(['parse', 'dedup', 'unmask', 'unnest', 'pattern', 'diff', 'anomaly', 'lookup', 'filterindex', 'source', 'join']);

const FIXED_UNITS: Array<[string[], number]> = [
	[['ms', 'msec', 'millisecond'], 1],
	[['s', 'sec', 'second'], 1000],
	[['m', 'min', 'minute'], 60_000],
	[['h', 'hr', 'hour'], 3_600_000],
	[['d', 'day'], 86_400_000],
	[['w', 'week'], 604_800_000],
];
const CALENDAR_UNITS: Array<[string[], number]> = [
	[['mo', 'mon', 'month'], 1],
	[['q', 'qtr', 'quarter'], 3],
	[['y', 'yr', 'year'], 12],
];

/** A unit as the service spells it: the listed forms, and a plural `s` on those longer than one letter. */
function unitMatches(written: string, forms: string[]): boolean {
	const unit = written.toLowerCase();
	return forms.some(form => unit === form || (form.length > 1 && unit === `${form}s`));
}

function periodOf(token: Token): Period {
	const count = Number(token.text);
	if (!Number.isInteger(count) || count <= 0) throw new QuerySyntaxError('a bin period must be a whole number above 0', token.start, token.end);
	for (const [forms, ms] of FIXED_UNITS) if (unitMatches(token.unit!, forms)) return {ms: count * ms};
	for (const [forms, months] of CALENDAR_UNITS) if (unitMatches(token.unit!, forms)) return {months: count * months};
	throw new QuerySyntaxError(`unknown time unit '${token.unit}'`, token.start, token.end);
}

class Parser {
	private position = 0;
	constructor(
		private readonly query: string,
		private readonly tokens: Token[],
	) {}

	private get token(): Token {
		return this.tokens[this.position];
	}

	private atEnd(): boolean {
		return this.token.kind === 'end';
	}

	private next(): Token {
		return this.tokens[this.position++];
	}

	private isKeyword(word: string, token = this.token): boolean {
		return token.kind === 'ident' && token.text.toLowerCase() === word;
	}

	private isOp(op: string, token = this.token): boolean {
		return token.kind === 'op' && token.text === op;
	}

	private unexpected(expecting: string): QuerySyntaxError {
		const t = this.token;
		const seen = t.kind === 'end' ? 'the end of the query' : `'${this.query.slice(t.start, t.end)}'`;
		return new QuerySyntaxError(`unexpected ${seen}, expecting ${expecting}`, t.start, Math.max(t.end, t.start + (t.kind === 'end' ? 0 : 1)));
	}

	private expectOp(op: string): Token {
		if (!this.isOp(op)) throw this.unexpected(`'${op}'`);
		return this.next();
	}

	private text(span: Span): string {
		return this.query.slice(span.start, span.end);
	}

	parseQuery(): ParsedQuery {
		if (this.atEnd()) throw new QuerySyntaxError('the query is empty', 0, 0);
		const commands: Command[] = [this.parseCommand()];
		while (this.isOp('|')) {
			this.next();
			commands.push(this.parseCommand());
		}
		if (!this.atEnd()) throw this.unexpected("'|' or the end of the query");
		return {commands};
	}

	private parseCommand(): Command {
		const t = this.token;
		if (t.kind !== 'ident') throw this.unexpected('a command (fields, filter, stats, sort, limit, display)');
		const word = t.text.toLowerCase();
		this.next();
		switch (word) {
			case 'fields':
				return {kind: 'fields', items: this.parseList(() => this.parseNamed('scalar'))};
			case 'display':
				return {kind: 'display', names: this.parseList(() => this.parseFieldName())};
			case 'filter':
				return {kind: 'filter', expr: this.checked(this.parseExpr(), 'scalar')};
			case 'stats':
				return this.parseStats();
			case 'sort':
				return {
					kind: 'sort',
					keys: this.parseList(() => {
						const expr = this.checked(this.parseExpr(), 'scalar');
						let descending = true;
						if (this.isKeyword('asc') || this.isKeyword('desc')) descending = this.next().text.toLowerCase() === 'desc';
						return {expr, name: expr.kind === 'field' ? expr.name : this.text(expr), descending};
					}),
				};
			case 'limit': {
				const n = this.token;
				if (n.kind !== 'number') throw this.unexpected('a number of rows');
				this.next();
				const count = Number(n.text);
				if (!Number.isInteger(count) || count < 1 || count > MAX_LIMIT) {
					throw new QuerySyntaxError(`limit must be a whole number from 1 to ${MAX_LIMIT}`, n.start, n.end);
				}
				return {kind: 'limit', count};
			}
			default:
				if (UNSUPPORTED_COMMANDS.has(word)) throw new QuerySyntaxError(`the emulator does not run the '${t.text}' command`, t.start, t.end);
				throw new QuerySyntaxError(`unknown command '${t.text}'`, t.start, t.end);
		}
	}

	private parseList<T>(item: () => T): T[] {
		const items = [item()];
		while (this.isOp(',')) {
			this.next();
			items.push(item());
		}
		return items;
	}

	private parseFieldName(): string {
		const t = this.token;
		if (t.kind !== 'ident') throw this.unexpected('a field name');
		this.next();
		return t.text;
	}

	private parseNamed(context: 'scalar' | 'aggregate'): NamedExpr {
		const expr = this.checked(this.parseExpr(), context);
		let name = expr.kind === 'field' ? expr.name : this.text(expr);
		if (this.isKeyword('as')) {
			this.next();
			name = this.parseFieldName();
		}
		return {expr, name};
	}

	private parseStats(): Command {
		const aggregates = this.parseList(() => this.parseNamed('aggregate'));
		let by: NamedExpr[] = [];
		if (this.isKeyword('by')) {
			this.next();
			by = this.parseList(() => this.parseNamed('scalar'));
		}
		return {kind: 'stats', aggregates, by};
	}

	/**
	 * Checks functions and their arguments. 'aggregate': an expression over aggregate functions (whose arguments
	 * are scalar), with no field outside them; 'scalar': no aggregate function at all.
	 */
	private checked(expr: Expr, context: 'scalar' | 'aggregate'): Expr {
		let aggregates = 0;
		const visit = (e: Expr, insideAggregate: boolean): void => {
			switch (e.kind) {
				case 'field':
					if (context === 'aggregate' && !insideAggregate) {
						throw new QuerySyntaxError(`'${e.name}' must be inside an aggregate function in stats`, e.start, e.end);
					}
					return;
				case 'duration':
					throw new QuerySyntaxError('a time period is only valid as the argument of bin()', e.start, e.end);
				case 'call': {
					const isAggregate = AGGREGATES.has(e.name);
					if (isAggregate) {
						if (context === 'scalar' || insideAggregate) {
							throw new QuerySyntaxError(`the aggregate function ${e.name}() is only valid in stats`, e.start, e.end);
						}
						aggregates++;
						this.checkAggregateArgs(e);
					} else if (e.name === 'bin') {
						if (e.args.length !== 1 || e.args[0].kind !== 'duration') {
							throw new QuerySyntaxError('bin() takes one time period, such as bin(5m)', e.start, e.end);
						}
						return;
					}
					if (e.star && e.name !== 'count') throw new QuerySyntaxError(`${e.name}(*) is not valid; only count(*)`, e.start, e.end);
					for (const arg of e.args) visit(arg, insideAggregate || isAggregate);
					return;
				}
				case 'unary':
					return visit(e.operand, insideAggregate);
				case 'binary':
					visit(e.left, insideAggregate);
					return visit(e.right, insideAggregate);
				case 'like':
					return visit(e.subject, insideAggregate);
				case 'in':
					visit(e.subject, insideAggregate);
					for (const item of e.items) visit(item, insideAggregate);
					return;
				default:
					return;
			}
		};
		visit(expr, false);
		if (context === 'aggregate' && aggregates === 0) {
			throw new QuerySyntaxError('stats needs an aggregate function: count, count_distinct, sum, avg, min, max or pct', expr.start, expr.end);
		}
		return expr;
	}

	private checkAggregateArgs(e: Expr & {kind: 'call'}): void {
		const arity = e.name === 'pct' ? 2 : e.name === 'count' ? (e.star ? 0 : 1) : 1;
		const optional = e.name === 'count';
		if (!(e.args.length === arity || (optional && e.args.length === 0))) {
			const wanted = e.name === 'pct' ? 'a field and a percentile, such as pct(latency, 95)' : 'one field';
			throw new QuerySyntaxError(`${e.name}() takes ${wanted}`, e.start, e.end);
		}
		if (e.name === 'pct') {
			const p = e.args[1];
			if (p.kind !== 'number' || p.value < 0 || p.value > 100) throw new QuerySyntaxError('the percentile of pct() is a number from 0 to 100', p.start, p.end);
		}
	}

	// Expressions, from the loosest binding: or, and, not, comparisons, + -, * / %, ^, unary -, primaries.
	parseExpr(): Expr {
		return this.parseLevel(['or'], () => this.parseLevel(['and'], () => this.parseNot()));
	}

	private parseNot(): Expr {
		if (this.isKeyword('not')) {
			const t = this.next();
			const operand = this.parseNot();
			return {kind: 'unary', op: 'not', operand, start: t.start, end: operand.end};
		}
		return this.parseComparison();
	}

	private parseComparison(): Expr {
		const left = this.parseAdditive();
		const t = this.token;
		if (t.kind === 'op' && ['=', '==', '!=', '<', '<=', '>', '>='].includes(t.text)) {
			this.next();
			const right = this.parseAdditive();
			const op = (t.text === '==' ? '=' : t.text) as BinaryOp;
			return {kind: 'binary', op, left, right, start: left.start, end: right.end};
		}
		let negate = false;
		if (this.isKeyword('not') && (this.isKeyword('like', this.tokens[this.position + 1]) || this.isKeyword('in', this.tokens[this.position + 1]))) {
			this.next();
			negate = true;
		}
		if (this.isKeyword('like') || this.isOp('=~')) {
			this.next();
			const p = this.token;
			if (p.kind !== 'string' && p.kind !== 'regex') throw this.unexpected('a "string" or a /regular expression/');
			this.next();
			return {kind: 'like', subject: left, pattern: p.kind === 'regex' ? p.regex! : p.text, negate, start: left.start, end: p.end};
		}
		if (this.isKeyword('in')) {
			this.next();
			this.expectOp('[');
			const items = this.parseList(() => this.parseAdditive());
			const close = this.expectOp(']');
			return {kind: 'in', subject: left, items, negate, start: left.start, end: close.end};
		}
		if (negate) throw this.unexpected("'like' or 'in'");
		return left;
	}

	/** Left-associative operators (symbols, or the words and/or) of one precedence level. */
	private parseLevel(ops: string[], operand: () => Expr): Expr {
		let left = operand();
		for (;;) {
			const t = this.token;
			const isOperator = t.kind === 'op' ? ops.includes(t.text) : t.kind === 'ident' && this.query[t.start] !== '`' && ops.includes(t.text.toLowerCase());
			if (!isOperator) return left;
			const op = this.next().text.toLowerCase() as BinaryOp;
			const right = operand();
			left = {kind: 'binary', op, left, right, start: left.start, end: right.end};
		}
	}

	private parseAdditive(): Expr {
		return this.parseLevel(['+', '-'], () => this.parseLevel(['*', '/', '%'], () => this.parsePower()));
	}

	private parsePower(): Expr {
		const left = this.parseUnary();
		if (this.isOp('^')) {
			this.next();
			const right = this.parsePower();
			return {kind: 'binary', op: '^', left, right, start: left.start, end: right.end};
		}
		return left;
	}

	private parseUnary(): Expr {
		if (this.isOp('-')) {
			const t = this.next();
			const operand = this.parseUnary();
			if (operand.kind === 'number') return {...operand, value: -operand.value, start: t.start};
			return {kind: 'unary', op: '-', operand, start: t.start, end: operand.end};
		}
		return this.parsePrimary();
	}

	private parsePrimary(): Expr {
		const t = this.token;
		switch (t.kind) {
			case 'number':
				this.next();
				return {kind: 'number', value: Number(t.text), start: t.start, end: t.end};
			case 'string':
				this.next();
				return {kind: 'string', value: t.text, start: t.start, end: t.end};
			case 'duration':
				this.next();
				return {kind: 'duration', period: periodOf(t), start: t.start, end: t.end};
			case 'ident': {
				if (['and', 'or', 'not', 'by', 'as', 'like', 'in', 'asc', 'desc'].includes(t.text.toLowerCase()) && this.query[t.start] !== '`') {
					throw this.unexpected('a value or a field name');
				}
				this.next();
				if (this.isOp('(') && this.query[t.start] !== '`') return this.parseCall(t);
				return {kind: 'field', name: t.text, start: t.start, end: t.end};
			}
			case 'op':
				if (t.text === '(') {
					this.next();
					const inner = this.parseExpr();
					const close = this.expectOp(')');
					return {...inner, start: t.start, end: close.end};
				}
				break;
		}
		throw this.unexpected('a value or a field name');
	}

	private parseCall(nameToken: Token): Expr {
		const name = nameToken.text.toLowerCase();
		if (!AGGREGATES.has(name) && !Object.hasOwn(SCALARS, name)) {
			throw new QuerySyntaxError(`unknown function ${nameToken.text}()`, nameToken.start, nameToken.end);
		}
		this.expectOp('(');
		let star = false;
		let args: Expr[] = [];
		if (this.isOp('*')) {
			this.next();
			star = true;
		} else if (!this.isOp(')')) {
			args = this.parseList(() => this.parseExpr());
		}
		const close = this.expectOp(')');
		const call: Expr = {kind: 'call', name, args, star, start: nameToken.start, end: close.end};
		const arity = SCALARS[name];
		if (arity && (args.length < arity[0] || args.length > arity[1])) {
			throw new QuerySyntaxError(`${name}() takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} to ${arity[1]}`} argument${arity[1] === 1 ? '' : 's'}`, call.start, call.end);
		}
		return call;
	}
}

/** Parses a query string; throws QuerySyntaxError for one the service would refuse (or the emulator cannot run). */
export function parseQuery(query: string): ParsedQuery {
	return new Parser(query, tokenize(query)).parseQuery();
}
