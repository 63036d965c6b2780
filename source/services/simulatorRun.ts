// A simulator smoke test, end to end: preflight, send to the simulator numbers, watch their events through the
// tail engine, judge each message and the run. Steps are reported as they go; no Ink, no React.
import type {PhoneNumberInformation} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {Clients} from './clients.js';
import type {StartTail, TailHandle} from './tailTypes.js';
import {describeAccount} from './accountService.js';
import {listConfigurationSets, type ConfigurationSet} from './configSetsService.js';
import {listPhoneNumbers} from './numbersService.js';
import {lookupPhoneNumber, UnresolvedIdentityError} from './identityResolver.js';
import {describeServiceError} from './errors.js';
import {smsModule} from './smsCommands.js';
import type {ParsedEvent} from '../domain/eventRecord.js';
import {checkLogGroup, followTaggedEvents, pickLogsDestination, withMissingGroup, type EventDestination, type EventFamily, type RepairStep} from './messageEvents.js';
import {planSimulatorRun, originationProblem, type SimulatorChannel, type SimulatorPlan} from '../domain/simulatorPlan.js';
import {judgeMessage, latencyMs, overallVerdict, type MessageJudgement, type OverallVerdict} from '../domain/simulatorVerdict.js';
import type {SimulatorOutcome} from '../domain/simulatorNumbers.js';

export type StepId = 'input' | 'account' | 'origination' | 'configSet' | 'spend' | 'dryRun' | 'send' | 'events' | 'verdict' | 'cleanup';
export type StepState = 'running' | 'passed' | 'failed' | 'warn' | 'skipped';

/** The order of the checklist. */
export const STEP_ORDER: readonly StepId[] = ['input', 'account', 'origination', 'configSet', 'spend', 'dryRun', 'send', 'events', 'verdict', 'cleanup'];

export const STEP_TITLES: Record<StepId, string> = {
	input: 'Input',
	account: 'Account tier',
	origination: 'Origination simulator number',
	configSet: 'Config set → CloudWatch Logs',
	spend: 'Spend limit',
	dryRun: 'DryRun send',
	send: 'Send',
	events: 'Events',
	verdict: 'Verdict',
	cleanup: 'Cleanup',
};

export interface StepUpdate {
	id: StepId;
	title: string;
	state: StepState;
	detail?: string;
	/** How to fix a failed step: an aws command or a flag. */
	fix?: string;
	startedAt: number;
	durationMs?: number;
}

export interface SimulatorRunOptions {
	country?: string;
	origination?: string;
	configurationSet?: string;
	body?: string;
	channel?: SimulatorChannel;
	only?: SimulatorOutcome;
	destinations?: string[];
	timeoutMs?: number;
	/** Epoch ms by which the wait for events ends at the latest, however long timeoutMs is (a whole-run budget). */
	deadline?: number;
	/** Asked when the Region has no simulator number: resolve true to request one (billed monthly). */
	confirmRequestNumber?: () => Promise<boolean>;
	/** Release a number this run requested, at the end. */
	releaseRequestedNumber?: boolean;
	signal?: AbortSignal;
}

export interface SimulatorRunDeps {
	startTail: StartTail;
	now?: () => number;
	runId?: string;
	/** Polling interval for the tail (tests); the engine's default otherwise. */
	pollIntervalMs?: number;
}

export interface SeenEvent {
	eventType?: string;
	status?: string;
	isFinal?: boolean;
	timestamp?: number;
	receivedAt: number;
}

export interface MessageReport {
	destination: string;
	expect: SimulatorOutcome;
	messageId?: string;
	sentAt?: number;
	sendError?: string;
	state: MessageJudgement['state'] | 'notSent';
	reason: string;
	events: SeenEvent[];
	latencyMs?: number;
	parts?: number;
	price?: number;
	carrierFee?: number;
}

export type {RepairStep};

