// CloudWatch is awsQuery-compatible: over awsJson its errors carry, beside `__type`, an `x-amzn-query-error:
// Code;Sender|Receiver` header with the code the old query protocol used, which the SDK v3 and botocore read as
// the error's code (InvalidParameterValueException → InvalidParameterValue). Codes come from the model.
import {cloudwatchModel} from '../model/serviceModel.js';
import {ApiError} from '../types.js';

/** Query codes of errors the model does not carry (framework and common errors). */
const UNMODELED_QUERY_CODES: Readonly<Record<string, string>> = {
	ValidationException: 'ValidationError',
	ThrottlingException: 'Throttling',
	UnknownOperationException: 'InvalidAction',
	SerializationException: 'MalformedInput',
	UnrecognizedClientException: 'InvalidClientTokenId',
	AccessDeniedException: 'AccessDenied',
};

/** The x-amzn-query-error header value for an error answered with `code` (a shape name) and `status`. */
export function queryErrorHeader(code: string, status: number): string {
	const queryCode = cloudwatchModel.shapes[code]?.error?.code ?? UNMODELED_QUERY_CODES[code] ?? code;
	return `${queryCode};${status >= 500 ? 'Receiver' : 'Sender'}`;
}

export function invalidParameter(message: string): ApiError {
	return new ApiError('InvalidParameterValueException', message);
}

export function invalidCombination(message: string): ApiError {
	return new ApiError('InvalidParameterCombinationException', message);
}

export function missingParameter(message: string): ApiError {
	return new ApiError('MissingRequiredParameterException', message);
}

export function invalidNextToken(): ApiError {
	return new ApiError('InvalidNextToken', 'The NextToken is not valid for this request.');
}

/** The answer to an unexpected failure: CloudWatch's modeled fault (its message member is `Message`). */
export function internalServiceFault(): ApiError {
	return new ApiError('InternalServiceFault', 'An internal error occurred in the smsdeck emulator.', {}, 500);
}
