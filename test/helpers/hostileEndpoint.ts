// Endpoints that misbehave, for fault tests: one that accepts connections and never answers, one that answers
// every request the same (an HTML 502 page, garbage), and a proxy in front of the emulator that rewrites chosen
// answers (a null in a list). Small stand-ins of their own; the emulator itself is left as it is.
import http from 'node:http';
import net from 'node:net';
import type {AddressInfo} from 'node:net';

export interface Endpoint {
	url: string;
	/** Requests (or, for the silent one, connections) received so far. */
	readonly hits: number;
	close(): Promise<void>;
}

function listening(server: net.Server, sockets: Set<net.Socket>, count: () => number): Promise<Endpoint> {
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const {port} = server.address() as AddressInfo;
			resolve({
				url: `http://127.0.0.1:${port}`,
				get hits() {
					return count();
				},
				close: () =>
					new Promise<void>(done => {
						for (const socket of sockets) socket.destroy();
						server.close(() => done());
					}),
			});
		});
	});
}

/** Accepts every connection, reads what comes, and never says a word. */
export function silentEndpoint(): Promise<Endpoint & {readonly operations: string[]}> {
	let connections = 0;
	const operations: string[] = [];
	const sockets = new Set<net.Socket>();
	const server = net.createServer(socket => {
		connections++;
		socket.on('error', () => {});
		// The operation each request names (X-Amz-Target: Service.Operation), so a test can tell which calls arrived.
		let head = '';
		socket.on('data', chunk => {
			if (head.includes('\r\n\r\n')) return;
			head += chunk.toString('latin1');
			const target = /\r\nx-amz-target: *[\w.]*?\.?(\w+)\r\n/i.exec(head);
			if (target && head.includes('\r\n\r\n')) operations.push(target[1]);
		});
	});
	return listening(server, sockets, () => connections).then(endpoint => Object.assign(endpoint, {operations}));
}

export interface FixedAnswer {
	status: number;
	contentType?: string;
	body: string | Buffer;
}

/** Answers every request with the same status, type and body. */
export function fixedAnswerEndpoint(answer: FixedAnswer): Promise<Endpoint> {
	let requests = 0;
	const sockets = new Set<net.Socket>();
	const server = http.createServer((req, res) => {
		requests++;
		req.resume();
		req.on('end', () => {
			res.writeHead(answer.status, answer.contentType ? {'content-type': answer.contentType} : {});
			res.end(answer.body);
		});
	});
	return listening(server, sockets, () => requests);
}

/** The operation of an AWS JSON request ("DescribePhoneNumbers"), from its X-Amz-Target header. */
function operationOf(req: http.IncomingMessage): string {
	const target = String(req.headers['x-amz-target'] ?? '');
	return target.slice(target.lastIndexOf('.') + 1);
}

/**
 * Forwards everything to `target` (the emulator) and hands the JSON answers of the operations in `rewrite` to
 * it before they go back: what it returns is sent instead.
 */
export function rewritingProxy(target: string, rewrite: Record<string, (answer: Record<string, unknown>) => unknown>): Promise<Endpoint> {
	let requests = 0;
	const sockets = new Set<net.Socket>();
	const upstream = new URL(target);
	const server = http.createServer((req, res) => {
		requests++;
		const operation = operationOf(req);
		const forward = http.request(
			{host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers},
			answer => {
				const change = rewrite[operation];
				if (!change || (answer.statusCode ?? 500) >= 300) {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
					return;
				}
				const chunks: Buffer[] = [];
				answer.on('data', chunk => chunks.push(chunk));
				answer.on('end', () => {
					const body = JSON.stringify(change(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
					const headers = {...answer.headers, 'content-length': String(Buffer.byteLength(body))};
					delete headers['transfer-encoding'];
					res.writeHead(answer.statusCode ?? 200, headers);
					res.end(body);
				});
			},
		);
		forward.on('error', () => res.destroy());
		req.pipe(forward);
	});
	return listening(server, sockets, () => requests);
}
