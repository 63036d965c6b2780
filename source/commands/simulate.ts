// smsdeck simulate: the simulator smoke test for pipelines. Progress on stderr, the report on stdout (JSON with
// --json); exit 0 pass, 1 fail or timeout, 2 misconfigured or bad input.
import {parseDuration} from '../domain/duration.js';
import {verdictExitCode} from '../domain/simulatorVerdict.js';
import {DEFAULT_BODY, DEFAULT_TIMEOUT_MS, type SimulatorRunOptions} from '../services/simulatorRun.js';
import {connect} from './connect.js';
import {refuseReadOnly, runChange} from './change.js';
import {formatReport, formatStep} from './simulateReport.js';
import {renderJson, renderLines} from './printTable.js';
import {UsageError, type SubcommandRun} from './types.js';
import {setBudget} from './lifetime.js';

/** The part of --timeout kept for the verdict and the report after the wait for events. */
const REPORT_RESERVE_MS = 1000;
/** How long past --timeout a hanging call may hold the run. */
const STRAGGLER_GRACE_MS = 3000;

export const usage = `Usage: smsdeck simulate [--region R] [--country US] [--origination ID] [--config-set NAME]
                        [--body TEXT] [--channel sms|mms] [--only success|failure] [--destination E164]…
                        [--timeout 60s] [--request-number --yes] [--release-number] [--json]

Can we send SMS right now, and do the events flow? Sends to the country's success and failure
simulator numbers and watches their events arrive in the configuration set's CloudWatch Logs
destination. Steps:
  1. preflight: account tier; an origination simulator number in the Region; a configuration set with
     an enabled CloudWatch Logs destination matching TEXT (MMS: MEDIA) events and an existing log
     group; the spend limit; a DryRun send
  2. send to the success and failure numbers, each with Context {smsdeckRun: <id>, expect: …}
  3. watch the events (live tail, polling as fallback), joined on the message id
  4. verdict per message (final status, events, latency, parts, price) and overall
  5. cleanup: --release-number releases a number this run requested

Options:
  --country CC          destination country (ISO code, default US); origination simulator numbers
                        are US only and send only to simulator numbers of their country
  --origination ID      origination number (E.164, id or ARN); default: the Region's simulator number
  --config-set NAME     configuration set; default: the first with a fitting CloudWatch Logs destination
  --body TEXT           message body (default "${DEFAULT_BODY}")
  --channel sms|mms     default sms
  --only success|failure  send to one of the two numbers
  --destination E164    a destination simulator number (repeatable) instead of the country's pair
  --timeout DURATION    how long the whole run may take, the wait for the final events included
                        (default ${DEFAULT_TIMEOUT_MS / 1000}s); a call still hanging then ends it ${STRAGGLER_GRACE_MS / 1000}s later (exit 1)
  --request-number --yes  request a simulator number when the Region has none (billed monthly)
  --release-number      release the number this run requested, at the end
  --json                the report as JSON on stdout
  --region, --profile, --endpoint-url, --local (the built-in emulator)

Exit code: 0 PASS, 1 FAIL or TIMEOUT, 2 MISCONFIGURED or bad input.
`;

const VALUE_FLAGS = ['country', 'origination', 'config-set', 'body', 'channel', 'only', 'destination', 'timeout'];
const BOOLEAN_FLAGS = ['request-number', 'yes', 'release-number'];

interface SimulateArgs {
	values: Record<string, string>;
	destinations: string[];
	flags: Set<string>;
}

function parseArgs(args: readonly string[]): SimulateArgs {
	const values: Record<string, string> = {};
	const destinations: string[] = [];
	const flags = new Set<string>();
	for (let i = 0; i < args.length; i++) {
		const token = args[i];
		const eq = token.indexOf('=');
		const name = (eq > 0 ? token.slice(0, eq) : token).replace(/^--/, '');
		if (token.startsWith('--') && BOOLEAN_FLAGS.includes(name) && eq < 0) {
			flags.add(name);
			continue;
		}
		if (!token.startsWith('--') || !VALUE_FLAGS.includes(name)) {
			throw new UsageError(`simulate: unexpected argument "${token}" (see smsdeck simulate --help)`);
		}
		const value = eq > 0 ? token.slice(eq + 1) : args[++i];
		// The body may be empty ("") — that is refused later with its own message — but must be given.
		if (value === undefined || (name !== 'body' && (value === '' || (eq < 0 && value.startsWith('--'))))) {
			throw new UsageError(`simulate: --${name} needs a value`);
		}
		if (name === 'destination') destinations.push(value);
		else values[name] = value;
	}
	return {values, destinations, flags};
}

export const run: SubcommandRun = async (args, globals, io) => {
	const {values, destinations, flags} = parseArgs(args);
	const channel = (values.channel ?? 'sms').toLowerCase();
	if (channel !== 'sms' && channel !== 'mms') throw new UsageError(`simulate: --channel takes sms or mms, not "${values.channel}"`);
	const only = values.only?.toLowerCase();
	if (only !== undefined && only !== 'success' && only !== 'failure') throw new UsageError(`simulate: --only takes success or failure, not "${values.only}"`);
	const startedAt = Date.now();
	// --timeout bounds the whole run (given before the command name, it is the global option: the same thing).
	const timeoutMs = values.timeout === undefined ? (globals.timeoutMs ?? DEFAULT_TIMEOUT_MS) : parseDuration(values.timeout);
	if (timeoutMs === undefined || timeoutMs <= 0) throw new UsageError(`simulate: --timeout "${values.timeout}" is not a duration (30s, 2m …)`);
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
		configurationSet: values['config-set'],
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
