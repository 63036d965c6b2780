// Bounds on clients that are slow or never finish: how long a request head and a whole request may take to
// arrive, and how many connections may be open at once. Past that number, the connection that has waited
// longest without a request in progress (a slow head or body, or an idle keep-alive one) is closed to make
// room, so thousands of slow clients cannot use up the process's file descriptors and lock everyone else out.
// Connections with an answer in progress (a live tail, a handler at work) are never closed for room.
import {readdirSync, readFileSync} from 'node:fs';
import type {IncomingMessage, Server, ServerResponse} from 'node:http';
import type {Socket} from 'node:net';

export interface ConnectionLimits {
	/** A new connection must deliver a complete request head within this (ms). */
	headersTimeoutMs: number;
	/** A request, head and body, must have arrived within this (ms) of its start. Answers are not bounded. */
	requestTimeoutMs: number;
	/** At most this many open connections (default: what the descriptor limit allows, with some to spare). */
	maxConnections: number;
}

export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** File descriptors kept free for everything else: state and CA file writes, stdio, the event loop's own. */
const SPARE_DESCRIPTORS = 64;

/** The open-file limit of this process (Linux /proc); undefined where it cannot be read or is unlimited. */
export function openFileLimit(): number | undefined {
	try {
		const match = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
		return match ? Number(match[1]) : undefined;
	} catch {
		return undefined;
	}
}

function openDescriptors(): number {
	for (const dir of ['/proc/self/fd', '/dev/fd']) {
		try {
			return readdirSync(dir).length;
		} catch {
			// try the next
		}
	}
	return 0;
}

/** As many connections as the descriptor limit leaves room for; unbounded where the limit is unknown. */
export function defaultMaxConnections(): number {
	const limit = openFileLimit();
	return limit === undefined ? Number.POSITIVE_INFINITY : Math.max(16, limit - openDescriptors() - SPARE_DESCRIPTORS);
}

export function resolveLimits(limits: Partial<ConnectionLimits> = {}): ConnectionLimits {
	const headersTimeoutMs = limits.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
	return {
		headersTimeoutMs,
		requestTimeoutMs: Math.max(headersTimeoutMs, limits.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
		maxConnections: limits.maxConnections ?? defaultMaxConnections(),
	};
}

interface Connection {
	/** As accepted (for --tls, the TCP socket under the TLS one). */
	socket: Socket;
	/** No request head has arrived on it yet. */
	fresh: boolean;
	/** Requests whose head has arrived and whose answer has not finished. */
	active: number;
	/** Of those, requests whose body is still arriving. */
	receiving: number;
	headTimer?: NodeJS.Timeout;
}

const REQUEST_TIMEOUT_ANSWER = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

/** `remoteAddress|remotePort`: the same for a TLS socket and the TCP socket under it. */
function addressKey(socket: Socket): string | undefined {
	return socket.remoteAddress === undefined ? undefined : `${socket.remoteAddress}|${socket.remotePort}`;
}

export class ConnectionGuard {
	private readonly connections = new Map<string, Connection>();
	/** Connections that may be closed for room (nothing being answered), longest waiting first. */
	private readonly idle = new Set<Connection>();

	constructor(
		server: Server,
		private readonly limits: ConnectionLimits,
		private readonly tls: boolean,
	) {
		// Node's own checks: a head arriving slowly once started, a body that never ends.
		server.headersTimeout = limits.headersTimeoutMs;
		server.requestTimeout = limits.requestTimeoutMs;
		server.on('connection', (socket: Socket) => this.accept(socket));
	}

	/** How often Node checks its header and request deadlines. */
	static checkingInterval(limits: ConnectionLimits): number {
		return Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4)));
	}

	private accept(socket: Socket): void {
		const key = addressKey(socket);
		if (key === undefined) return;
		const connection: Connection = {socket, fresh: true, active: 0, receiving: 0};
		this.connections.set(key, connection);
		this.idle.add(connection);
		// Node does not time out a connection that sends nothing, or only part of a request line.
		connection.headTimer = setTimeout(() => {
			if (connection.fresh) this.cut(connection, true);
		}, this.limits.headersTimeoutMs);
		connection.headTimer.unref();
		socket.once('close', () => {
			clearTimeout(connection.headTimer);
			if (this.connections.get(key) === connection) this.connections.delete(key);
			this.idle.delete(connection);
		});
		if (this.connections.size > this.limits.maxConnections) this.makeRoom(connection);
	}

	/** Closes the connection that has waited longest with nothing being answered; else the newcomer. */
	private makeRoom(newcomer: Connection): void {
		for (const connection of this.idle) {
			if (connection === newcomer) continue;
			this.cut(connection, false);
			return;
		}
		newcomer.socket.destroy();
	}

	/**
	 * Closes a connection; with `answer`, a plain-HTTP one that never sent a whole head first hears 408 as from
	 * Node's own timeouts. One closed for room is just closed: a client about to reuse it retries elsewhere.
	 */
	private cut(connection: Connection, answer: boolean): void {
		clearTimeout(connection.headTimer);
		this.idle.delete(connection);
		const {socket} = connection;
		if (answer && !this.tls && socket.writable) socket.end(REQUEST_TIMEOUT_ANSWER, () => socket.destroy());
		else socket.destroy();
	}

	/** A request head has arrived; call the returned bodyArrived() once its body has. */
	track(req: IncomingMessage, res: ServerResponse): {bodyArrived(): void} {
		const key = addressKey(req.socket);
		const connection = key === undefined ? undefined : this.connections.get(key);
		if (!connection) return {bodyArrived() {}};
		connection.fresh = false;
		clearTimeout(connection.headTimer);
		connection.active++;
		connection.receiving++;
		this.touch(connection);
		let receiving = true;
		const bodyArrived = () => {
			if (!receiving) return;
			receiving = false;
			connection.receiving--;
			this.touch(connection);
		};
		res.once('close', () => {
			bodyArrived();
			connection.active--;
			this.touch(connection);
		});
		return {bodyArrived};
	}

	/** Re-files a connection after a change: at the back of the idle line if nothing is being answered on it. */
	private touch(connection: Connection): void {
		this.idle.delete(connection);
		if (connection.active === connection.receiving && !connection.socket.destroyed) this.idle.add(connection);
	}
}