export interface SimulatorReport {
	runId: string;
	verdict: OverallVerdict;
	/** Why the run is not a PASS, in one line. */
	reason?: string;
	fix?: string;
	/** The named fix as steps the console can stage (MISCONFIGURED by a configuration set or its log group). */
	repair?: RepairStep[];
	region: string;
	country?: string;
	channel: SimulatorChannel;
	accountTier?: string;
	origination?: string;
	requestedNumber?: string;
	configurationSet?: string;
	logGroup?: string;
	body: string;
	startedAt: number;
	durationMs: number;
	messages: MessageReport[];
	steps: StepUpdate[];
}

export interface SimulatorRunCallbacks {
	step?(update: StepUpdate): void;
	/** An event of this run, as it arrives. */
	event?(event: ParsedEvent, message: MessageReport): void;
	/** A message's state changed (sent, event seen, judged). */
	message?(message: MessageReport): void;
}

export const DEFAULT_BODY = 'smsdeck simulator smoke test';
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Stops the run with a verdict (a preflight problem, bad input). */
class Stop extends Error {
	constructor(
		readonly verdict: OverallVerdict,
		message: string,
		readonly fix?: string,
		readonly repair?: RepairStep[],
	) {
		super(message);
	}
}

function newRunId(now: number): string {
	const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
	return `sim-${stamp}-${Math.random().toString(16).slice(2, 8)}`;
}

const eventFamily = (channel: SimulatorChannel): EventFamily => (channel === 'mms' ? 'MEDIA' : 'TEXT');

function errorText(error: unknown, operation: string): string {
	return describeServiceError(error, operation).message;
}

/** Misconfiguration the service reports on a send (DryRun or real): these are exit 2, not a failed test. */
function isConfigurationError(error: unknown): boolean {
	const name = (error as {name?: string}).name ?? '';
	return ['ValidationException', 'ConflictException', 'ServiceQuotaExceededException', 'AccessDeniedException', 'ResourceNotFoundException'].includes(name);
}

function spendFix(error: unknown, region: string, channel: SimulatorChannel): string | undefined {
	const reason = (error as {Reason?: string}).Reason ?? '';
	if (!reason.startsWith('MONTHLY_SPEND_LIMIT_REACHED')) return undefined;
	const which = channel === 'mms' ? 'media' : 'text';
	return `raise the limit: aws pinpoint-sms-voice-v2 set-${which}-spend-limit-override --region ${region} --monthly-limit <USD> (up to the account's maximum), or wait for next month`;
}

