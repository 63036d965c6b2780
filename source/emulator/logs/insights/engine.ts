// Runs a parsed Logs Insights query over the log store, a slice at a time.
// The commands up to the first stats, sort or limit run per event while the scan streams over the stored events
// (newest first, stream by stream); that first one collects (stats: an accumulator per group; sort/limit: the best
// N records only), and the commands after it run on the few rows collected. Events ingested after the query
// started are left out. Statistics count what the scan has seen so far, so a running query can report them.
import type {LogGroup, LogStream, StoredEvent} from '../store.js';
import {StatsSink} from './aggregate.js';
import {compile, formatValue, sortCompare, Time, type Compiled, type Rec, type Value} from './evaluate.js';
import {MAX_LIMIT, type Command, type ParsedQuery} from './parser.js';

export interface ResultField {
	field: string;
	value: string;
}

export interface ScanSource {
	group: LogGroup;
	stream: LogStream;
}

export interface QueryStatistics {
	recordsScanned: number;
	recordsMatched: number;
	bytesScanned: number;
}

const pathCache = new Map<string, string[]>();

function jsonValue(value: unknown): Value {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'object') return value;
	return null;
}

const NEEDS_PARSE = Symbol('needs a full parse');
const quotedNames = new Map<string, string>();

/**
 * One member of a flat JSON object (see EventRec.isFlat) without parsing the whole message: a million events
 * scan in a fraction of the time, and with little garbage. In a flat object `"name":` can only be a top-level key
 * (inside a string every quote is escaped), preceded by `{` or `,`. Anything unusual — the name first found as
 * a value, spaces around the colon, a value that is not a plain string, number, true, false or null — answers
 * NEEDS_PARSE. (A key written twice reads as its first value here, its last after a full parse.)
 */
function readFlatMember(message: string, name: string): Value | typeof NEEDS_PARSE {
	let quoted = quotedNames.get(name);
	if (quoted === undefined) {
		quoted = name.includes('"') || name.includes('\\') ? '' : `"${name}"`;
		if (quotedNames.size < 10_000) quotedNames.set(name, quoted);
	}
	if (quoted === '') return NEEDS_PARSE;
	const at = message.indexOf(quoted);
	if (at < 0) return undefined;
	const before = message.charCodeAt(at - 1);
	if ((before !== 123 && before !== 44) || message.charCodeAt(at + quoted.length) !== 58) return NEEDS_PARSE;
	const start = at + quoted.length + 1;
	const c = message.charCodeAt(start);
	if (c === 34 /* " */) {
		let end = start + 1;
		for (;;) {
			end = message.indexOf('"', end);
			if (end < 0) return NEEDS_PARSE;
			let slashes = 0;
			while (message.charCodeAt(end - 1 - slashes) === 92) slashes++;
			if (slashes % 2 === 0) break;
			end++;
		}
		const raw = message.slice(start + 1, end);
		if (!raw.includes('\\')) return raw;
		try {
			return JSON.parse(message.slice(start, end + 1)) as string;
		} catch {
			return NEEDS_PARSE;
		}
	}
	let end = start;
	while (end < message.length) {
		const ch = message.charCodeAt(end);
		if (ch === 44 || ch === 125) break;
		end++;
	}
	const token = message.slice(start, end);
	if (token === 'true') return true;
	if (token === 'false') return false;
	if (token === 'null') return null;
	if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/.test(token)) return Number(token);
	return NEEDS_PARSE;
}

/** A stored event as a record; one instance is reused across the scan, snapshot() keeps one. */
export class EventRec implements Rec {
	event!: StoredEvent;
	stream!: LogStream;
	group!: LogGroup;
	/** undefined: not parsed yet; null: the message is not a JSON object. */
	private parsed: Record<string, unknown> | null | undefined;
	private extra: Map<string, Value> | undefined;

	constructor(private readonly accountId: string) {}

	reset(event: StoredEvent, stream: LogStream, group: LogGroup): void {
		this.event = event;
		this.stream = stream;
		this.group = group;
		this.parsed = undefined;
		this.flat = undefined;
		this.extra = undefined;
	}

