// Checks every answer against the operation's own schema (the one the SDK deserialized it with) before anyone
// reads it: a null inside a list, a string where a list belongs, a number where a name belongs. The SDK passes
// such values through as they came; our views and tables would then trip over them. A malformed answer becomes
// one MalformedAnswerError naming the first bad place, which the caller shows like any other failed call.
//
// Members the model marks required but the answer lacks are let through (they show as blanks): services do leave
// them out now and then, and Smithy's own guidance is that clients tolerate it.
import {NormalizedSchema} from '@smithy/core/schema';

export class MalformedAnswerError extends Error {
	constructor(
		readonly operation: string,
		/** Where in the answer, e.g. "PhoneNumbers[3]". */
		readonly path: string,
		problem: string,
	) {
		super(`the endpoint's answer does not fit the service's model: ${path} ${problem}`);
		this.name = 'MalformedAnswerError';
	}
}

/** How deep the check goes; the answers smithy deserializes are far shallower. */
const MAX_DEPTH = 32;

type Schema = Parameters<typeof NormalizedSchema.of>[0];

/** What a place in an answer must hold, compiled once per schema (answers come by the hundred). */
interface Shape {
	kind: 'object' | 'list' | 'map' | 'time' | 'bytes' | 'boolean' | 'bigint' | 'number' | 'text' | 'any';
	/** For objects: the name the message uses. */
	name?: string;
	members?: [string, Shape][];
	item?: Shape;
	/** Lists and maps that may hold nulls (none in these services, but the model can say so). */
	sparse?: boolean;
}

const ANY: Shape = {kind: 'any'};
const compiled = new Map<unknown, Shape>();

function compile(ns: NormalizedSchema): Shape {
	// Event streams (StartLiveTail) arrive later, message by message; the tail engine reads them defensively.
	if (ns.isStreaming() || ns.isDocumentSchema() || ns.isBigDecimalSchema()) return ANY;
	const key = ns.getSchema();
	const known = compiled.get(key);
	if (known) return known;
	const shape: Shape = {kind: 'any'};
	// Stored before its parts: a structure may contain itself.
	compiled.set(key, shape);
	const sparse = Boolean((ns.getMergedTraits() as {sparse?: unknown}).sparse);
	if (ns.isStructSchema() || ns.isUnionSchema()) {
		Object.assign(shape, {kind: 'object', name: ns.getName() ?? 'structure', members: [...ns.structIterator()].map(([name, member]) => [name, compile(member)])});
	} else if (ns.isListSchema()) Object.assign(shape, {kind: 'list', item: compile(ns.getValueSchema()), sparse});
	else if (ns.isMapSchema()) Object.assign(shape, {kind: 'map', item: compile(ns.getValueSchema()), sparse});
	else if (ns.isTimestampSchema()) shape.kind = 'time';
	else if (ns.isBlobSchema()) shape.kind = 'bytes';
	else if (ns.isBooleanSchema()) shape.kind = 'boolean';
	else if (ns.isBigIntegerSchema()) shape.kind = 'bigint';
	else if (ns.isNumericSchema()) shape.kind = 'number';
	else if (ns.isStringSchema()) shape.kind = 'text';
	return shape;
}

/** Throws MalformedAnswerError when `output` does not fit `schema` (the operation's output schema). */
export function checkAnswer(operation: string, schema: Schema, output: unknown): void {
	const problem = firstProblem(compile(NormalizedSchema.of(schema)), output, '', 0);
	if (problem) throw new MalformedAnswerError(operation, problem.path || 'the answer', problem.text);
}

interface Problem {
	path: string;
	text: string;
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (value instanceof Date) return 'an invalid date';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

const EXPECTED: Record<Exclude<Shape['kind'], 'any' | 'object'>, string> = {
	list: 'a list',
	map: 'a map',
	time: 'a time',
	bytes: 'bytes',
	boolean: 'true or false',
	bigint: 'a number',
	number: 'a number',
	text: 'text',
};

function fits(shape: Shape, value: unknown): boolean {
	switch (shape.kind) {
		case 'any':
			return true;
		case 'object':
		case 'map':
			return isRecord(value);
		case 'list':
			return Array.isArray(value);
		case 'time':
			return value instanceof Date && Number.isFinite(value.getTime());
		case 'bytes':
			return value instanceof Uint8Array || typeof value === 'string';
		case 'boolean':
			return typeof value === 'boolean';
		case 'bigint':
			return typeof value === 'bigint';
		case 'number':
			return typeof value === 'number';
		case 'text':
			// A string with a JSON media type comes back as a String object (the SDK's LazyJsonString).
			return typeof value === 'string' || value instanceof String;
	}
}

function firstProblem(shape: Shape, value: unknown, path: string, depth: number): Problem | undefined {
	if (value === undefined || shape.kind === 'any' || depth > MAX_DEPTH) return undefined;
	// A scalar member sent as null is absent, as the SDK reads it; a structure, list or map is not.
	if (value === null && shape.kind !== 'object' && shape.kind !== 'list' && shape.kind !== 'map') return undefined;
	if (!fits(shape, value)) {
		const expected = shape.kind === 'object' ? `an object (${shape.name})` : EXPECTED[shape.kind];
		return {path, text: `is ${describe(value)}, not ${expected}`};
	}
	if (shape.kind === 'object') {
		const record = value as Record<string, unknown>;
		for (const [name, member] of shape.members!) {
			const problem = firstProblem(member, record[name], path ? `${path}.${name}` : name, depth + 1);
			if (problem) return problem;
		}
	} else if (shape.kind === 'list' || shape.kind === 'map') {
		const entries: [string, unknown][] = shape.kind === 'list' ? (value as unknown[]).map((item, i) => [`${path}[${i}]`, item]) : Object.entries(value as object).map(([key, item]) => [`${path}.${key.slice(0, 40)}`, item]);
		for (const [at, item] of entries) {
			if (item === null || item === undefined) {
				if (shape.sparse) continue;
				return {path: at, text: `is ${item === null ? 'null' : 'missing'}`};
			}
			const problem = firstProblem(shape.item!, item, at, depth + 1);
			if (problem) return problem;
		}
	}
	return undefined;
}
