// The emulator's HTTP front: one node:http (or, for --tls, node:https) server that routes awsJson requests on
// X-Amz-Target to the emulated services, validates them against the model first, hands REST-JSON requests
// (Pinpoint: method + path) to restJson/front.ts, answers STS's awsQuery, logs who called what, and serves the
// /_smsdeck admin routes.
import http, {type IncomingMessage, type ServerResponse} from 'node:http';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import {internalServiceFault, queryErrorHeader} from './cloudwatch/errors.js';
import {ConnectionGuard, resolveLimits, type ConnectionLimits} from './connections.js';
import {modelForPrefix, restModelFor, type ServiceFlavor, type ServiceModel} from './model/serviceModel.js';
import {validate} from './model/validate.js';
import {StateSaveError} from './persistence.js';
import {
	contentTypeFor,
	internalError,
	newRequestId,
	regionFromAuthorization,
	sendError,
	sendJson,
	type JsonVersion,
	type MessageMember,
} from './protocol.js';
import {parseJsonObject, readBody, withoutNullMembers} from './requestBody.js';
import {RequestLog, targetOperation} from './requestLog.js';
import {RestFront, type RestService} from './restJson/front.js';
import {answerSso, ssoOperation} from './sso.js';
import {answerStsQuery, isQueryRequest} from './sts.js';
import {RequestThrottle} from './throttle.js';
import {ApiError, type EmulatedService, type EmulatorWorld, type RequestContext, type StreamingResult} from './types.js';

const ADMIN_PREFIX = '/_smsdeck/';

/** --state: what a request changed (or saw) must be on disk before it is answered. */
export interface StateCommitter {
	/** Called before a request runs; the ticket goes to commit(). */
	begin(): number;
	/** Settles once the state the request left is on disk; rejects with StateSaveError when it cannot be. */
	commit(ticket: number): Promise<void>;
}

export interface ServerOptions {
	/** Makes --state durable before each answer (a failed write is refused with a service error). */
	state?: StateCommitter;
	/** Bounds on slow clients and the number of connections (see connections.ts). */
	limits?: Partial<ConnectionLimits>;
	/** Reports unexpected handler failures (default: one line on stderr). */
	onInternalError?: (error: unknown, operation: string) => void;
	/** Serve HTTPS with this certificate and key (PEM) instead of HTTP. */
	tls?: {cert: string; key: string};
}

export interface EmulatorServer {
	readonly http: http.Server | https.Server;
	readonly throttle: RequestThrottle;
	readonly requestLog: RequestLog;
	listen(port: number, host: string): Promise<number>;
	close(): Promise<void>;
}

interface Route {
	service: EmulatedService | undefined;
	model: ServiceModel;
	flavor: ServiceFlavor;
}

function messageMemberFor(flavor: ServiceFlavor, code: string): MessageMember {
	if (flavor === 'sms-voice') return 'Message';
	// CloudWatch's one error with a capitalised member.
	return flavor === 'cloudwatch' && code === 'InternalServiceFault' ? 'Message' : 'message';
}

/** Guess which service a request that cannot be routed meant, so its error has the right shape. */
function flavorFromContentType(contentType: string | undefined): {flavor: ServiceFlavor; version: JsonVersion} {
	return contentType?.includes('x-amz-json-1.1') ? {flavor: 'logs', version: '1.1'} : {flavor: 'sms-voice', version: '1.0'};
}

function isStreamingResult(value: unknown): value is StreamingResult {
	return typeof value === 'object' && value !== null && (value as {kind?: unknown}).kind === 'stream' && typeof (value as {start?: unknown}).start === 'function';
}

/**
 * The answer to a request whose changes could not be saved: the operation's modeled server-side failure
 * (sms-voice InternalServerException; logs ServiceUnavailableException), retryable like the real ones.
 */
function stateNotSaved(error: StateSaveError, flavor: ServiceFlavor, errors: readonly string[], requestId: string): ApiError {
	const message = `The request was not carried out: the emulator cannot save its state to ${error.path}: ${error.reason}.`;
	if (flavor === 'cloudwatch') return new ApiError('InternalServiceFault', message, {}, 500);
	const preferred = flavor === 'logs' ? ['ServiceUnavailableException', 'InternalServerException'] : ['InternalServerException', 'ServiceUnavailableException'];
	const code = preferred.find(name => errors.includes(name)) ?? preferred[0];
	return new ApiError(code, message, flavor === 'sms-voice' ? {RequestId: requestId} : {}, 500);
}

