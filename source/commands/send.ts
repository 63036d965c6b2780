// smsdeck send: one test message (SMS, or a voice call with --voice-body) from an origination to a number, and with
// --follow its events from the configuration set's CloudWatch Logs destination until the final one.
import {parseE164} from '../domain/e164.js';
import {parseDuration} from '../domain/duration.js';
import {analyzeMessage} from '../domain/messageParts.js';
import {checkTestBody} from '../domain/verification.js';
import {safeJson} from '../domain/sanitize.js';
import {sendTestMessage, type TestMessage} from '../services/changesService.js';
import {FOLLOW_TIMEOUT_MS, type FollowReport} from '../services/testSend.js';
import {testSendCli} from '../app/editPlans.js';
import {auditChange, changeLine, confirm, parseChangeArgs, refuseReadOnly, requireConfirmable, required, RuleError, runChange} from './change.js';
import {renderJson, renderLines} from './printTable.js';
import {UsageError, type SubcommandRun} from './types.js';

export const usage = `Usage: smsdeck send --from ORIGINATION --to NUMBER (--body TEXT | --voice-body TEXT)
                    [--message-type TRANSACTIONAL|PROMOTIONAL] [--config-set NAME] [--follow [--timeout 60s]]
                    [--yes] [--json]

Sends one test message, as the console's "Test SMS sending": an SMS with --body, a voice call (the text spoken)
with --voice-body. ORIGINATION is a phone number (E.164, phone-… id or ARN), a pool (id or ARN) or a sender ID
(or its ARN); NUMBER is E.164 — in the sandbox a verified destination number or a simulator number. The message
is billed; it asks on a terminal, --yes confirms without asking (needed when stdin is not a terminal).
--follow waits for the message's final event in the configuration set's CloudWatch Logs destination
(--config-set is then required) and prints each event.

Options: --region CODE, --profile NAME, --endpoint-url URL, --local, --json ({MessageId, …, Events, Final}),
--read-only (refuses). Exit code 0 sent (with --follow: delivered); 1 the service refused, the message failed or
no final event came in time; 2 bad input or no confirmation (nothing sent).
`;

export const run: SubcommandRun = async (args, globals, io) =>
	runChange(io, async () => {
		const command = 'send';
		const parsed = parseChangeArgs(command, args, ['from', 'to', 'body', 'voice-body', 'message-type', 'config-set', 'timeout'], ['yes', 'follow']);
		if (parsed.positional.length > 0) throw new UsageError(`send: unexpected argument "${parsed.positional[0]}" (see smsdeck send --help)`);
		const origination = required(command, parsed, 'from');
		const to = parseE164(required(command, parsed, 'to'));
		if (!to.ok) throw new RuleError(`send: --to is not an E.164 phone number: ${to.reason.replace(/\.$/, "")}; nothing was sent`);
		const text = parsed.options.body;
		const voice = parsed.options['voice-body'];
		if ((text === undefined) === (voice === undefined)) throw new UsageError('send: give --body (SMS) or --voice-body (a voice call), one of them');
		const channel = voice !== undefined ? 'VOICE' : 'TEXT';
		const body = (voice ?? text)!;
		const bodyCheck = checkTestBody(channel, body);
		if (!bodyCheck.ok) throw new RuleError(`send: ${bodyCheck.reason}; nothing was sent`);
		const messageType = parsed.options['message-type'];
		if (messageType !== undefined && messageType !== 'TRANSACTIONAL' && messageType !== 'PROMOTIONAL') throw new UsageError('send: --message-type is TRANSACTIONAL or PROMOTIONAL');
		if (messageType !== undefined && channel === 'VOICE') throw new UsageError('send: --message-type is for SMS (--body) only');
		const follow = parsed.flags.has('follow');
		const configurationSet = parsed.options['config-set'];
		if (follow && !configurationSet) throw new UsageError('send: --follow needs --config-set (the events are read from its CloudWatch Logs destination)');
		const timeoutMs = parsed.options.timeout === undefined ? FOLLOW_TIMEOUT_MS : parseDuration(parsed.options.timeout);
		if (timeoutMs === undefined || timeoutMs <= 0) throw new UsageError(`send: --timeout "${parsed.options.timeout}" is not a duration (30s, 2m …)`);
		await refuseReadOnly('send (a billed message)', globals, io.env);
		const yes = parsed.flags.has('yes');
		requireConfirmable(command, yes);

		const tag = `smsdeck-send-${Date.now().toString(36)}-${Math.random().toString(16).slice(2, 8)}`;
		const message: TestMessage = {channel, origination, destination: to.e164, body, messageType: messageType as TestMessage['messageType'], configurationSet, context: {smsdeckSend: tag}};
		const {connect} = await import('./connect.js');
		const connected = await connect(globals, io, follow ? ['logs'] : []);
		try {
			const clients = connected.clients;
			const info = analyzeMessage(body);
			const how = channel === 'VOICE' ? 'voice call' : `SMS, ${info.encoding === 'GSM' ? 'GSM-7' : 'UCS-2'} ${info.parts} part${info.parts === 1 ? '' : 's'}`;
			const what = `Test ${channel === 'VOICE' ? 'voice call' : 'SMS'} from ${origination} to ${to.e164}`;
			const ok = await confirm(command, io, {yes, typed: 'send', summary: [`${what} (${how}, billed): ${safeJson(body)}`, `$ ${testSendCli(clients.connection, message)}`]});
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
					{channel, configurationSet, messageId: sent.messageId ?? '', tag, since: sentAt - 2000, timeoutMs},
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
