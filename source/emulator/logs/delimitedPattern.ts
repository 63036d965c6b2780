// Space-delimited filter patterns: `[ip, user, ..., status_code = 4* && status_code != 403, bytes > 1000]`.
// The log line is cut at spaces; text between double quotes or between square brackets is one field (without
// its quotes or brackets). The pattern names the fields in order, separated by commas; `...` stands for any
// number of fields (none included) and an empty slot for one field without a name. Without `...` the line must
// have exactly as many fields as the pattern. A slot may hold conditions on its own field joined by `&&` and
// `||` (`&&` first): = and != against a string with `*` wildcards or a `%regex%`, and = != < <= > >= against a
// number. A condition on another field's name is refused, as the service refuses the guide's old example
// `[…, status_code = 4* && bytes > 1000]`.
import {checkRegexCount, compareNumbers, compileRegexBody, FilterPatternError, invalidPattern, NUMBER, regexEnd, wildcardRegex} from './patternParts.js';

type FieldTest = (value: string) => boolean;
type Slot = {kind: 'ellipsis'} | {kind: 'field'; name?: string; test: FieldTest};

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OPERATORS = ['&&', '||', '!=', '<=', '>=', '=', '<', '>'];

/** Splits the inside of `[…]` at commas that are not inside "quotes" or a %regex%. */
function splitSlots(inner: string): string[] {
	const slots: string[] = [];
	let start = 0;
	for (let i = 0; i < inner.length; i++) {
		const c = inner[i];
		if (c === '"') {
			const close = inner.indexOf('"', i + 1);
			if (close < 0) throw invalidPattern();
			i = close;
		} else if (c === '%') {
			const end = regexEnd(inner, i);
			if (end < 0) throw invalidPattern();
			i = end - 1;
		} else if (c === ',') {
			slots.push(inner.slice(start, i));
			start = i + 1;
		}
	}
	slots.push(inner.slice(start));
	return slots.map(s => s.trim());
}

type Token = {kind: 'op'; value: string} | {kind: 'word'; value: string} | {kind: 'string'; value: string} | {kind: 'regex'; value: string; raw: string};

function tokenizeSlot(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		const op = OPERATORS.find(o => text.startsWith(o, i));
		if (/\s/.test(c)) {
			i++;
		} else if (op) {
			tokens.push({kind: 'op', value: op});
			i += op.length;
		} else if (c === '"') {
			const close = text.indexOf('"', i + 1);
			tokens.push({kind: 'string', value: text.slice(i + 1, close)});
			i = close + 1;
		} else if (c === '%') {
			const end = regexEnd(text, i);
			tokens.push({kind: 'regex', value: text.slice(i + 1, end - 1), raw: text.slice(i, end)});
			i = end;
		} else {
			let end = i;
			while (end < text.length && !/[\s"%=!<>&|]/.test(text[end])) end++;
			if (end === i) throw invalidPattern();
			tokens.push({kind: 'word', value: text.slice(i, end)});
			i = end;
		}
	}
	return tokens;
}

function condition(operator: string, value: Token): FieldTest {
	if (value.kind === 'regex') {
		if (operator !== '=' && operator !== '!=') throw invalidPattern();
		const regex = compileRegexBody(value.value, value.raw);
		return operator === '=' ? v => regex.test(v) : v => !regex.test(v);
	}
	if (value.kind === 'word' && NUMBER.test(value.value)) {
		const number = Number(value.value);
		return v => (NUMBER.test(v) ? compareNumbers(operator, Number(v), number) : operator === '!=');
	}
	if (value.kind === 'op') throw invalidPattern();
	if (operator !== '=' && operator !== '!=') throw invalidPattern();
	const regex = wildcardRegex(value.value);
	return operator === '=' ? v => regex.test(v) : v => !regex.test(v);
}

/** One slot's `a = x && a != y || a = z`: every condition names the same field, which names the slot. */
function parseSlot(text: string, regexes: {count: number}): Slot {
	if (text === '...') return {kind: 'ellipsis'};
	if (text === '') return {kind: 'field', test: () => true};
	const tokens = tokenizeSlot(text);
	regexes.count += tokens.filter(t => t.kind === 'regex').length;
	let position = 0;
	let name: string | undefined;
	const take = (): Token | undefined => tokens[position++];
	const parseCondition = (): FieldTest => {
		const field = take();
		if (field?.kind !== 'word' || !NAME.test(field.value)) throw invalidPattern();
		if (name !== undefined && field.value !== name) throw invalidPattern();
		name = field.value;
		if (tokens.length === 1) return () => true;
		const operator = take();
		if (operator?.kind !== 'op' || operator.value === '&&' || operator.value === '||') throw invalidPattern();
		const value = take();
		if (value === undefined) throw invalidPattern();
		return condition(operator.value, value);
	};
	const isOp = (value: string) => tokens[position]?.kind === 'op' && tokens[position].value === value;
	const parseAnd = (): FieldTest => {
		const parts = [parseCondition()];
		while (isOp('&&')) {
			position++;
			parts.push(parseCondition());
		}
		return v => parts.every(p => p(v));
	};
	const parts = [parseAnd()];
	while (isOp('||')) {
		position++;
		parts.push(parseAnd());
	}
	if (position !== tokens.length) throw invalidPattern();
	return {kind: 'field', name, test: v => parts.some(p => p(v))};
}

/** The fields of a log line: space-separated, with "quoted" and [bracketed] text kept as one field. */
export function splitLogFields(message: string): string[] {
	const fields: string[] = [];
	let i = 0;
	while (i < message.length) {
		if (message[i] === ' ' || message[i] === '\t') {
			i++;
			continue;
		}
		const close = message[i] === '"' ? '"' : message[i] === '[' ? ']' : undefined;
		if (close) {
			const end = message.indexOf(close, i + 1);
			const stop = end < 0 ? message.length : end;
			fields.push(message.slice(i + 1, stop));
			i = stop + 1;
			continue;
		}
		let end = i;
		while (end < message.length && message[end] !== ' ' && message[end] !== '\t') end++;
		fields.push(message.slice(i, end));
		i = end;
	}
	return fields;
}

export function compileDelimitedPattern(text: string): (message: string) => boolean {
	if (!text.endsWith(']')) throw new FilterPatternError("If a filter pattern starts with '[' it must end with ']'");
	const regexes = {count: 0};
	const slots = splitSlots(text.slice(1, -1)).map(s => parseSlot(s, regexes));
	checkRegexCount(regexes.count);
	if (slots.length === 1 && slots[0].kind === 'field' && slots[0].name === undefined) throw invalidPattern();
	return message => {
		const fields = splitLogFields(message);
		const failed = new Set<number>();
		const matchFrom = (s: number, f: number): boolean => {
			if (s === slots.length) return f === fields.length;
			const key = s * (fields.length + 1) + f;
			if (failed.has(key)) return false;
			const slot = slots[s];
			let ok = false;
			if (slot.kind === 'ellipsis') {
				for (let k = f; k <= fields.length && !ok; k++) ok = matchFrom(s + 1, k);
			} else {
				ok = f < fields.length && slot.test(fields[f]) && matchFrom(s + 1, f + 1);
			}
			if (!ok) failed.add(key);
			return ok;
		};
		return matchFrom(0, 0);
	};
}
