// Validates a request body against the generated API model, before any handler runs.
// sms-voice answers ValidationException {Reason, Fields}; logs answers InvalidParameterException.
import {ApiError} from '../types.js';
import {logsModel, modelOf, type ServiceFlavor, type ServiceModel, type ShapeDef} from './serviceModel.js';

export interface FieldProblem {
	/** Dotted member path, list items by index: `Filters.0.Name`. */
	path: string;
	/** The constraint that failed, e.g. "Member must not be null". */
	constraint: string;
	/** Display form of the offending value ("null" when missing). */
	shown: string;
	missing: boolean;
}

const MAX_PROBLEMS = 20;
const compiledPatterns = new Map<string, RegExp | null>();

/**
 * The models' patterns are Java regexes meant to match the whole value. Most are valid JavaScript;
 * `\p{…}` needs the `u` flag, while some identity escapes are only valid without it. A pattern that
 * compiles neither way is skipped (null) rather than rejecting input.
 */
export function compilePattern(pattern: string): RegExp | null {
	if (compiledPatterns.has(pattern)) return compiledPatterns.get(pattern)!;
	let compiled: RegExp | null = null;
	for (const flags of ['u', '']) {
		try {
			compiled = new RegExp(`^(?:${pattern})$`, flags);
			break;
		} catch {
			// try the next flag set
		}
	}
	compiledPatterns.set(pattern, compiled);
	return compiled;
}