	snapshot(): EventRec {
		const copy = new EventRec(this.accountId);
		copy.reset(this.event, this.stream, this.group);
		copy.parsed = this.parsed;
		copy.extra = this.extra && new Map(this.extra);
		return copy;
	}

	set(name: string, value: Value): void {
		(this.extra ??= new Map()).set(name, value);
	}

	timestampMs(): number {
		return this.event.timestamp;
	}

	/** The @ptr of the event: opaque, stable for the event. */
	pointer(): string {
		return Buffer.from(`${this.group.region}\n${this.group.name}\n${this.stream.name}\n${this.event.eventId}`, 'utf8').toString('base64');
	}

	get(name: string): Value {
		if (this.extra !== undefined && this.extra.has(name)) return this.extra.get(name);
		if (name.charCodeAt(0) === 64 /* @ */) {
			switch (name) {
				case '@timestamp':
					return new Time(this.event.timestamp);
				case '@message':
					return this.event.message;
				case '@ingestionTime':
					return new Time(this.event.ingestionTime);
				case '@logStream':
					return this.stream.name;
				case '@log':
					return `${this.accountId}:${this.group.name}`;
				case '@ptr':
					return this.pointer();
			}
		}
		if (this.parsed === undefined && this.isFlat()) {
			const found = readFlatMember(this.event.message, name);
			if (found !== NEEDS_PARSE) return found;
		}
		const json = this.json();
		if (json === null) return undefined;
		if (Object.hasOwn(json, name)) return jsonValue(json[name]);
		let path = pathCache.get(name);
		if (!path) {
			path = name.split('.');
			if (pathCache.size < 10_000) pathCache.set(name, path);
		}
		if (path.length < 2) return undefined;
		let node: unknown = json;
		for (const part of path) {
			if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
			node = (node as Record<string, unknown>)[part];
		}
		return jsonValue(node);
	}

	/** undefined: not checked yet. */
	private flat: boolean | undefined;

	/** A one-line JSON object with no object or array inside (the SMS event records without context). */
	private isFlat(): boolean {
		if (this.flat === undefined) {
			const m = this.event.message;
			this.flat = m.charCodeAt(0) === 123 && m.charCodeAt(m.length - 1) === 125 && m.indexOf('{', 1) < 0 && m.indexOf('[') < 0;
		}
		return this.flat;
	}

	private json(): Record<string, unknown> | null {
		if (this.parsed === undefined) {
			this.parsed = null;
			const message = this.event.message;
			if (message.charCodeAt(0) === 123 /* { */ || message.trimStart().startsWith('{')) {
				try {
					const value: unknown = JSON.parse(message);
					if (value !== null && typeof value === 'object' && !Array.isArray(value)) this.parsed = value as Record<string, unknown>;
				} catch {
					// Not JSON: only the system fields exist.
				}
			}
		}
		return this.parsed;
	}
}

function truthy(value: Value): boolean {
	if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
	return true;
}

type Stage = (rec: Rec) => boolean;

function streamStage(command: Command): Stage {
	switch (command.kind) {
		case 'fields': {
			const items = command.items.map(item => ({name: item.name, fn: compile(item.expr), plain: item.expr.kind === 'field' && item.expr.name === item.name}));
			const computed = items.filter(item => !item.plain);
			return rec => {
				for (const item of computed) rec.set(item.name, item.fn(rec));
				return true;
			};
		}
		case 'filter': {
			const predicate = compile(command.expr);
			return rec => truthy(predicate(rec));
		}
		default:
			return () => true;
	}
}

interface SortKey {
	fn: Compiled;
	descending: boolean;
}

function compareKeys(keys: SortKey[], a: Value[], b: Value[]): number {
	for (let i = 0; i < keys.length; i++) {
		const x = a[i];
		const y = b[i];
		const xMissing = x === null || x === undefined;
		const yMissing = y === null || y === undefined;
		// Missing values come last in either direction.
		if (xMissing || yMissing) {
			if (xMissing !== yMissing) return xMissing ? 1 : -1;
			continue;
		}
		const c = sortCompare(x, y);
		if (c !== 0) return keys[i].descending ? -c : c;
	}
	return 0;
}

