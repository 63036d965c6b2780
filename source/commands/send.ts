// smsdeck send: one test message (SMS, or a voice call with --voice-body) from an origination to a number, and with
// --follow its events from the configuration set's CloudWatch Logs destination until the final one.
import {parseE164} from '../domain/e164.js';
import {analyzeMessage} from '../domain/messageParts.js';
import {checkTestBody} from '../domain/verification.js';
import {safeJson} from '../domain/sanitize.js';
import {sendTestMessage, type TestMessage} from '../services/changesService.js';
import {FOLLOW_TIMEOUT_MS, type FollowReport} from '../services/testSend.js';
import {testSendCli} from '../app/editPlans.js';
import {auditChange, changeLine, confirm, refuseReadOnly, requireConfirmable, RuleError, runChange} from './change.js';
import {commandRunner} from './commandTree.js';
import {setBudget} from './lifetime.js';
import {renderJson, renderLines} from './printTable.js';
import {UsageError, type CommandAction} from './types.js';

/** After --timeout (a global option) the run gives up; a follow ends a little earlier, so that its report is printed. */
const REPORT_RESERVE_MS = 1000;
/** How much longer a call still under way at the deadline may take. */
const STRAGGLER_GRACE_MS = 3000;

/** The options the command tree parsed (--from and --to required, --message-type one of its choices). */
type SendOptions = {
	from: string;
	to: string;
	body?: string;
	voiceBody?: string;
	messageType?: TestMessage['messageType'];
	configSet?: string;
	follow?: boolean;
	yes?: boolean;
};

const send: CommandAction = async ({options}, globals, io) =>
	runChange(io, async () => {
		const startedAt = Date.now();
		const {from: origination, to: toText, body: text, voiceBody: voice, messageType, configSet: configurationSet, follow = false, yes = false} = options as SendOptions;
		const to = parseE164(toText);
		if (!to.ok) throw new RuleError(`send: --to is not an E.164 phone number: ${to.reason.replace(/\.$/, '')}; nothing was sent`);
		if ((text === undefined) === (voice === undefined)) throw new UsageError('send: give --body (SMS) or --voice-body (a voice call), one of them');
		const channel = voice !== undefined ? 'VOICE' : 'TEXT';
		const body = (voice ?? text)!;
		const bodyCheck = checkTestBody(channel, body);
		if (!bodyCheck.ok) throw new RuleError(`send: ${bodyCheck.reason}; nothing was sent`);
		if (messageType !== undefined && channel === 'VOICE') throw new UsageError('send: --message-type is for SMS (--body) only');
		if (follow && !configurationSet) throw new UsageError('send: --follow needs --config-set (the events are read from its CloudWatch Logs destination)');
		// --timeout bounds the whole run; with --follow its default is the follow's.
		const timeoutMs = globals.timeoutMs ?? FOLLOW_TIMEOUT_MS;
		if (follow) setBudget(timeoutMs, STRAGGLER_GRACE_MS);
		await refuseReadOnly('send (a billed message)', globals, io.env);
		requireConfirmable('send', yes);

		const tag = `smsdeck-send-${Date.now().toString(36)}-${Math.random().toString(16).slice(2, 8)}`;
		const message: TestMessage = {channel, origination, destination: to.e164, body, messageType, configurationSet, context: {smsdeckSend: tag}};
		const {connect} = await import('./connect.js');
		const connected = await connect(globals, io, follow ? ['logs'] : []);
		try {
			const clients = connected.clients;
			const info = analyzeMessage(body);
			const how = channel === 'VOICE' ? 'voice call' : `SMS, ${info.encoding === 'GSM' ? 'GSM-7' : 'UCS-2'} ${info.parts} part${info.parts === 1 ? '' : 's'}`;
			const what = `Test ${channel === 'VOICE' ? 'voice call' : 'SMS'} from ${origination} to ${to.e164}`;
			const ok = await confirm('send', io, {yes, typed: 'send', summary: [`${what} (${how}, billed): ${safeJson(body)}`, `$ ${testSendCli(clients.connection, message)}`]});
			if (!ok) throw new RuleError('send: not confirmed; nothing was sent');
			let sent;
			try {
				sent = await sendTestMessage(clients, message);
			} catch (error) {
				const {reportFailure} = await import('./browse.js');
				return reportFailure(error, io);
			}
			const sentAt = Date.now();
			await auditChange(io.env, changeLine(clients.connection.region, what, '', `message ${sent.messageId ?? '?'}`, sent.requestId), io);
			const base = {Region: clients.connection.region, MessageId: sent.messageId ?? null, RequestId: sent.requestId ?? null, Channel: channel, From: origination, To: to.e164, ConfigurationSetName: configurationSet ?? null};
			if (!follow) {
				io.stdout.write(globals.json ? renderJson(base) : renderLines([`${what}: message ${sent.messageId}${sent.requestId ? ` (request id ${sent.requestId})` : ''}`]));
				return 0;
			}
			if (!globals.json) io.stdout.write(renderLines([`${what}: message ${sent.messageId}; following its events…`]));
			const [{followTestSend}, {startTail}] = await Promise.all([import('../services/testSend.js'), import('../services/tailEngine.js')]);
			let printed = 0;
			let report: FollowReport;
			try {
				report = await followTestSend(
					clients,
					{channel, configurationSet, messageId: sent.messageId ?? '', tag, since: sentAt - 2000, timeoutMs: Math.max(0, startedAt + timeoutMs - Math.min(REPORT_RESERVE_MS, timeoutMs / 10) - Date.now())},
					r => {
						if (globals.json) return;
						for (const e of r.events.slice(printed)) io.stdout.write(renderLines([`  ${new Date(e.timestamp ?? e.receivedAt).toISOString()}  ${e.eventType ?? ''}  ${e.status ?? ''}${e.isFinal ? ' (final)' : ''}`]));
						printed = r.events.length;
					},
					{startTail},
				);
			} catch (error) {
				const {reportFailure} = await import('./browse.js');
				return reportFailure(error, io);
			}
			const delivered = report.state === 'delivered';
			if (globals.json) {
				io.stdout.write(renderJson({...base, Final: report.finalStatus ?? null, State: report.state, Reason: report.reason ?? null, Events: report.events.map(e => ({EventType: e.eventType ?? null, Status: e.status ?? null, IsFinal: Boolean(e.isFinal), Timestamp: e.timestamp ?? null}))}));
			} else {
				io.stdout.write(renderLines([delivered ? `${report.finalStatus}: delivered` : report.state === 'failed' ? `${report.finalStatus}: not delivered` : `no final event: ${report.reason ?? report.state}${report.fix ? ` — fix: ${report.fix}` : ''}`]));
			}
			return delivered ? 0 : 1;
		} finally {
			await connected.close();
		}
	});

export const actions = {run: send} satisfies Record<string, CommandAction>;
export const run = commandRunner('send');
