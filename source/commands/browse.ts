// What every read-only listing subcommand shares: the connection, and turning a service error into one line on
// stderr with exit code 1.
import {describeServiceError} from '../services/errors.js';
import type {Clients} from '../services/clients.js';
import {connect} from './connect.js';
import {writeMessage} from './printTable.js';
import {UsageError, type CommandIO, type GlobalOptions} from './types.js';

/** Connects, runs `body`, always closes; a failure from the service is one line on stderr and exit 1. */
export async function withClients(
	globals: GlobalOptions,
	io: CommandIO,
	body: (clients: Clients) => Promise<void>,
	uses: readonly ('logs' | 'sts' | 'cloudwatch')[] = [],
): Promise<number> {
	const connected = await connect(globals, io, uses);
	try {
		await body(connected.clients);
		return 0;
	} catch (error) {
		return reportFailure(error, io);
	} finally {
		await connected.close();
	}
}

/** A service failure is one line on stderr and exit 1; bad input goes on up as a UsageError (exit 2). */
export function reportFailure(error: unknown, io: CommandIO): number {
	if (error instanceof UsageError) throw error;
	writeMessage(io.stderr, describeServiceError(error).message);
	// A change a read-only connection refused was never sent: like any refusal before a call, exit 2.
	return (error as Error | undefined)?.name === 'ReadOnlyError' ? 2 : 1;
}

/** yes/no for plain tables. */
export const yn = (b: boolean | undefined) => (b ? 'yes' : 'no');

/** ISO time for plain tables; empty when missing. */
export const iso = (d: Date | undefined) => (d ? new Date(d).toISOString().replace('.000Z', 'Z') : '');
