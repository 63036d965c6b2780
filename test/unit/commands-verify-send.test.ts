// smsdeck verify and smsdeck send in-process against a real emulator: the verification flow with its exit codes
// (a wrong code is the service's refusal, exit 1), bad input refused before any call (exit 2), the audit line,
// read-only, and a test send followed to its final event (exit 0 delivered, 1 not delivered).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {commandBench} from '../helpers/commands.js';
import {run as verify} from '../../source/commands/verify.js';
import {run as verified} from '../../source/commands/verified.js';
import {run as send} from '../../source/commands/send.js';
import {UsageError, type SubcommandRun} from '../../source/commands/types.js';

const bench = commandBench('verify-send', configDir => ({auditFile: join(configDir, 'audit.log')}));
const {call} = bench;

async function code(number: string): Promise<string> {
	const res = await bench.admin('verificationCode', {number});
	const body = (await res.json()) as {code: string};
	assert.equal(res.status, 200, JSON.stringify(body));
	return body.code;
}

/** Exit 2 before any call: a refusal printed by the command (RuleError), or a UsageError the CLI prints (exit 2). */
async function refusedBeforeAnyCall(cmd: SubcommandRun, args: string[]): Promise<void> {
	try {
		const r = await call(cmd, args);
		assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
		assert.match(r.err, /^smsdeck: .*nothing was sent|needs --yes/);
	} catch (error) {
		assert.ok(error instanceof UsageError, `${args.join(' ')}: ${String(error)}`);
	}
}

const statusOf = async (number: string) => {
	const rows = JSON.parse((await call(verify, ['list'], {json: true})).out) as {DestinationPhoneNumber: string; Status: string; VerifiedDestinationNumberId: string}[];
	return rows.find(r => r.DestinationPhoneNumber === number);
};

test('verify add, send-code, a wrong code (exit 1, still PENDING), the right code (VERIFIED); delete is refused by the service before 24 h', async () => {
	const add = await call(verify, ['add', '+12065550166', '--yes']);
	assert.equal(add.code, 0, add.err);
	assert.match(add.out, /Add \+12065550166 as a verified destination number: verified-\w+ PENDING/);
	assert.equal((await statusOf('+12065550166'))?.Status, 'PENDING');

	const sent = await call(verify, ['send-code', '+12065550166', '--channel', 'VOICE', '--yes'], {json: true});
	assert.equal(sent.code, 0, sent.err);
	assert.match(JSON.parse(sent.out).Result, /code sent by voice call/);
	const right = await code('+12065550166');

	const wrong = await call(verify, ['confirm', '+12065550166', '--code', right === '111111' ? '222222' : '111111', '--yes']);
	assert.equal(wrong.code, 1);
	assert.match(wrong.err, /The verification code does not match/);
	assert.equal((await statusOf('+12065550166'))?.Status, 'PENDING');

	// By its id this time.
	const id = (await statusOf('+12065550166'))!.VerifiedDestinationNumberId;
	const ok = await call(verify, ['confirm', id, '--code', right, '--yes']);
	assert.equal(ok.code, 0, ok.err);
	assert.equal((await statusOf('+12065550166'))?.Status, 'VERIFIED');
	assert.match(readFileSync(join(bench.configDir, 'audit.log'), 'utf8'), /us-east-1 Verify \+12065550166: \+12065550166 PENDING → \+12065550166 VERIFIED request-id \S+/);

	const del = await call(verify, ['delete', '+12065550166', '--yes']);
	assert.equal(del.code, 1);
	assert.match(del.err, /24 hours/);
	// The old `verified` subcommand is the same list.
	assert.match((await call(verified, [])).out, /\+12065550166 +VERIFIED/);
});