export async function runSimulator(
	clients: Clients,
	options: SimulatorRunOptions,
	callbacks: SimulatorRunCallbacks,
	deps: SimulatorRunDeps,
): Promise<SimulatorReport> {
	const now = deps.now ?? Date.now;
	const startedAt = now();
	const region = clients.connection.region;
	const channel = options.channel ?? 'sms';
	const body = options.body ?? DEFAULT_BODY;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const runId = deps.runId ?? newRunId(startedAt);
	const steps = new Map<StepId, StepUpdate>();
	const report: SimulatorReport = {runId, verdict: 'FAIL', region, channel, body, startedAt, durationMs: 0, messages: [], steps: []};

	const emit = (update: StepUpdate) => {
		steps.set(update.id, update);
		callbacks.step?.({...update});
	};
	const begin = (id: StepId, detail?: string) => emit({id, title: STEP_TITLES[id], state: 'running', detail, startedAt: now()});
	const end = (id: StepId, state: StepState, detail?: string, fix?: string) => {
		const started = steps.get(id)?.startedAt ?? now();
		emit({id, title: STEP_TITLES[id], state, detail, fix, startedAt: started, durationMs: now() - started});
	};
	const aborted = () => options.signal?.aborted === true;
	const checkAbort = () => {
		if (aborted()) throw new Stop('FAIL', 'the run was cancelled');
	};
	let current: StepId = 'input';
	const step = async <T>(id: StepId, work: () => Promise<T>): Promise<T> => {
		checkAbort();
		current = id;
		begin(id);
		return work();
	};

	let requestedNumber: PhoneNumberInformation | undefined;
	let tail: TailHandle | undefined;
	try {
		// 1. Input: what will be sent, to whom.
		const plan = await step('input', async (): Promise<SimulatorPlan> => {
			const result = planSimulatorRun({country: options.country, body, channel, only: options.only, destinations: options.destinations});
			if (!result.ok) throw new Stop('MISCONFIGURED', result.reason);
			const p = result.plan;
			const parts = p.parts ? `, ${p.parts.encoding === 'GSM' ? 'GSM-7' : 'UCS-2'} ${p.parts.characters} chars, ${p.parts.parts} part${p.parts.parts === 1 ? '' : 's'}` : '';
			end('input', 'passed', `${channel.toUpperCase()} to ${p.messages.map(m => `${m.destination} (${m.expect})`).join(', ')}${parts}`);
			return p;
		});
		report.country = plan.country;
		report.messages = plan.messages.map(m => ({destination: m.destination, expect: m.expect, state: 'notSent', reason: 'not sent', events: []}));

		// 2. Preflight.
		const account = await step('account', async () => {
			const a = await describeAccount(clients);
			report.accountTier = a.tier;
			end('account', 'passed', a.tier === 'SANDBOXED' ? 'SANDBOXED (simulator numbers count as verified destinations)' : (a.tier ?? 'unknown'));
			return a;
		});

		const origination = await step('origination', async () => {
			const capability = channel === 'mms' ? 'MMS' : 'SMS';
			let chosen: PhoneNumberInformation | undefined;
			if (options.origination) {
				try {
					chosen = await lookupPhoneNumber(clients, options.origination);
				} catch (error) {
					if (error instanceof UnresolvedIdentityError) throw new Stop('MISCONFIGURED', `origination: ${error.message}`);
					throw error;
				}
				if (chosen.Status !== 'ACTIVE') throw new Stop('MISCONFIGURED', `origination ${chosen.PhoneNumber} is ${chosen.Status}, not ACTIVE`);
				if (!(chosen.NumberCapabilities ?? []).includes(capability)) {
					throw new Stop('MISCONFIGURED', `origination ${chosen.PhoneNumber} has no ${capability} capability (${(chosen.NumberCapabilities ?? []).join(', ')})`);
				}
			} else {
				const numbers = await listPhoneNumbers(clients);
				chosen = numbers.find(n => n.NumberType === 'SIMULATOR' && n.Status === 'ACTIVE' && (n.NumberCapabilities ?? []).includes(capability));
			}
			if (!chosen) {
				const requestCli = `aws pinpoint-sms-voice-v2 request-phone-number --region ${region} --iso-country-code US --message-type TRANSACTIONAL --number-capabilities ${channel === 'mms' ? 'SMS MMS' : 'SMS'} --number-type SIMULATOR`;
				const yes = options.confirmRequestNumber ? await options.confirmRequestNumber() : false;
				checkAbort();
				if (!yes) throw new Stop('MISCONFIGURED', `no ACTIVE simulator number with ${capability} in ${region}; a simulator number is billed monthly, so request one only on purpose`, requestCli);
				const m = await smsModule();
				const out = await clients.sms.send(
					new m.RequestPhoneNumberCommand({
						IsoCountryCode: 'US',
						MessageType: 'TRANSACTIONAL',
						NumberCapabilities: channel === 'mms' ? ['SMS', 'MMS'] : ['SMS'],
						NumberType: 'SIMULATOR',
						Tags: [{Key: 'CreatedBy', Value: `smsdeck ${runId}`}],
					}),
				);
				requestedNumber = {...out} as PhoneNumberInformation;
				chosen = requestedNumber;
				report.requestedNumber = out.PhoneNumber;
			}
			const problem = originationProblem({phoneNumber: chosen.PhoneNumber, numberType: chosen.NumberType, isoCountryCode: chosen.IsoCountryCode}, plan);
			if (problem) throw new Stop('MISCONFIGURED', problem);
			report.origination = chosen.PhoneNumber;
			const how = requestedNumber ? 'requested now' : chosen.NumberType === 'SIMULATOR' ? 'simulator' : `${chosen.NumberType} — not a simulator number: sends are billed as real ones`;
			end('origination', chosen.NumberType === 'SIMULATOR' ? 'passed' : 'warn', `${chosen.PhoneNumber} (${chosen.PhoneNumberId}, ${how})`);
			return chosen;
		});

		const logs = await step('configSet', async () => {
			const sets = await listConfigurationSets(clients);
			let set: ConfigurationSet | undefined;
			let picked: EventDestination | undefined;
			let partial = false;
			if (options.configurationSet) {
				set = sets.find(s => s.ConfigurationSetName === options.configurationSet || s.ConfigurationSetArn === options.configurationSet);
				if (!set) {
					const names = sets.map(s => s.ConfigurationSetName).join(', ') || 'none';
					throw new Stop('MISCONFIGURED', `configuration set ${options.configurationSet} does not exist in ${region} (there: ${names})`);
				}
				const found = pickLogsDestination(set, eventFamily(channel), region);
				if (!found.ok) {
					// A disabled (or mismatched) destination whose log group is gone needs the group too.
					const missing = await withMissingGroup(clients, found);
					throw new Stop('MISCONFIGURED', missing.reason, missing.fix, missing.repair);
				}
				picked = found.destination;
				partial = found.partial;
			} else {
				for (const s of sets) {
					const found = pickLogsDestination(s, eventFamily(channel), region);
					if (found.ok && (!picked || (partial && !found.partial))) {
						set = s;
						picked = found.destination;
						partial = found.partial;
					}
				}
				if (!set || !picked) {
					const family = eventFamily(channel);
					throw new Stop(
						'MISCONFIGURED',
						`no configuration set in ${region} has an enabled CloudWatch Logs destination matching ${family} events`,
						`aws pinpoint-sms-voice-v2 create-configuration-set --region ${region} --configuration-set-name smsdeck-simulator, then aws pinpoint-sms-voice-v2 create-event-destination --region ${region} --configuration-set-name smsdeck-simulator --event-destination-name smsdeck-events --matching-event-types ${family}_ALL --cloud-watch-logs-destination IamRoleArn=<role>,LogGroupArn=<log group ARN>`,
					);
				}
			}
			const {arn, group, missing} = await checkLogGroup(clients, picked);
			if (missing) throw new Stop('MISCONFIGURED', missing.reason, missing.fix, missing.repair);
			report.configurationSet = set.ConfigurationSetName;
			report.logGroup = group;
			const types = (picked.MatchingEventTypes ?? []).join(', ');
			end(
				'configSet',
				partial ? 'warn' : 'passed',
				`${set.ConfigurationSetName} → ${picked.EventDestinationName} (${types}) → ${group}${partial ? ' — only some event types match; other events will not arrive' : ''}`,
			);
			return {arn, group};
		});

		await step('spend', async () => {
			const name = channel === 'mms' ? 'MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT' : 'TEXT_MESSAGE_MONTHLY_SPEND_LIMIT';
			const limit = account.spendLimits.find(s => s.name === name);
			if (limit && limit.enforced <= 0) {
				throw new Stop('MISCONFIGURED', `the ${channel.toUpperCase()} spend limit is $0`, `aws pinpoint-sms-voice-v2 set-${channel === 'mms' ? 'media' : 'text'}-spend-limit-override --region ${region} --monthly-limit 1`);
			}
			end('spend', 'passed', limit ? `$${limit.enforced}/month enforced (the DryRun checks this month's headroom)` : 'no limit reported');
		});

		const m = await smsModule();
		const sendCommand = (destination: string, expect: SimulatorOutcome, dryRun: boolean) => {
			const input = {
				DestinationPhoneNumber: destination,
				OriginationIdentity: origination.PhoneNumberArn ?? origination.PhoneNumber,
				MessageBody: body,
				ConfigurationSetName: report.configurationSet,
				Context: {smsdeckRun: runId, expect},
				DryRun: dryRun,
			};
			return channel === 'mms' ? new m.SendMediaMessageCommand(input) : new m.SendTextMessageCommand({...input, MessageType: 'TRANSACTIONAL'});
		};

		await step('dryRun', async () => {
			for (const message of report.messages) {
				try {
					await clients.sms.send(sendCommand(message.destination, message.expect, true) as never);
				} catch (error) {
					const text = errorText(error, `DryRun to ${message.destination}`);
					if (isConfigurationError(error)) throw new Stop('MISCONFIGURED', text, spendFix(error, region, channel));
					throw new Stop('FAIL', text);
				}
			}
			end('dryRun', 'passed', `${report.messages.length} accepted`);
		});

		// 3. Watch first (from just before the send), then send.
		const byId = new Map<string, MessageReport>();
		const orphans: ParsedEvent[] = [];
		let settle: () => void = () => {};
		const allFinal = new Promise<void>(resolve => (settle = resolve));
		const judge = (message: MessageReport, timedOut = false) => {
			if (message.state === 'notSent') return;
			const j = judgeMessage(message.expect, message.events, timedOut);
			message.state = j.state;
			message.reason = j.reason;
			message.latencyMs = latencyMs(message.sentAt, j.final);
		};
		const accept = (event: ParsedEvent, message: MessageReport) => {
			message.events.push({eventType: event.eventType, status: event.status, isFinal: event.isFinal, timestamp: event.timestamp, receivedAt: now()});
			message.events.sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
			if (event.parts !== undefined) message.parts = event.parts;
			if (event.price !== undefined) message.price = event.price;
			if (event.carrierFee !== undefined) message.carrierFee = event.carrierFee;
			judge(message);
			callbacks.event?.(event, message);
			callbacks.message?.(message);
			const sent = report.messages.filter(x => x.state !== 'notSent');
			const counts = sent.reduce((n, x) => n + x.events.length, 0);
			emit({...steps.get('events')!, detail: `${counts} event${counts === 1 ? '' : 's'}; ${sent.filter(x => x.state === 'passed' || x.state === 'failed').length} of ${sent.length} final`});
			if (sent.length === report.messages.length && sent.every(x => x.state === 'passed' || x.state === 'failed')) settle();
		};
		const route = (event: ParsedEvent) => {
			const own = event.context?.smsdeckRun === runId;
			const message = event.messageId ? byId.get(event.messageId) : undefined;
			if (message) accept(event, message);
			else if (own) orphans.push(event); // arrived before the send's answer
		};
		const since = now() - 2000;

		await step('events', async () => {
			tail = followTaggedEvents(
				deps.startTail,
				clients,
				{arn: logs.arn, tag: runId, since, pollIntervalMs: deps.pollIntervalMs},
				{
					event: route,
					health: h => {
						const how = h.state === 'live' ? 'live tail' : h.state === 'polling' ? 'polling' : h.state;
						if (steps.get('events')?.state === 'running' && byId.size === 0) emit({...steps.get('events')!, detail: `${how} on ${logs.group}${h.note ? ` — ${h.note}` : ''}`});
					},
				},
			);
		});

		await step('send', async () => {
			current = 'send';
			const failures: string[] = [];
			for (const message of report.messages) {
				checkAbort();
				try {
					const out = await clients.sms.send(sendCommand(message.destination, message.expect, false) as never);
					message.messageId = (out as {MessageId?: string}).MessageId;
					message.sentAt = now();
					message.state = 'waiting';
					message.reason = 'waiting: no events';
					if (message.messageId) byId.set(message.messageId, message);
				} catch (error) {
					message.sendError = errorText(error, `send to ${message.destination}`);
					message.state = 'failed';
					message.reason = message.sendError;
					failures.push(message.sendError);
				}
				callbacks.message?.(message);
			}
			for (const event of orphans.splice(0)) route(event);
			if (failures.length === report.messages.length) {
				throw new Stop('FAIL', failures.join('; '));
			}
			end('send', failures.length ? 'failed' : 'passed', report.messages.map(x => (x.messageId ? `${x.destination} → ${x.messageId}` : `${x.destination}: ${x.sendError}`)).join('; '));
		});

		// Watch until every message is final, the time is up, the tail stops, or the run is cancelled.
		current = 'events';
		const sentCount = report.messages.filter(x => x.state !== 'notSent').length;
		const waiting = report.messages.filter(x => x.state === 'waiting');
		if (waiting.length > 0) {
			let timer: NodeJS.Timeout | undefined;
			const waitMs = Math.max(0, Math.min(timeoutMs, (options.deadline ?? Infinity) - now()));
			const timeout = new Promise<'timeout'>(resolve => (timer = setTimeout(() => resolve('timeout'), waitMs)));
			const cancelled = new Promise<'cancelled'>(resolve => options.signal?.addEventListener('abort', () => resolve('cancelled'), {once: true}));
			const stopped = tail!.done.then(() => 'stopped' as const);
			const why = await Promise.race([allFinal.then(() => 'final' as const), timeout, cancelled, stopped]);
			clearTimeout(timer);
			if (why === 'cancelled') throw new Stop('FAIL', 'the run was cancelled');
			if (why === 'stopped') {
				const reason = tail!.health().stoppedReason ?? 'the tail stopped';
				for (const message of report.messages) judge(message, true);
				end('events', 'failed', `the event tail stopped: ${reason}`);
				throw new Stop('FAIL', `could not watch ${logs.group}: ${reason}`);
			}
			for (const message of report.messages) judge(message, why === 'timeout');
		}
		tail?.stop();
		const seen = report.messages.reduce((n, x) => n + x.events.length, 0);
		const finals = report.messages.filter(x => x.state === 'passed' || x.state === 'failed').length;
		const timedOut = report.messages.some(x => x.state === 'timedOut');
		end('events', timedOut ? 'failed' : 'passed', `${seen} event${seen === 1 ? '' : 's'}; ${finals} of ${sentCount} final${timedOut ? ` — no final event within ${Math.round(timeoutMs / 1000)}s` : ''}`);

		// 4. Verdict.
		begin('verdict');
		report.verdict = overallVerdict({messages: report.messages.map(x => ({state: x.state === 'notSent' ? 'failed' : x.state}))});
		if (report.verdict !== 'PASS') report.reason = report.messages.filter(x => x.state !== 'passed').map(x => `${x.destination} (${x.expect}): ${x.reason}`).join('; ');
		end('verdict', report.verdict === 'PASS' ? 'passed' : 'failed', report.verdict);
	} catch (error) {
		tail?.stop();
		const stop = error instanceof Stop ? error : new Stop(isConfigurationError(error) ? 'MISCONFIGURED' : 'FAIL', errorText(error, STEP_TITLES[current]));
		if (!(error instanceof Stop)) {
			const fix = (error as {name?: string}).name === 'AccessDeniedException' ? 'grant the caller the permission named above' : undefined;
			if (fix) Object.assign(stop, {fix});
		}
		end(current, 'failed', stop.message, stop.fix);
		for (const [id, update] of steps) if (update.state === 'running') end(id, 'skipped', update.detail);
		report.verdict = stop.verdict;
		report.reason = stop.message;
		report.fix = stop.fix;
		if (stop.repair) report.repair = stop.repair;
		for (const message of report.messages) if (message.state === 'waiting') message.state = 'timedOut';
	}

	// 5. Cleanup: release a number this run requested, when asked to.
	if (requestedNumber?.PhoneNumberId) {
		if (options.releaseRequestedNumber) {
			begin('cleanup');
			try {
				const m = await smsModule();
				await clients.sms.send(new m.ReleasePhoneNumberCommand({PhoneNumberId: requestedNumber.PhoneNumberId}));
				end('cleanup', 'passed', `released ${requestedNumber.PhoneNumber}`);
			} catch (error) {
				end('cleanup', 'failed', errorText(error, 'ReleasePhoneNumber'), `aws pinpoint-sms-voice-v2 release-phone-number --region ${region} --phone-number-id ${requestedNumber.PhoneNumberId}`);
			}
		} else {
			emit({id: 'cleanup', title: STEP_TITLES.cleanup, state: 'skipped', detail: `kept ${requestedNumber.PhoneNumber} (${requestedNumber.PhoneNumberId}) for the next run; it is billed monthly`, startedAt: now(), durationMs: 0});
		}
	}
	report.durationMs = now() - startedAt;
	report.steps = STEP_ORDER.flatMap(id => (steps.has(id) ? [steps.get(id)!] : []));
	return report;
}
