// The stats command: accumulators per group for count, count_distinct, sum, avg, min, max and pct, fed one record
// at a time (a million events pass through without being kept), then one output row per group.
import {compareValues, compile, formatValue, RowRec, Time, toNumber, type Compiled, type Rec, type Value} from './evaluate.js';
import {AGGREGATES, type Expr, type NamedExpr} from './parser.js';

type Call = Expr & {kind: 'call'};

interface Accumulator {
	add(value: Value): void;
	result(): Value;
}

class Count implements Accumulator {
	private n = 0;
	constructor(private readonly all: boolean) {}
	add(value: Value) {
		if (this.all || (value !== null && value !== undefined)) this.n++;
	}
	result() {
		return this.n;
	}
}

class CountDistinct implements Accumulator {
	private readonly seen = new Set<string>();
	add(value: Value) {
		const text = formatValue(value);
		if (text !== undefined) this.seen.add(text);
	}
	result() {
		return this.seen.size;
	}
}

class Sum implements Accumulator {
	private sum = 0;
	private n = 0;
	constructor(private readonly average: boolean) {}
	add(value: Value) {
		const x = toNumber(value);
		if (x === null) return;
		this.sum += x;
		this.n++;
	}
	result() {
		if (this.n === 0) return null;
		return this.average ? this.sum / this.n : this.sum;
	}
}

class Extreme implements Accumulator {
	private best: Value = null;
	constructor(private readonly sign: 1 | -1) {}
	add(value: Value) {
		if (value === null || value === undefined || (typeof value === 'object' && !(value instanceof Time))) return;
		const c = compareValues(value, this.best);
		if (c === null || c * this.sign > 0) this.best = value;
	}
	result() {
		return this.best;
	}
}

/**
 * The numeric values of one expression in a group, kept for pct(); pct(latency, 50), pct(latency, 95) and
 * pct(latency, 99) share one collection and one sort.
 */
class Samples {
	private values: number[] = [];
	private sorted: Float64Array | undefined;
	add(value: Value) {
		const x = toNumber(value);
		if (x !== null) this.values.push(x);
	}
	/** The nearest-rank percentile (the service's is an approximation of the same). */
	percentile(p: number): number | null {
		const n = this.values.length;
		if (n === 0) return null;
		this.sorted ??= Float64Array.from(this.values).sort();
		const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
		return this.sorted[rank - 1];
	}
}

interface AggregateSpec {
	call: Call;
	argument?: Compiled;
	make(): Accumulator;
	/** pct: the expression whose samples it reads, and the percentile. */
	samples?: {key: string; p: number};
}

/** An expression without its position, to find pct() calls over the same expression. */
function shapeOf(expr: Expr): string {
	return JSON.stringify(expr, (key, value) => (key === 'start' || key === 'end' ? undefined : value instanceof RegExp ? String(value) : value));
}

function specFor(call: Call): AggregateSpec {
	const argument = call.args[0] ? compile(call.args[0]) : undefined;
	switch (call.name) {
		case 'count':
			return {call, argument, make: () => new Count(argument === undefined)};
		case 'count_distinct':
			return {call, argument, make: () => new CountDistinct()};
		case 'sum':
		case 'avg':
			return {call, argument, make: () => new Sum(call.name === 'avg')};
		case 'min':
		case 'max':
			return {call, argument, make: () => new Extreme(call.name === 'max' ? 1 : -1)};
		default: {
			const p = (call.args[1] as Expr & {kind: 'number'}).value;
			return {call, argument, make: () => ({add() {}, result: () => null}), samples: {key: shapeOf(call.args[0]), p}};
		}
	}
}

function aggregateCalls(expr: Expr, into: Call[]): void {
	if (expr.kind === 'call' && AGGREGATES.has(expr.name)) {
		into.push(expr);
		return;
	}
	if (expr.kind === 'call') for (const arg of expr.args) aggregateCalls(arg, into);
	else if (expr.kind === 'unary') aggregateCalls(expr.operand, into);
	else if (expr.kind === 'binary') {
		aggregateCalls(expr.left, into);
		aggregateCalls(expr.right, into);
	}
}

/** Values that show the same text group together; a time by its number (formatting a date per event is slow). */
function groupKey(value: Value): string {
	if (value === null || value === undefined) return '\u0000';
	if (value instanceof Time) return formatValue(value.ms)!;
	return formatValue(value)!;
}

interface Group {
	by: Value[];
	accumulators: Accumulator[];
	samples: Samples[];
}

export class StatsSink {
	private readonly specs: AggregateSpec[];
	/** Accumulating specs (every one but pct). */
	private readonly plain: AggregateSpec[];
	/** One per distinct pct() expression: how to read it, and which Samples slot each pct spec reads. */
	private readonly sampled: Compiled[] = [];
	private readonly sampleSlot = new Map<AggregateSpec, number>();
	private readonly by: Compiled[];
	/** The `by` values of the record being added (reused). */
	private readonly values: Value[] = [];
	private readonly groups = new Map<string, Group>();

	constructor(
		private readonly aggregates: NamedExpr[],
		private readonly byItems: NamedExpr[],
	) {
		const calls: Call[] = [];
		for (const item of aggregates) aggregateCalls(item.expr, calls);
		this.specs = calls.map(specFor);
		this.plain = this.specs.filter(spec => !spec.samples);
		const slots = new Map<string, number>();
		for (const spec of this.specs) {
			if (!spec.samples) continue;
			let slot = slots.get(spec.samples.key);
			if (slot === undefined) {
				slot = this.sampled.length;
				slots.set(spec.samples.key, slot);
				this.sampled.push(spec.argument!);
			}
			this.sampleSlot.set(spec, slot);
		}
		this.by = byItems.map(item => compile(item.expr));
	}

	consume(rec: Rec): void {
		const values = this.values;
		let key = '';
		for (let i = 0; i < this.by.length; i++) {
			values[i] = this.by[i](rec);
			key = i === 0 ? groupKey(values[i]) : `${key}\u0001${groupKey(values[i])}`;
		}
		let group = this.groups.get(key);
		if (!group) {
			group = {by: [...values], accumulators: this.plain.map(spec => spec.make()), samples: this.sampled.map(() => new Samples())};
			this.groups.set(key, group);
		}
		for (let i = 0; i < this.plain.length; i++) {
			const argument = this.plain[i].argument;
			group.accumulators[i].add(argument ? argument(rec) : true);
		}
		for (let i = 0; i < this.sampled.length; i++) group.samples[i].add(this.sampled[i](rec));
	}

	/** One row per group: the `by` fields, then the aggregate expressions. */
	finish(): RowRec[] {
		const rows: RowRec[] = [];
		let results = new Map<Call, Value>();
		const outputs = this.aggregates.map(item => compile(item.expr, call => () => results.get(call)));
		for (const group of this.groups.values()) {
			results = new Map(this.plain.map((spec, i) => [spec.call, group.accumulators[i].result()]));
			for (const [spec, slot] of this.sampleSlot) results.set(spec.call, group.samples[slot].percentile(spec.samples!.p));
			const row = new RowRec();
			this.byItems.forEach((item, i) => row.set(item.name, group.by[i]));
			this.aggregates.forEach((item, i) => row.set(item.name, outputs[i](row)));
			rows.push(row);
		}
		return rows;
	}
}