test('verify: bad input and missing confirmation are exit 2 before any call; read-only refuses', async () => {
	const before = (await call(verify, ['list'])).out;
	for (const args of [
		['add', '2065550166', '--yes'],
		['add', '+1', '--yes'],
		['send-code', '+12065550142', '--channel', 'text', '--yes'],
		['send-code', '+12065550142', '--language', 'en', '--yes'],
		['confirm', '+14255550199', '--yes'],
		['confirm', '+14255550199', '--code', '12 34', '--yes'],
		['confirm', '+14255550199', '--code', '1'.repeat(21), '--yes'],
		['frobnicate'],
		['add', '+12065550167'],
	]) {
		await refusedBeforeAnyCall(verify, args);
	}
	const unknown = await call(verify, ['send-code', '+12065550111', '--yes']);
	assert.equal(unknown.code, 2);
	assert.match(unknown.err, /\+12065550111 is not a verified destination number in us-east-1/);
	const ro = await call(verify, ['add', '+12065550168', '--yes'], {readOnly: true});
	assert.equal(ro.code, 2);
	assert.match(ro.err, /refused, --read-only is set; nothing was sent/);
	assert.equal((await call(verify, ['list'])).out, before, 'nothing was sent');
});

test('send --follow: a test SMS to the success simulator number exits 0 at DELIVERED; a voice call to the failure number exits 1', async () => {
	const ok = await call(send, ['--from', '+12065550100', '--to', '+14254147755', '--body', 'smsdeck test', '--config-set', 'smsdeck-simulator', '--follow', '--yes']);
	assert.equal(ok.code, 0, ok.err);
	assert.match(ok.out, /TEXT_PENDING/);
	assert.match(ok.out, /TEXT_DELIVERED +DELIVERED \(final\)\nDELIVERED: delivered/);
	const voice = await call(send, ['--from', '+12065550100', '--to', '+14254147167', '--voice-body', 'smsdeck test call', '--config-set', 'smsdeck-simulator', '--follow', '--yes'], {json: true});
	assert.equal(voice.code, 1, voice.err);
	const report = JSON.parse(voice.out);
	assert.equal(report.Channel, 'VOICE');
	assert.equal(report.State, 'failed');
	assert.equal(report.Events.at(-1).IsFinal, true);
	// Without --follow: the message id, exit 0.
	const plain = await call(send, ['--from', '+12065550100', '--to', '+14254147755', '--body', 'once', '--yes'], {json: true});
	assert.equal(plain.code, 0, plain.err);
	assert.match(JSON.parse(plain.out).MessageId, /\S+/);
});

test('send: bad input is exit 2 before any call; the sandbox refusal is the service\'s (exit 1); read-only refuses', async () => {
	const sentBefore = ((await (await bench.admin('sentMessages', {})).json()) as {messages: unknown[]}).messages.length;
	for (const args of [
		['--from', '+12065550100', '--to', '4254147755', '--body', 'x', '--yes'],
		['--from', '+12065550100', '--to', '+14254147755', '--yes'],
		['--from', '+12065550100', '--to', '+14254147755', '--body', 'x', '--voice-body', 'y', '--yes'],
		['--from', '+12065550100', '--to', '+14254147755', '--body', '   ', '--yes'],
		['--from', '+12065550100', '--to', '+14254147755', '--body', 'x'.repeat(1601), '--yes'],
		['--from', '+12065550100', '--to', '+14254147755', '--body', 'x', '--follow', '--yes'],
		['--from', '+12065550100', '--to', '+14254147755', '--body', 'x', '--message-type', 'URGENT', '--yes'],
		['--from', '+12065550100', '--to', '+14254147755', '--body', 'x'],
	]) {
		await refusedBeforeAnyCall(send, args);
	}
	const ro = await call(send, ['--from', '+12065550100', '--to', '+14254147755', '--body', 'x', '--yes'], {readOnly: true});
	assert.equal(ro.code, 2);
	assert.equal(((await (await bench.admin('sentMessages', {})).json()) as {messages: unknown[]}).messages.length, sentBefore, 'nothing was sent');
	// us-east-1 is sandboxed: an unverified number is refused by the service.
	const sandbox = await call(send, ['--from', '+12065550150', '--to', '+12065550999', '--body', 'hello', '--yes']);
	assert.equal(sandbox.code, 1);
	assert.match(sandbox.err, /sandbox/);
});
