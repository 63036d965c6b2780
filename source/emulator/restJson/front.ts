// The REST-JSON front of the emulator (Pinpoint): requests without X-Amz-Target whose path is one of a REST
// service's are routed on method + path (routes.ts), bound to the operation's input (bind.ts), validated against
// the model, handed to the service's handler, and answered as REST-JSON (answer.ts).
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {ServiceFlavor, ServiceModel} from '../model/serviceModel.js';
import {validate} from '../model/validate.js';
import {StateSaveError} from '../persistence.js';
import {newRequestId, regionFromAuthorization} from '../protocol.js';
import type {RequestLog} from '../requestLog.js';
import type {RequestThrottle} from '../throttle.js';
import {ApiError, type EmulatedService, type EmulatorWorld, type RequestContext} from '../types.js';
import {outputToWire, sendRestError, sendRestOutput} from './answer.js';
import {bindInput} from './bind.js';
import {RestRoutes, type RouteMatch} from './routes.js';

export interface RestService {
	service: EmulatedService;
	model: ServiceModel;
	flavor: ServiceFlavor;
}

export interface RestFrontDeps {
	world: EmulatorWorld;
	throttle: RequestThrottle;
	requestLog: RequestLog;
	disabledRegions: ReadonlySet<string>;
	state?: {begin(): number; commit(ticket: number): Promise<void>};
	onInternalError: (error: unknown, operation: string) => void;
}

interface Mounted extends RestService {
	routes: RestRoutes;
	/** The first path segment of every requestUri (`v1`): a path under it is this service's, known or not. */
	roots: Set<string>;
}

function firstSegment(path: string): string {
	return path.split('/').find(part => part !== '') ?? '';
}

/** What the service answers instead of the front's generic failures. */
function asServiceError(error: unknown, requestId: string, onInternalError: () => void): ApiError {
	if (error instanceof ApiError) {
		if (error.code === 'ThrottlingException') return new ApiError('TooManyRequestsException', 'Too many requests', {}, 429);
		return error;
	}
	if (error instanceof StateSaveError) {
		return new ApiError('InternalServerErrorException', `The request was not carried out: the emulator cannot save its state to ${error.path}: ${error.reason}.`, {}, 500);
	}
	onInternalError();
	return new ApiError('InternalServerErrorException', `An internal error occurred in the smsdeck emulator (request ${requestId}).`, {}, 500);
}

export class RestFront {
	private readonly mounted: Mounted[];

	constructor(
		services: RestService[],
		private readonly deps: RestFrontDeps,
	) {
		this.mounted = services.map(s => ({
			...s,
			routes: new RestRoutes(s.model),
			roots: new Set(Object.values(s.model.operations).map(op => firstSegment(op.http?.requestUri ?? ''))),
		}));
	}

	/** The REST service whose paths `path` is under (a request with X-Amz-Target is never REST). */
	private owner(req: IncomingMessage, path: string): Mounted | undefined {
		if (req.headers['x-amz-target'] !== undefined) return undefined;
		const root = firstSegment(path);
		return this.mounted.find(m => m.roots.has(root));
	}

	/** The request's route, logged — a path that cannot be read too, without an operation, before it is refused. */
	private route(mounted: Mounted, req: IncomingMessage, method: string, path: string): RouteMatch {
		let found: RouteMatch | undefined;
		try {
			found = mounted.routes.match(method, path);
			return found;
		} finally {
			this.deps.requestLog.record(req.headers, found?.kind === 'operation' ? found.operation : null);
		}
	}

	claims(req: IncomingMessage, path: string): boolean {
		return this.owner(req, path) !== undefined;
	}

	async handle(req: IncomingMessage, res: ServerResponse, path: string, body: Buffer | 'too-large'): Promise<void> {
		const mounted = this.owner(req, path)!;
		const {model, flavor, service} = mounted;
		const requestId = newRequestId();
		const method = req.method ?? 'GET';
		let operation = `${method} ${path}`;
		try {
			const found = this.route(mounted, req, method, path);
			if (found.kind === 'operation') operation = found.operation;
			if (found.kind === 'method-not-allowed') {
				throw new ApiError('MethodNotAllowedException', `${method} is not allowed on ${path}; use ${[...new Set(found.allowed)].join(' or ')}.`);
			}
			if (found.kind === 'none') throw new ApiError('NotFoundException', `No resource at ${path.slice(0, 200)}.`);
			const handler = Object.hasOwn(service.handlers, found.operation) ? service.handlers[found.operation] : undefined;
			if (!handler) throw new ApiError('NotFoundException', `Operation ${found.operation} is not implemented by the smsdeck emulator.`);
			if (body === 'too-large') throw new ApiError('PayloadTooLargeException', 'The request body is too large.');
			const ctx: RequestContext = {region: regionFromAuthorization(req.headers.authorization), accountId: this.deps.world.accountId, requestId};
			if (this.deps.disabledRegions.has(ctx.region)) {
				throw new ApiError('UnrecognizedClientException', 'The security token included in the request is invalid.', {}, 403);
			}
			const query = new URL(req.url ?? '/', 'http://emulator').searchParams;
			const input = bindInput(model, found.operation, {labels: found.labels, query, headers: req.headers, body});
			this.deps.throttle.admit(service.targetPrefix, ctx.region, found.operation);
			validate(input, found.operation, flavor);
			const ticket = this.deps.state?.begin() ?? 0;
			const output = await handler(input, ctx);
			await this.deps.state?.commit(ticket);
			sendRestOutput(res, outputToWire(model, found.operation, output), requestId);
		} catch (error) {
			sendRestError(res, model, asServiceError(error, requestId, () => this.deps.onInternalError(error, operation)), requestId);
		}
	}
}
