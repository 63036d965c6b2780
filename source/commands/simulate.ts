// smsdeck simulate: the simulator smoke test for pipelines. Progress on stderr, the report on stdout (JSON with
// --json); exit 0 pass, 1 fail or timeout, 2 misconfigured or bad input.
import {verdictExitCode} from '../domain/simulatorVerdict.js';
import {DEFAULT_TIMEOUT_MS, type SimulatorRunOptions} from '../services/simulatorRun.js';
import {connect} from './connect.js';
import {refuseReadOnly, runChange} from './change.js';
import {formatReport, formatStep} from './simulateReport.js';
import {renderJson, renderLines} from './printTable.js';
import {UsageError, type CommandAction} from './types.js';
import {commandRunner} from './commandTree.js';
import {setBudget} from './lifetime.js';

/** The part of --timeout kept for the verdict and the report after the wait for events. */
const REPORT_RESERVE_MS = 1000;
/** How long past --timeout a hanging call may hold the run. */
const STRAGGLER_GRACE_MS = 3000;

/** Its options as the command tree checked them (--channel and --only are among their choices). */
interface SimulateOptions {
	country?: string;
	origination?: string;
	configSet?: string;
	body?: string;
	channel?: 'sms' | 'mms';
	only?: 'success' | 'failure';
	destination?: string[];
	requestNumber?: boolean;
	yes?: boolean;
	releaseNumber?: boolean;
}

const simulate: CommandAction = async (input, globals, io) => {
	const values = input.options as SimulateOptions;
	const channel = values.channel ?? 'sms';
	const only = values.only;
	const destinations = values.destination ?? [];
	const flags = new Set([values.requestNumber && 'request-number', values.yes && 'yes', values.releaseNumber && 'release-number'].filter(f => typeof f === 'string'));
	const startedAt = Date.now();
	// --timeout (a global option) bounds the whole run.
	const timeoutMs = globals.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	// The wait for events ends by the deadline below; a call that hangs past it gets a little longer to finish
	// before the run gives up on it (cli.tsx then prints which call).
	setBudget(timeoutMs, STRAGGLER_GRACE_MS);
	if (flags.has('request-number') !== flags.has('yes')) {
		throw new UsageError('simulate: --request-number needs --yes (and --yes goes only with --request-number): a simulator number is billed monthly');
	}

	// It sends messages (billed) and may request a number: nothing of it on a read-only connection.
	const refused = await runChange(io, async () => {
		await refuseReadOnly('simulate (it sends two billed messages)', globals, io.env);
		return 0;
	});
	if (refused !== 0) return refused;

	const progress = (...lines: string[]) => io.stderr.write(renderLines(lines));
	const options: SimulatorRunOptions = {
		country: values.country,
		origination: values.origination,
		configurationSet: values.configSet,
		body: values.body,
		channel,
		only,
		destinations: destinations.length > 0 ? destinations : undefined,
		timeoutMs,
		// The wait for events ends early enough that the verdict and the report still fit in the run's time.
		deadline: startedAt + timeoutMs - Math.min(REPORT_RESERVE_MS, timeoutMs / 10),
		confirmRequestNumber: async () => flags.has('request-number') && flags.has('yes'),
		releaseRequestedNumber: flags.has('release-number'),
	};

	const connected = await connect(globals, io, ['logs']);
	try {
		const [{runSimulator}, {startTail}] = await Promise.all([import('../services/simulatorRun.js'), import('../services/tailEngine.js')]);
		progress(`smsdeck simulate in ${connected.connection.region}${connected.connection.local ? ' (built-in emulator)' : ''}`);
		const report = await runSimulator(
			connected.clients,
			options,
			{
				step: update => {
					if (update.state !== 'running') progress(...formatStep(update));
				},
				event: (event, message) => progress(`    ${message.destination}  ${event.eventType ?? event.status ?? '?'}${event.isFinal ? ' (final)' : ''}`),
			},
			{startTail},
		);
		if (!report.requestedNumber && /no ACTIVE simulator number/.test(report.reason ?? '')) {
			report.fix = `rerun with --request-number --yes (the number is billed monthly), or ${report.fix}`;
		}
		io.stdout.write(globals.json ? renderJson(report) : renderLines(formatReport(report)));
		return verdictExitCode(report.verdict);
	} finally {
		await connected.close();
	}
};

export const actions = {run: simulate} satisfies Record<string, CommandAction>;
export const run = commandRunner('simulate');
