// Model conformance of the emulator's answers: a 200 body against the operation's output shape, an error
// against the operation's modeled errors (or the errors every AWS JSON API may answer), its members against the
// error shape and its HTTP status against the awsJson convention (the models carry no httpError: 400 for client
// errors, 5xx for faults). Used by test/unit/emulator-conformance.test.ts; see smsvoice/README.md.
import {findOutputProblems, describeProblems} from './validate.js';
import type {ServiceFlavor, ServiceModel} from './serviceModel.js';

/** What came back over HTTP: the status, the headers (lower-case names) and the body text. */
export interface WireAnswer {
	status: number;
	headers: Record<string, string | undefined>;
	body: string;
}

/**
 * Errors any operation of an AWS JSON service may answer, modeled on it or not: the AWS common errors (API
 * reference, "Common Errors"), the awsJson protocol's own (unknown operation, body that does not parse) and, for
 * CloudWatch Logs, the service's validation error on the few operations whose list leaves it out.
 */
export const COMMON_ERRORS: Record<ServiceFlavor, readonly string[]> = {
	'sms-voice': [
		'AccessDeniedException',
		'InternalServerException',
		'ThrottlingException',
		'ValidationException',
		'UnrecognizedClientException',
		'UnknownOperationException',
		'SerializationException',
	],
	logs: [
		'AccessDeniedException',
		'ServiceUnavailableException',
		'ThrottlingException',
		'ValidationException',
		'UnrecognizedClientException',
		'UnknownOperationException',
		'SerializationException',
	],
};

/**
 * Members the documentation describes as telling what went wrong ("The reason for the exception", "The type of
 * resource that caused the exception", …): the model leaves them optional, the service always sends them.
 */
const EXPECTED_ERROR_MEMBERS: Record<ServiceFlavor, Record<string, readonly string[]>> = {
	'sms-voice': {
		ValidationException: ['Reason'],
		ConflictException: ['Reason', 'ResourceType', 'ResourceId'],
		ResourceNotFoundException: ['ResourceType', 'ResourceId'],
		ServiceQuotaExceededException: ['Reason'],
		InternalServerException: ['RequestId'],
	},
	logs: {
		TooManyTagsException: ['resourceName'],
	},
};

/** The body member that carries an error's text: sms-voice `Message`, CloudWatch Logs `message`. */
export function messageMember(flavor: ServiceFlavor): 'Message' | 'message' {
	return flavor === 'logs' ? 'message' : 'Message';
}

/** The error code of an awsJson error body, as the SDKs read it: `ns#Code:uri` → `Code`. */
export function errorCode(type: string): string {
	const noUri = type.split(':')[0];
	return noUri.slice(noUri.lastIndexOf('#') + 1);
}

function parseBody(text: string): {value?: Record<string, unknown>; problem?: string} {
	if (text === '') return {value: {}};
	try {
		const value: unknown = JSON.parse(text);
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return {problem: 'the body is not a JSON object'};
		return {value: value as Record<string, unknown>};
	} catch {
		return {problem: 'the body is not JSON'};
	}
}

function headerProblems(model: ServiceModel, answer: WireAnswer): string[] {
	const problems: string[] = [];
	const wanted = `application/x-amz-json-${model.service.jsonVersion}`;
	if (answer.headers['content-type'] !== wanted) problems.push(`Content-Type is ${answer.headers['content-type'] ?? '(none)'}, not ${wanted}`);
	if (!answer.headers['x-amzn-requestid']) problems.push('no x-amzn-RequestId header');
	return problems;
}

function shapeProblems(model: ServiceModel, shape: string, value: unknown, what: string): string[] {
	const problems = findOutputProblems(model, shape, value);
	return problems.length === 0 ? [] : [`${what} (${shape}): ${describeProblems(problems)}`];
}

/** Problems of a successful answer of `operation` (empty when it conforms). */
export function successProblems(model: ServiceModel, operation: string, answer: WireAnswer): string[] {
	const op = model.operations[operation];
	if (!op) return [`${operation} is not an operation of the model`];
	const problems = headerProblems(model, answer);
	if (answer.status !== 200) problems.push(`HTTP status ${answer.status}, not 200`);
	const {value, problem} = parseBody(answer.body);
	if (problem) return [...problems, problem];
	if (op.output) problems.push(...shapeProblems(model, op.output, value, 'output'));
	else if (Object.keys(value!).length > 0) problems.push(`the operation has no output, yet the body has ${Object.keys(value!).join(', ')}`);
	return problems;
}

/** The status an error must be answered with: 5xx for a fault (server error), 400 for every client error. */
function statusProblem(model: ServiceModel, code: string, status: number): string | undefined {
	const fault = model.shapes[code]?.fault === true || code === 'InternalServerException' || code === 'ServiceUnavailableException';
	if (fault) return status >= 500 && status <= 504 ? undefined : `HTTP status ${status} for the server error ${code}, not 5xx`;
	// A body too large to read is answered 413 before the operation is known.
	if (code === 'SerializationException' && status === 413) return undefined;
	return status === 400 ? undefined : `HTTP status ${status} for the client error ${code}, not 400`;
}

/** Problems of an error answer of `operation` (empty when it conforms); `code` is what the body named. */
export function errorProblems(model: ServiceModel, flavor: ServiceFlavor, operation: string, answer: WireAnswer): {code?: string; problems: string[]} {
	const op = model.operations[operation];
	const problems = headerProblems(model, answer);
	const {value, problem} = parseBody(answer.body);
	if (problem) return {problems: [...problems, problem]};
	const body = value!;
	if (typeof body.__type !== 'string' || body.__type === '') return {problems: [...problems, 'the error body has no __type']};
	const code = errorCode(body.__type);
	const modeled = op?.errors.includes(code) ?? false;
	if (!modeled && !COMMON_ERRORS[flavor].includes(code)) {
		problems.push(`${code} is neither an error of ${operation} (${op?.errors.join(', ') ?? 'unknown operation'}) nor a common error`);
	}
	const headerType = answer.headers['x-amzn-errortype'];
	if (headerType !== undefined && errorCode(headerType) !== code) problems.push(`x-amzn-ErrorType ${headerType} names another error than __type ${code}`);
	const status = statusProblem(model, code, answer.status);
	if (status) problems.push(status);
	const text = messageMember(flavor);
	const {__type: _type, ...members} = body;
	if (typeof members[text] !== 'string' || members[text] === '') problems.push(`the error has no ${text}`);
	const shape = model.shapes[code];
	if (shape?.exception) {
		// The message member is part of every error, modeled (sms-voice) or not (most Logs errors).
		const modeledMembers = {...members};
		if (!Object.hasOwn(shape.members ?? {}, text)) delete modeledMembers[text];
		problems.push(...shapeProblems(model, code, modeledMembers, 'error'));
	} else {
		const extra = Object.keys(members).filter(name => name !== text);
		if (extra.length > 0) problems.push(`the unmodeled error ${code} carries members ${extra.join(', ')}`);
	}
	for (const name of EXPECTED_ERROR_MEMBERS[flavor][code] ?? []) {
		if (members[name] === undefined) problems.push(`${code} without ${name}`);
	}
	return {code, problems};
}
