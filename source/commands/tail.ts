// smsdeck tail <config-set> | --log-group NAME [--since 10m] [--follow] [--filter PATTERN] [--destination NAME]
// [--json]: one line per event (time, type, status, destination, message id … or the raw line), JSON lines with
// --json (the parsed event plus the raw record) for jq. Exits 0 on SIGPIPE and when ctrl-c/SIGTERM stop a working
// follow; a read that got no valid answer ends it with 1 (or the signal's 130/143) and one line saying why.
// Log content is anyone's text: a plain line shows each field made safe (one event is one line, whatever its
// fields hold), a JSON line keeps the original strings, escaped by safeJson.
import {parseSince} from '../domain/duration.js';
import {parseEventRecord, type ParsedEvent} from '../domain/eventRecord.js';
import {eventJsonLine} from '../domain/tailModel.js';
import {safeJson, safeText} from '../domain/sanitize.js';
import {formatPrice} from '../domain/format.js';
import {chooseDestination} from '../services/tailTarget.js';
import {lookupConfigurationSet} from '../services/identityResolver.js';
import {startTail} from '../services/tailEngine.js';
import type {TailEvent, TailHealth, TailSource} from '../services/tailTypes.js';
import {connect} from './connect.js';
import {reportFailure} from './browse.js';
import {writeMessage} from './printTable.js';
import {UsageError, type CommandAction, type CommandInput} from './types.js';
import {commandRunner} from './commandTree.js';
import {setBudget, signalExitCode} from './lifetime.js';
import {answerCount, callsInFlight} from '../services/inFlight.js';

const TAIL_OPERATIONS = ['StartLiveTail', 'FilterLogEvents'];

/** After --timeout, a follow that does not manage to stop by itself within this long is ended anyway. */
const FOLLOW_STOP_GRACE_MS = 5000;

interface TailArgs {
	configSet?: string;
	logGroup?: string;
	since: string;
	follow: boolean;
	filter?: string;
	destination?: string;
}

/** The options as the command tree gave them; what depends on more than one of them is checked here. */
function tailArgs({args, options}: CommandInput): TailArgs {
	const out: TailArgs = {
		configSet: args[0],
		logGroup: options.logGroup as string | undefined,
		since: (options.since as string | undefined) ?? '10m',
		follow: options.follow === true,
		filter: options.filter as string | undefined,
		destination: options.destination as string | undefined,
	};
	if (!out.configSet && !out.logGroup) throw new UsageError('tail: name a configuration set, or a log group with --log-group');
	if (out.configSet && out.logGroup) throw new UsageError('tail: give a configuration set or --log-group, not both');
	if (out.destination && !out.configSet) throw new UsageError('tail: --destination goes with a configuration set');
	return out;
}

function iso(ms: number | undefined): string {
	return ms === undefined || !Number.isFinite(ms) ? '' : new Date(ms).toISOString();
}

/** One plain line: time, type, status, final, destination, origination, country, parts, price, message id. */
export function plainLine(event: TailEvent, parsed: ParsedEvent): string {
	const time = iso(parsed.timestamp ?? event.timestamp);
	if (parsed.kind === 'raw' || parsed.kind === 'unknown-json') return `${time}  ${safeText(parsed.raw)}`;
	const final = parsed.isFinal === true ? 'final' : parsed.isFinal === false ? '-' : '';
	return [
		time,
		parsed.eventType ?? '',
		parsed.status ?? '',
		final,
		parsed.destination ?? '',
		parsed.origination ?? '',
		parsed.isoCountryCode ?? '',
		parsed.parts !== undefined ? String(parsed.parts) : '',
		parsed.price !== undefined ? formatPrice(parsed.price) : '',
		parsed.messageId ?? '',
	]
		.map(safeText)
		.join('  ');
}

/** The console's export (x in the tail) writes the same lines. */
export function jsonLine(event: TailEvent, parsed: ParsedEvent): string {
	return eventJsonLine(event, parsed);
}

/** The problem in a health note, without its countdown ("… — retrying in 0.6s"). */
function problemOf(note: string | undefined): string | undefined {
	return note?.replace(/ \u2014 (retrying|reconnecting) in [\d.]+s$/, '').trim() || undefined;
}

