// Injected service errors (admin action failNext): the next call(s) of an operation, optionally in one Region,
// answer a modeled error with the Message and members the test chose — by default text that attacks terminals
// (smsvoice/hostile.ts), as a hostile endpoint would send it. Nothing is stored: a restart forgets them.
import {ApiError, type Handler, type RequestContext} from './types.js';
import {HOSTILE_ALL, HOSTILE_ONE_LINE} from './smsvoice/hostile.js';

interface Fault {
	operation?: string;
	region?: string;
	code: string;
	message: string;
	members: Record<string, unknown>;
	status: number;
	remaining: number;
}

const invalid = (message: string) => new ApiError('ValidationException', message);

export class InjectedFaults {
	private faults: Fault[] = [];

	/**
	 * failNext {operation?, region?, count? (1), code? (ValidationException), message? (the hostile payloads),
	 * members? (a hostile Reason and Fields), status? (400)}; {clear: true} forgets every queued fault.
	 */
	failNext(body: Record<string, unknown>): {queued: number} {
		if (body.clear === true) {
			this.faults = [];
			return {queued: 0};
		}
		const text = (key: string) => {
			const value = body[key];
			if (value !== undefined && typeof value !== 'string') throw invalid(`${key} must be a string`);
			return value as string | undefined;
		};
		const count = body.count ?? 1;
		if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw invalid('count must be a whole number ≥ 1');
		const status = body.status ?? 400;
		if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) throw invalid('status must be 400–599');
		// The code travels in the x-amzn-ErrorType header too: a plain name.
		const code = text('code') ?? 'ValidationException';
		if (!/^[A-Za-z][A-Za-z0-9]*$/.test(code)) throw invalid('code must be an error name such as AccessDeniedException');
		if (body.members !== undefined && (typeof body.members !== 'object' || body.members === null || Array.isArray(body.members))) throw invalid('members must be an object');
		this.faults.push({
			operation: text('operation'),
			region: text('region'),
			code,
			message: text('message') ?? HOSTILE_ALL,
			members: (body.members as Record<string, unknown> | undefined) ?? {Reason: HOSTILE_ONE_LINE, Fields: [{Name: HOSTILE_ONE_LINE, Message: HOSTILE_ALL}]},
			status,
			remaining: count,
		});
		return {queued: this.faults.reduce((n, f) => n + f.remaining, 0)};
	}

	/** The handlers, each answering a queued fault that matches its call instead of running. */
	wrap(handlers: Record<string, Handler>): Record<string, Handler> {
		return Object.fromEntries(
			Object.entries(handlers).map(([operation, handler]) => [
				operation,
				(input: unknown, ctx: RequestContext) => {
					this.throwIfQueued(operation, ctx.region);
					return handler(input, ctx);
				},
			]),
		);
	}

	private throwIfQueued(operation: string, region: string): void {
		const fault = this.faults.find(f => (f.operation === undefined || f.operation === operation) && (f.region === undefined || f.region === region));
		if (!fault) return;
		if (--fault.remaining === 0) this.faults = this.faults.filter(f => f !== fault);
		throw new ApiError(fault.code, fault.message, fault.members, fault.status);
	}
}