/** The best k records by the sort keys (k may be Infinity: all of them), keeping at most about 2k at a time. */
class TopK {
	private buffer: Array<{rec: Rec; keys: Value[]}> = [];
	private threshold: Value[] | undefined;

	constructor(
		private readonly keys: SortKey[],
		private readonly k: number,
	) {}

	consume(rec: Rec): void {
		const keys = this.keys.map(key => key.fn(rec));
		if (this.threshold && compareKeys(this.keys, keys, this.threshold) >= 0) return;
		this.buffer.push({rec: rec instanceof EventRec ? rec.snapshot() : rec, keys});
		if (this.buffer.length >= Math.max(2 * this.k, 1024)) this.prune();
	}

	private prune(): void {
		this.buffer.sort((a, b) => compareKeys(this.keys, a.keys, b.keys));
		if (this.buffer.length > this.k) this.buffer.length = this.k;
		this.threshold = this.buffer.length === this.k ? this.buffer[this.k - 1].keys : undefined;
	}

	finish(): Rec[] {
		this.prune();
		return this.buffer.map(entry => entry.rec);
	}
}

interface Sink {
	consume(rec: Rec): void;
	finish(): Rec[];
}

const NEWEST_FIRST: SortKey[] = [{fn: rec => rec.get('@timestamp'), descending: true}];

function sortKeys(command: Command & {kind: 'sort'}): SortKey[] {
	return command.keys.map(key => ({fn: compile(key.expr), descending: key.descending}));
}

/** The output columns after every command: fields add theirs, display chooses, stats replaces them. */
function outputColumns(commands: Command[]): string[] {
	let columns: string[] | undefined;
	for (const command of commands) {
		if (command.kind === 'fields') {
			columns ??= [];
			for (const item of command.items) if (!columns.includes(item.name)) columns.push(item.name);
		} else if (command.kind === 'display') {
			columns = [...new Set(command.names)];
		} else if (command.kind === 'stats') {
			columns = [...command.by.map(item => item.name), ...command.aggregates.map(item => item.name)];
		}
	}
	return columns ?? ['@timestamp', '@message'];
}

/** Applies the commands after the collecting one to the rows collected. */
function applyRest(rows: Rec[], commands: Command[]): Rec[] {
	for (const command of commands) {
		switch (command.kind) {
			case 'fields':
			case 'filter': {
				const stage = streamStage(command);
				rows = rows.filter(stage);
				break;
			}
			case 'stats': {
				const sink = new StatsSink(command.aggregates, command.by);
				for (const row of rows) sink.consume(row);
				rows = sink.finish();
				break;
			}
			case 'sort': {
				const keys = sortKeys(command);
				const keyed = rows.map(rec => ({rec, keys: keys.map(key => key.fn(rec))}));
				keyed.sort((a, b) => compareKeys(keys, a.keys, b.keys));
				rows = keyed.map(entry => entry.rec);
				break;
			}
			case 'limit':
				rows = rows.slice(0, command.count);
				break;
			default:
				break;
		}
	}
	return rows;
}

/** Largest index whose event is at or before (timestamp, seq); -1 when none. */
function lastAtOrBefore(events: StoredEvent[], timestamp: number, seq: number): number {
	let lo = 0;
	let hi = events.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		const e = events[mid];
		if (e.timestamp < timestamp || (e.timestamp === timestamp && e.seq <= seq)) lo = mid + 1;
		else hi = mid;
	}
	return lo - 1;
}

export interface RunSettings {
	query: ParsedQuery;
	sources: ScanSource[];
	/** Epoch ms, inclusive both ends. */
	startMs: number;
	endMs: number;
	/** Events with a higher ingestion sequence arrived after the query started. */
	maxSeq: number;
	accountId: string;
	/** StartQuery's limit: the rows returned when the query has no limit command (default 10,000). */
	limit?: number;
}