function show(value: unknown): string {
	if (value === undefined || value === null) return 'null';
	let text: string;
	if (typeof value === 'string') text = value;
	else {
		try {
			text = JSON.stringify(value) ?? String(value);
		} catch {
			text = String(value);
		}
	}
	return `'${text.length > 64 ? text.slice(0, 61) + '...' : text}'`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `input`: a request (unknown members ignored, as AWS does); `output`: an answer, where every member must be
 * modeled and none is null (the services leave out what they do not send). */
export type CheckMode = 'input' | 'output';

class Checker {
	readonly problems: FieldProblem[] = [];
	constructor(
		private readonly model: ServiceModel,
		private readonly mode: CheckMode = 'input',
	) {}

	private add(path: string, value: unknown, constraint: string, missing = false): void {
		if (this.problems.length < MAX_PROBLEMS) this.problems.push({path, constraint, shown: show(value), missing});
	}

	check(shapeName: string, value: unknown, path: string, depth: number): void {
		const shape = this.model.shapes[shapeName];
		if (!shape || depth > 64 || this.problems.length >= MAX_PROBLEMS) return;
		switch (shape.type) {
			case 'structure':
				return this.checkStructure(shape, value, path, depth);
			case 'list':
				return this.checkList(shape, value, path, depth);
			case 'map':
				return this.checkMap(shape, value, path, depth);
			case 'string':
				return this.checkString(shape, value, path);
			case 'integer':
			case 'long':
				if (typeof value !== 'number' || !Number.isSafeInteger(value)) return this.add(path, value, 'Member must be an integer');
				return this.checkRange(shape, value, path);
			case 'double':
			case 'float':
				if (typeof value !== 'number' || !Number.isFinite(value)) return this.add(path, value, 'Member must be a number');
				return this.checkRange(shape, value, path);
			case 'boolean':
				if (typeof value !== 'boolean') this.add(path, value, 'Member must be a boolean');
				return;
			case 'timestamp':
				if (typeof value !== 'number' || !Number.isFinite(value)) this.add(path, value, 'Member must be a timestamp in epoch seconds');
				return;
			case 'blob':
				if (typeof value !== 'string') return this.add(path, value, 'Member must be a base64-encoded string');
				return this.checkLength(shape, Buffer.from(value, 'base64').length, value, path);
			default:
				return;
		}
	}

	private checkStructure(shape: ShapeDef, value: unknown, path: string, depth: number): void {
		if (!isPlainObject(value)) return this.add(path, value, 'Member must be a structure');
		for (const name of shape.required ?? []) {
			if (value[name] === undefined || value[name] === null) this.add(join(path, name), undefined, 'Member must not be null', true);
		}
		if (this.mode === 'output') {
			for (const [name, member] of Object.entries(value)) {
				if (!Object.hasOwn(shape.members ?? {}, name)) this.add(join(path, name), member, 'Member is not in the model');
				else if (member === null) this.add(join(path, name), member, 'Member must be left out rather than null');
			}
		}
		let setMembers = 0;
		for (const [name, ref] of Object.entries(shape.members ?? {})) {
			const member = value[name];
			if (member === undefined || member === null) continue;
			setMembers++;
			this.check(ref.shape, member, join(path, name), depth + 1);
		}
		if (shape.union && setMembers !== 1) this.add(path || 'input', value, 'Exactly one member of the union must be set');
	}

	private checkList(shape: ShapeDef, value: unknown, path: string, depth: number): void {
		if (!Array.isArray(value)) return this.add(path, value, 'Member must be a list');
		this.checkLength(shape, value.length, value, path);
		value.forEach((item, index) => {
			if (item === null || item === undefined) this.add(join(path, String(index)), item, 'Member must not be null', true);
			else this.check(shape.member!, item, join(path, String(index)), depth + 1);
		});
	}

	private checkMap(shape: ShapeDef, value: unknown, path: string, depth: number): void {
		if (!isPlainObject(value)) return this.add(path, value, 'Member must be a map');
		const entries = Object.entries(value);
		this.checkLength(shape, entries.length, value, path);
		for (const [key, item] of entries) {
			this.check(shape.key!, key, join(path, key), depth + 1);
			if (item === null || item === undefined) this.add(join(path, key), item, 'Member must not be null', true);
			else this.check(shape.value!, item, join(path, key), depth + 1);
		}
	}

	private checkString(shape: ShapeDef, value: unknown, path: string): void {
		if (typeof value !== 'string') return this.add(path, value, 'Member must be a string');
		if (shape.enum && !shape.enum.includes(value)) {
			return this.add(path, value, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
		}
		const before = this.problems.length;
		this.checkLength(shape, [...value].length, value, path);
		// One problem per field: a value of the wrong length is not also reported against the pattern.
		if (shape.pattern !== undefined && this.problems.length === before) {
			const regex = compilePattern(shape.pattern);
			if (regex && !regex.test(value)) this.add(path, value, `Member must satisfy regular expression pattern: ${shape.pattern}`);
		}
	}

	private checkLength(shape: ShapeDef, length: number, value: unknown, path: string): void {
		if (shape.min !== undefined && length < shape.min) this.add(path, value, `Member must have length greater than or equal to ${shape.min}`);
		if (shape.max !== undefined && length > shape.max) this.add(path, value, `Member must have length less than or equal to ${shape.max}`);
	}

	private checkRange(shape: ShapeDef, value: number, path: string): void {
		if (shape.min !== undefined && value < shape.min) this.add(path, value, `Member must have value greater than or equal to ${shape.min}`);
		if (shape.max !== undefined && value > shape.max) this.add(path, value, `Member must have value less than or equal to ${shape.max}`);
	}
}

function join(path: string, name: string): string {
	return path ? `${path}.${name}` : name;
}

/** All constraint violations of `input` for `operation` (empty when valid or when the operation is unknown). */
export function findProblems(model: ServiceModel, operation: string, input: unknown): FieldProblem[] {
	const op = model.operations[operation];
	if (!op?.input) return [];
	const checker = new Checker(model);
	checker.check(op.input, input ?? {}, '', 0);
	return checker.problems;
}

export function describeProblems(problems: FieldProblem[]): string {
	const count = problems.length;
	const parts = problems.map(p => `Value ${p.shown} at '${p.path}' failed to satisfy constraint: ${p.constraint}`);
	return `${count} validation error${count === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}

/**
 * The error a service answers for these problems. CloudWatch Logs answers InvalidParameterException where the
 * operation models it, else the common ValidationException (ListTagsLogGroup, UntagLogGroup). CloudWatch answers
 * the framework's ValidationException, which awsQuery clients know as ValidationError (cloudwatch/errors.ts).
 * Pinpoint answers BadRequestException (400); the REST-JSON front adds its RequestID.
 */
export function validationError(flavor: ServiceFlavor, problems: FieldProblem[], operation: string): ApiError {
	const message = describeProblems(problems);
	if (flavor === 'logs') {
		const errors = logsModel.operations[operation]?.errors;
		return new ApiError(errors && !errors.includes('InvalidParameterException') ? 'ValidationException' : 'InvalidParameterException', message);
	}
	if (flavor === 'cloudwatch') return new ApiError('ValidationException', message);
	if (flavor === 'pinpoint') return new ApiError('BadRequestException', message);
	const reason = problems.every(p => p.missing) ? 'MISSING_PARAMETER' : 'FIELD_VALIDATION_FAILED';
	return new ApiError('ValidationException', message, {
		Reason: reason,
		Fields: problems.map(p => ({Name: p.path, Message: `Value ${p.shown} failed to satisfy constraint: ${p.constraint}`})),
	});
}

/** All problems of an answer `value` of shape `shapeName`: constraints as for input, plus unknown and null members. */
export function findOutputProblems(model: ServiceModel, shapeName: string, value: unknown): FieldProblem[] {
	const checker = new Checker(model, 'output');
	checker.check(shapeName, value, '', 0);
	return checker.problems;
}

/** Throws the service's validation error when `input` does not satisfy the model for `operation`. */
export function validate(input: unknown, operation: string, flavor: ServiceFlavor): void {
	const model = modelOf(flavor);
	const problems = findProblems(model, operation, input);
	if (problems.length > 0) throw validationError(flavor, problems, operation);
}