export function createServer(services: EmulatedService[], world: EmulatorWorld, options: ServerOptions = {}): EmulatorServer {
	const throttle = new RequestThrottle(() => world.clock.now(), () => world.options.throttle);
	const requestLog = new RequestLog(() => world.clock.now());
	const byPrefix = new Map(services.map(s => [s.targetPrefix, s]));
	const disabledRegions = new Set<string>();
	const serverAdmin: Record<string, (body: any) => unknown> = {
		throttleNext(body: {count?: unknown; operation?: unknown}) {
			const count = body.count === undefined ? 1 : body.count;
			if (typeof count !== 'number') throw new ApiError('ValidationException', 'count must be a number');
			if (body.operation !== undefined && typeof body.operation !== 'string') throw new ApiError('ValidationException', 'operation must be a string');
			throttle.throttleNext(count, body.operation as string | undefined);
			return {ok: true};
		},
		/** An opt-in Region the account has not enabled answers every call as AWS does: the token is not recognized. */
		setRegionEnabled(body: {region?: unknown; enabled?: unknown}) {
			if (typeof body.region !== 'string' || typeof body.enabled !== 'boolean') throw new ApiError('ValidationException', 'region (string) and enabled (boolean) are required');
			if (body.enabled) disabledRegions.delete(body.region);
			else disabledRegions.add(body.region);
			return {ok: true, disabled: [...disabledRegions]};
		},
		requests: () => ({requests: requestLog.list()}),
		clearRequests() {
			requestLog.clear();
			return {ok: true};
		},
	};
	const onInternalError =
		options.onInternalError ??
		((error: unknown, operation: string) => {
			process.stderr.write(`smsdeck emulator: ${operation} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		});

	function route(target: string): {route: Route; operation: string} | undefined {
		const dot = target.indexOf('.');
		if (dot <= 0) return undefined;
		const prefix = target.slice(0, dot);
		const found = modelForPrefix(prefix);
		if (!found) return undefined;
		return {route: {service: byPrefix.get(prefix), model: found.model, flavor: found.flavor}, operation: target.slice(dot + 1)};
	}

	async function handleApi(req: IncomingMessage, res: ServerResponse, body: Buffer | 'too-large'): Promise<void> {
		const requestId = newRequestId();
		const target = req.headers['x-amz-target'];
		const requestType = req.headers['content-type'];
		const guessed = flavorFromContentType(requestType);
		const found = typeof target === 'string' ? route(target) : undefined;
		const flavor = found?.route.flavor ?? guessed.flavor;
		const version = (found?.route.model.service.jsonVersion as JsonVersion | undefined) ?? guessed.version;
		const contentType = contentTypeFor(version);
		const operation = found?.operation ?? String(target ?? '');
		try {
			if (req.method !== 'POST') throw new ApiError('UnknownOperationException', `${req.method} is not supported; awsJson requests are POST /.`);
			if (typeof target !== 'string' || target === '') throw new ApiError('UnknownOperationException', 'Missing X-Amz-Target header.');
			if (!found) throw new ApiError('UnknownOperationException', `Unknown target ${target}.`);
			const {route: r} = found;
			if (!Object.hasOwn(r.model.operations, found.operation)) {
				throw new ApiError('UnknownOperationException', `Unknown operation ${found.operation}.`);
			}
			const handler = r.service && Object.hasOwn(r.service.handlers, found.operation) ? r.service.handlers[found.operation] : undefined;
			if (!handler) {
				throw new ApiError('UnknownOperationException', `Operation ${found.operation} is not implemented by the smsdeck emulator.`);
			}
			if (requestType !== undefined && !/^application\/(x-amz-json-1\.[01]|json)\s*(;.*)?$/i.test(requestType)) {
				throw new ApiError('SerializationException', `Content-Type ${requestType} is not supported; use ${contentType}.`);
			}
			if (body === 'too-large') throw new ApiError('SerializationException', 'The request body is too large.', {}, 413);
			const input = withoutNullMembers(parseJsonObject(body));
			const ctx: RequestContext = {region: regionFromAuthorization(req.headers.authorization), accountId: world.accountId, requestId};
			if (disabledRegions.has(ctx.region)) throw new ApiError('UnrecognizedClientException', 'The security token included in the request is invalid.');
			throttle.admit(r.model.service.targetPrefix, ctx.region, found.operation);
			validate(input, found.operation, flavor);
			const ticket = options.state?.begin() ?? 0;
			const output = await handler(input, ctx);
			if (isStreamingResult(output)) {
				output.start(res);
				return;
			}
			await options.state?.commit(ticket);
			sendJson(res, 200, output ?? {}, contentType, requestId);
		} catch (error) {
			let apiError: ApiError;
			if (error instanceof ApiError) apiError = error;
			else if (error instanceof StateSaveError) apiError = stateNotSaved(error, flavor, found?.route.model.operations[found.operation]?.errors ?? [], requestId);
			else {
				onInternalError(error, operation);
				apiError = flavor === 'cloudwatch' ? internalServiceFault() : internalError(requestId);
				if (flavor === 'logs') apiError = new ApiError(apiError.code, apiError.message, {}, 500);
			}
			const queryCompatible: Record<string, string> = flavor === 'cloudwatch' ? {'x-amzn-query-error': queryErrorHeader(apiError.code, apiError.status)} : {};
			sendError(res, apiError, messageMemberFor(flavor, apiError.code), contentType, requestId, queryCompatible);
		}
	}

	async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string, body: Buffer | 'too-large'): Promise<void> {
		const requestId = newRequestId();
		const action = decodeURIComponent(path.slice(ADMIN_PREFIX.length));
		const json = 'application/json';
		try {
			if (action === 'health' && (req.method === 'GET' || req.method === 'POST')) {
				sendJson(res, 200, {ok: true}, json, requestId);
				return;
			}
			if (req.method !== 'POST') throw new ApiError('NotFound', `No admin route ${req.method} ${path}.`, {}, 404);
			const fn = Object.hasOwn(serverAdmin, action)
				? serverAdmin[action]
				: services.find(s => Object.hasOwn(s.admin, action))?.admin[action];
			if (!fn) throw new ApiError('NotFound', `Unknown admin action ${action}.`, {}, 404);
			if (body === 'too-large') throw new ApiError('SerializationException', 'The request body is too large.', {}, 413);
			const input = parseJsonObject(body);
			const ticket = options.state?.begin() ?? 0;
			const output = await fn(input);
			await options.state?.commit(ticket);
			sendJson(res, 200, output ?? {ok: true}, json, requestId);
		} catch (error) {
			let apiError: ApiError;
			if (error instanceof ApiError) apiError = error;
			else if (error instanceof StateSaveError) apiError = new ApiError('StateNotSaved', `Not carried out: ${error.message}.`, {}, 500);
			else {
				onInternalError(error, `admin ${action}`);
				apiError = internalError(requestId);
			}
			sendError(res, apiError, 'message', json, requestId);
		}
	}

	const restServices: RestService[] = services.flatMap(service => {
		const rest = restModelFor(service.targetPrefix);
		return rest ? [{service, ...rest}] : [];
	});
	const rest = new RestFront(restServices, {
		world,
		throttle,
		requestLog,
		disabledRegions,
		state: options.state,
		onInternalError: (error, operation) => onInternalError(error, operation),
	});

	const onRequest = (req: IncomingMessage, res: ServerResponse) => {
		const path = (req.url ?? '/').split('?')[0];
		const tracked = guard.track(req, res);
		readBody(req)
			.then(body => {
				tracked.bodyArrived();
				if (path.startsWith(ADMIN_PREFIX)) return handleAdmin(req, res, path, body);
				if (body !== 'too-large' && isQueryRequest(req.headers['content-type'], req.headers['x-amz-target'], body)) {
					const params = new URLSearchParams(body.toString('utf8'));
					requestLog.record(req.headers, params.get('Action'));
					return answerStsQuery(res, params, world, newRequestId());
				}
				const sso = ssoOperation(req.method, path);
				if (sso && body !== 'too-large') {
					requestLog.record(req.headers, sso);
					return answerSso(sso, req, res, body, newRequestId());
				}
				if (rest.claims(req, path)) return rest.handle(req, res, path, body);
				requestLog.record(req.headers, targetOperation(req.headers['x-amz-target']));
				return handleApi(req, res, body);
			})
			.catch(error => {
				// Only reachable when the request stream itself fails (client gone): nothing left to answer.
				if (!res.headersSent && !res.destroyed) sendError(res, internalError('-'), 'Message', 'application/json', '-');
				void error;
			});
	};
	const limits = resolveLimits(options.limits);
	// requestTimeout bounds the arrival of a request only; answers (live tail, for hours) are not cut.
	const serverOptions = {keepAlive: true, connectionsCheckingInterval: ConnectionGuard.checkingInterval(limits)};
	const server = options.tls
		? https.createServer({...serverOptions, cert: options.tls.cert, key: options.tls.key, handshakeTimeout: limits.headersTimeoutMs}, onRequest)
		: http.createServer(serverOptions, onRequest);
	server.keepAliveTimeout = 65_000;
	const guard = new ConnectionGuard(server, limits, options.tls !== undefined);
	server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
		if (!socket.writable) return socket.destroy();
		const status =
			error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
		socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
	});

	return {
		http: server,
		throttle,
		requestLog,
		listen(port, host) {
			return new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, host, () => {
					server.off('error', reject);
					resolve((server.address() as AddressInfo).port);
				});
			});
		},
		close() {
			return new Promise(resolve => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}