export class QueryRun {
	readonly statistics: QueryStatistics = {recordsScanned: 0, recordsMatched: 0, bytesScanned: 0};
	private readonly stages: Stage[] = [];
	private readonly sink: Sink;
	private readonly rest: Command[];
	private readonly columns: string[];
	private readonly cap: number;
	private readonly rec: EventRec;
	private sourceIndex = 0;
	/** The key of the next event to scan in the current source, when a slice stopped inside it. */
	private resumeAt: [number, number] | undefined;

	constructor(private readonly settings: RunSettings) {
		const commands = settings.query.commands;
		this.rec = new EventRec(settings.accountId);
		this.columns = outputColumns(commands);
		const queryLimit = commands.find(c => c.kind === 'limit');
		this.cap = queryLimit ? MAX_LIMIT : (settings.limit ?? MAX_LIMIT);
		let i = 0;
		while (i < commands.length && (commands[i].kind === 'fields' || commands[i].kind === 'filter' || commands[i].kind === 'display')) {
			this.stages.push(streamStage(commands[i]));
			i++;
		}
		const first = commands[i];
		if (first?.kind === 'stats') {
			this.sink = new StatsSink(first.aggregates, first.by);
			this.rest = commands.slice(i + 1);
		} else if (first?.kind === 'sort') {
			const next = commands[i + 1];
			const onlyLimitAfter = next?.kind === 'limit' && commands.length === i + 2;
			const k = onlyLimitAfter ? next.count : commands.length === i + 1 ? this.cap : Infinity;
			this.sink = new TopK(sortKeys(first), k);
			this.rest = commands.slice(i + 1);
		} else if (first?.kind === 'limit') {
			// Without a sort, the newest events come first.
			this.sink = new TopK(NEWEST_FIRST, first.count);
			this.rest = commands.slice(i + 1);
		} else {
			this.sink = new TopK(NEWEST_FIRST, this.cap);
			this.rest = [];
		}
	}

	/** Scans for about budgetMs, and at most maxRecords events; true once every event has been scanned. */
	step(budgetMs: number, maxRecords = Infinity): boolean {
		const {sources, startMs, endMs, maxSeq} = this.settings;
		const deadline = performance.now() + budgetMs;
		const stats = this.statistics;
		const stages = this.stages;
		const rec = this.rec;
		let allowance = maxRecords;
		let sinceCheck = 0;
		while (this.sourceIndex < sources.length) {
			const {group, stream} = sources[this.sourceIndex];
			const events = stream.events;
			let i = this.resumeAt ? lastAtOrBefore(events, this.resumeAt[0], this.resumeAt[1]) : lastAtOrBefore(events, endMs, Number.MAX_SAFE_INTEGER);
			this.resumeAt = undefined;
			for (; i >= 0; i--) {
				const event = events[i];
				if (event.timestamp < startMs) break;
				if (event.seq > maxSeq) continue;
				let pause = allowance <= 0;
				if (!pause && ++sinceCheck >= 256) {
					sinceCheck = 0;
					pause = performance.now() > deadline;
				}
				if (pause) {
					this.resumeAt = [event.timestamp, event.seq];
					return false;
				}
				allowance--;
				stats.recordsScanned++;
				stats.bytesScanned += Buffer.byteLength(event.message, 'utf8');
				rec.reset(event, stream, group);
				let kept = true;
				for (let s = 0; s < stages.length; s++) {
					if (!stages[s](rec)) {
						kept = false;
						break;
					}
				}
				if (!kept) continue;
				stats.recordsMatched++;
				this.sink.consume(rec);
			}
			this.sourceIndex++;
		}
		return true;
	}

	/** The rows of the finished scan as GetQueryResults answers them (event rows end with @ptr). */
	results(): ResultField[][] {
		const rows = applyRest(this.sink.finish(), this.rest).slice(0, this.cap);
		return rows.map(row => {
			const fields: ResultField[] = [];
			for (const column of this.columns) {
				const value = formatValue(row.get(column));
				if (value !== undefined) fields.push({field: column, value});
			}
			if (row instanceof EventRec && !this.columns.includes('@ptr')) fields.push({field: '@ptr', value: row.pointer()});
			return fields;
		});
	}
}
