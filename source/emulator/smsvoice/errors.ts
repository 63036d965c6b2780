// The service's modeled errors, thrown as ApiError for the HTTP front to answer.
import {ApiError} from '../types.js';

export function notFound(resourceType: string, resourceId: string, message?: string): ApiError {
	return new ApiError('ResourceNotFoundException', message ?? `The ${resourceType} ${resourceId} does not exist.`, {
		ResourceType: resourceType,
		ResourceId: resourceId,
	});
}

export function conflict(reason: string, resourceType: string, resourceId: string, message: string): ApiError {
	return new ApiError('ConflictException', message, {Reason: reason, ResourceType: resourceType, ResourceId: resourceId});
}

export function validation(reason: string, message: string, field?: string): ApiError {
	const members: Record<string, unknown> = {Reason: reason};
	if (field) members.Fields = [{Name: field, Message: message}];
	return new ApiError('ValidationException', message, members);
}

export function quota(reason: string, message: string): ApiError {
	return new ApiError('ServiceQuotaExceededException', message, {Reason: reason});
}
