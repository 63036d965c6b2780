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

/** Throws MalformedAnswerError when `output` does not fit `schema` (the operation's output schema). */
export function checkAnswer(operation: string, schema: Schema, output: unknown): void {
	const problem = firstProblem(NormalizedSchema.of(schema), output, '', 0);
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

function firstProblem(ns: NormalizedSchema, value: unknown, path: string, depth: number): Problem | undefined {
	if (value === undefined) return undefined;
	if (depth > MAX_DEPTH) return undefined;
	// Event streams (StartLiveTail) arrive later, message by message; the tail engine reads them defensively.
	if (ns.isStreaming()) return undefined;
	const wrong = (expected: string): Problem => ({path, text: `is ${describe(value)}, not ${expected}`});
	if (ns.isDocumentSchema()) return undefined;
	if (ns.isStructSchema() || ns.isUnionSchema()) {
		if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return wrong(`an object (${ns.getName() ?? 'structure'})`);
		const record = value as Record<string, unknown>;
		for (const [name, member] of ns.structIterator()) {
			const problem = firstProblem(member, record[name], path ? `${path}.${name}` : name, depth + 1);
			if (problem) return problem;
		}
		return undefined;
	}
	if (ns.isListSchema()) {
		if (!Array.isArray(value)) return wrong('a list');
		const item = ns.getValueSchema();
		const sparse = Boolean((ns.getMergedTraits() as {sparse?: unknown}).sparse);
		for (let i = 0; i < value.length; i++) {
			const at = `${path}[${i}]`;
			if (value[i] === null || value[i] === undefined) {
				if (sparse) continue;
				return {path: at, text: `is ${value[i] === null ? 'null' : 'missing'}`};
			}
			const problem = firstProblem(item, value[i], at, depth + 1);
			if (problem) return problem;
		}
		return undefined;
	}
	if (ns.isMapSchema()) {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return wrong('a map');
		const item = ns.getValueSchema();
		const sparse = Boolean((ns.getMergedTraits() as {sparse?: unknown}).sparse);
		for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
			const at = `${path}.${key.slice(0, 40)}`;
			if (entry === null) {
				if (sparse) continue;
				return {path: at, text: 'is null'};
			}
			const problem = firstProblem(item, entry, at, depth + 1);
			if (problem) return problem;
		}
		return undefined;
	}
	if (value === null) return undefined; // a scalar member sent as null: absent, as the SDK reads it
	if (ns.isTimestampSchema()) return value instanceof Date && Number.isFinite(value.getTime()) ? undefined : wrong('a time');
	if (ns.isBlobSchema()) return value instanceof Uint8Array || typeof value === 'string' ? undefined : wrong('bytes');
	if (ns.isBooleanSchema()) return typeof value === 'boolean' ? undefined : wrong('true or false');
	if (ns.isBigIntegerSchema()) return typeof value === 'bigint' ? undefined : wrong('a number');
	if (ns.isBigDecimalSchema()) return undefined;
	if (ns.isNumericSchema()) return typeof value === 'number' ? undefined : wrong('a number');
	// A string with a JSON media type comes back as a String object (the SDK's LazyJsonString).
	if (ns.isStringSchema()) return typeof value === 'string' || value instanceof String ? undefined : wrong('text');
	return undefined;
}
