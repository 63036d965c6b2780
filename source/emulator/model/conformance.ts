// Model conformance of the emulator's answers: a 200 body against the operation's output shape, an error
// against the operation's modeled errors (or the errors every AWS JSON API may answer), its members against the
// error shape and its HTTP status against the awsJson convention (the models carry no httpError: 400 for client
// errors, 5xx for faults). REST-JSON (Pinpoint): the success status is the operation's responseCode and the body
// its payload member's shape; an error is named by x-amzn-ErrorType and answered with its shape's
// httpStatusCode. Used by test/unit/emulator-conformance.test.ts; see smsvoice/README.md.
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
	// awsQuery-compatible: the old query service's parameter errors may come from any operation.
	cloudwatch: [
		'AccessDeniedException',
		'InternalServiceFault',
		'InvalidParameterValueException',
		'InvalidParameterCombinationException',
		'MissingRequiredParameterException',
		'ThrottlingException',
		'ValidationException',
		'UnrecognizedClientException',
		'UnknownOperationException',
		'SerializationException',
	],
	// Every Pinpoint operation models the same seven errors; the gateway in front refuses bad signatures.
	pinpoint: ['UnrecognizedClientException', 'AccessDeniedException'],
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
	cloudwatch: {},
	pinpoint: Object.fromEntries(
		['BadRequestException', 'ForbiddenException', 'InternalServerErrorException', 'MethodNotAllowedException', 'NotFoundException', 'PayloadTooLargeException', 'TooManyRequestsException'].map(
			code => [code, ['RequestID']],
		),
	),
};

/** The body member that carries an error's text: sms-voice `Message`, CloudWatch Logs and CloudWatch `message`. */
export function messageMember(flavor: ServiceFlavor): 'Message' | 'message' {
	return flavor === 'sms-voice' || flavor === 'pinpoint' ? 'Message' : 'message';
}

function isRestJson(model: ServiceModel): boolean {
	return model.service.protocol === 'rest-json';
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
	const wanted = isRestJson(model) ? 'application/json' : `application/x-amz-json-${model.service.jsonVersion}`;
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
	const status = op.http?.responseCode ?? 200;
	if (answer.status !== status) problems.push(`HTTP status ${answer.status}, not ${status}`);
	const {value, problem} = parseBody(answer.body);
	if (problem) return [...problems, problem];
	// REST-JSON: the body is the payload member (every Pinpoint output has one).
	const payload = op.output ? model.shapes[op.output]?.payload : undefined;
	const bodyShape = payload && op.output ? model.shapes[op.output].members![payload].shape : op.output;
	if (bodyShape) problems.push(...shapeProblems(model, bodyShape, value, 'output'));
	else if (Object.keys(value!).length > 0) problems.push(`the operation has no output, yet the body has ${Object.keys(value!).join(', ')}`);
	return problems;
}

/** The status an error must be answered with: 5xx for a fault (server error), 400 for every client error. */
function statusProblem(model: ServiceModel, code: string, status: number): string | undefined {
	if (isRestJson(model)) {
		const wanted = model.shapes[code]?.error?.httpStatusCode;
		if (wanted !== undefined) return status === wanted ? undefined : `HTTP status ${status} for ${code}, not its modeled ${wanted}`;
		return status >= 400 && status <= 599 ? undefined : `HTTP status ${status} for the error ${code}`;
	}
	const fault = model.shapes[code]?.fault === true || (model.shapes[code]?.error?.httpStatusCode ?? 0) >= 500 || code === 'InternalServerException' || code === 'ServiceUnavailableException';
	if (fault) return status >= 500 && status <= 504 ? undefined : `HTTP status ${status} for the server error ${code}, not 5xx`;
	// A body too large to read is answered 413 before the operation is known.
	if (code === 'SerializationException' && status === 413) return undefined;
	return status === 400 ? undefined : `HTTP status ${status} for the client error ${code}, not 400`;
}

/**
 * CloudWatch is awsQuery-compatible: every error carries `x-amzn-query-error: Code;Sender|Receiver`, the code
 * being the error shape's query code where the model gives one.
 */
function queryErrorProblems(model: ServiceModel, code: string, answer: WireAnswer): string[] {
	const header = answer.headers['x-amzn-query-error'];
	const match = header === undefined ? null : /^([A-Za-z.]+);(Sender|Receiver)$/.exec(header);
	if (!match) return [`x-amzn-query-error is ${header ?? '(none)'}, not Code;Sender|Receiver`];
	const wanted = model.shapes[code]?.error?.code;
	if (wanted !== undefined && match[1] !== wanted) return [`x-amzn-query-error names ${match[1]}, the model's query code for ${code} is ${wanted}`];
	if ((match[2] === 'Receiver') !== answer.status >= 500) return [`x-amzn-query-error says ${match[2]} for HTTP status ${answer.status}`];
	return [];
}

/** Problems of an error answer of `operation` (empty when it conforms); `code` is what the body named. */
export function errorProblems(model: ServiceModel, flavor: ServiceFlavor, operation: string, answer: WireAnswer): {code?: string; problems: string[]} {
	const op = model.operations[operation];
	const problems = headerProblems(model, answer);
	const {value, problem} = parseBody(answer.body);
	if (problem) return {problems: [...problems, problem]};
	const body = value!;
	// REST-JSON names the error in x-amzn-ErrorType; the body carries only the error's members.
	const named = isRestJson(model) ? answer.headers['x-amzn-errortype'] : body.__type;
	if (typeof named !== 'string' || named === '') return {problems: [...problems, isRestJson(model) ? 'the error has no x-amzn-ErrorType' : 'the error body has no __type']};
	const code = errorCode(named);
	const modeled = op?.errors.includes(code) ?? false;
	if (!modeled && !COMMON_ERRORS[flavor].includes(code)) {
		problems.push(`${code} is neither an error of ${operation} (${op?.errors.join(', ') ?? 'unknown operation'}) nor a common error`);
	}
	const headerType = answer.headers['x-amzn-errortype'];
	if (headerType !== undefined && errorCode(headerType) !== code) problems.push(`x-amzn-ErrorType ${headerType} names another error than __type ${code}`);
	if (flavor === 'cloudwatch') problems.push(...queryErrorProblems(model, code, answer));
	const status = statusProblem(model, code, answer.status);
	if (status) problems.push(status);
	// CloudWatch's InternalServiceFault models `Message` where its other errors have `message`.
	const text = model.shapes[code]?.members?.Message ? 'Message' : messageMember(flavor);
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