const follow: CommandAction = async (input, globals, io) => {
	const options = tailArgs(input);
	const since = parseSince(options.since, Date.now());
	if (!since.ok) throw new UsageError(`tail: --since: ${since.reason}`);
	// A follow runs until it is stopped: ctrl-c, SIGTERM, or --timeout when given (then it ends as ctrl-c would).
	if (options.follow) setBudget(globals.timeoutMs, FOLLOW_STOP_GRACE_MS);
	const connected = await connect(globals, io, ['logs']);
	let stopTimer: NodeJS.Timeout | undefined;
	let removeSignals = () => {};
	try {
		let source: TailSource;
		if (options.configSet) {
			const set = await lookupConfigurationSet(connected.clients, options.configSet);
			const choice = chooseDestination(options.configSet, set, options.destination);
			if (!choice.ok) {
				writeMessage(io.stderr, choice.reason);
				return 2;
			}
			if (choice.others.length > 0) {
				writeMessage(
					io.stderr,
					`tailing destination "${choice.destination.name}" (${choice.destination.logGroupName}); the set also has ${choice.others.map(d => `"${d.name}"`).join(', ')} — pick one with --destination NAME`,
				);
			}
			source = {logGroupIdentifier: choice.destination.logGroupArn, ...(options.filter ? {filterPattern: options.filter} : {})};
		} else {
			source = {logGroupIdentifier: options.logGroup!, ...(options.filter ? {filterPattern: options.filter} : {})};
		}
		let lastNote: string | undefined;
		// The last state before the tail stopped (reconnecting: the last read failed), and what went wrong last.
		let lastState = 'connecting' as TailHealth['state'];
		let problem: string | undefined;
		// What the engine reads with: a stop after one of these answered stops a tail that was working.
		const answersBefore = answerCount(TAIL_OPERATIONS);
		const handle = startTail(connected.clients, source, {since: since.time, follow: options.follow}, {
			events(batch) {
				let text = '';
				for (const event of batch) {
					const parsed = parseEventRecord(event.message);
					text += (globals.json ? jsonLine(event, parsed) : plainLine(event, parsed)) + '\n';
				}
				io.stdout.write(text);
			},
			health(h: TailHealth) {
				if (h.state !== 'stopped') {
					lastState = h.state;
					if (h.state === 'reconnecting') problem = problemOf(h.note) ?? problem;
				}
				// Say on stderr when the transport changes or something is wrong; stdout stays data only.
				const note = h.state === 'stopped' ? undefined : h.state === 'reconnecting' || h.note ? `${h.transport ?? ''} ${h.note ?? h.state}`.trim() : undefined;
				if (note && note !== lastNote && options.follow) writeMessage(io.stderr, note);
				lastNote = note;
			},
		});
		// Stopping a follow is how it ends: with 0 when it was following, else with the signal's code and why.
		let stoppedBy: NodeJS.Signals | 'timeout' | undefined;
		let waiting: string[] = [];
		const stopOn = (why: NodeJS.Signals | 'timeout') => {
			if (stoppedBy === undefined) waiting = callsInFlight();
			stoppedBy ??= why;
			handle.stop();
		};
		const onSigint = () => stopOn('SIGINT');
		const onSigterm = () => stopOn('SIGTERM');
		process.once('SIGINT', onSigint);
		process.once('SIGTERM', onSigterm);
		removeSignals = () => {
			process.off('SIGINT', onSigint);
			process.off('SIGTERM', onSigterm);
		};
		if (options.follow && globals.timeoutMs !== undefined) stopTimer = setTimeout(() => stopOn('timeout'), globals.timeoutMs);
		await handle.done;
		const reason = handle.health().stoppedReason;
		if (reason && reason !== 'stopped' && reason !== 'end of history') {
			writeMessage(io.stderr, reason);
			return 1;
		}
		if (stoppedBy !== undefined) {
			const answered = answerCount(TAIL_OPERATIONS) > answersBefore;
			// Stopping is how a follow ends; a history read stopped half way did not finish.
			if (answered && options.follow) return 0;
			if (!answered) {
				const why = problem ?? (waiting.length > 0 ? `no answer to ${waiting.join(', ')} yet` : undefined);
				writeMessage(io.stderr, `stopped before the endpoint gave a valid answer${why ? `: ${why}` : ''}`);
			}
			return stoppedBy === 'timeout' ? 1 : signalExitCode(stoppedBy);
		}
		// The history was not read to the end: the last read failed.
		if (lastState === 'reconnecting') {
			writeMessage(io.stderr, problem ?? 'reading the log group failed');
			return 1;
		}
		return 0;
	} catch (error) {
		return reportFailure(error, io);
	} finally {
		clearTimeout(stopTimer);
		removeSignals();
		await connected.close();
	}
};

export const actions = {run: follow} satisfies Record<string, CommandAction>;
export const run = commandRunner('tail');
