// Pinpoint's errors, as the service words them (REST-JSON: the status comes from the model's error shape).
import {ApiError} from '../types.js';

export function badRequest(message: string): ApiError {
	return new ApiError('BadRequestException', message, {}, 400);
}

/** What Pinpoint answers for an application, channel or endpoint that does not exist. */
export function notFound(what: string): ApiError {
	return new ApiError('NotFoundException', `Resource not found: ${what}`, {}, 404);
}
