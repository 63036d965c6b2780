// The console against the hostile seed, in a real terminal: every screen is visited and the RAW BYTES the
// program wrote are searched for what was planted. Ink itself writes CSI sequences (cursor moves, erase line,
// colours, private modes) and nothing else, so the raw output must hold no OSC (OSC 52, OSC 0, OSC 8), DCS,
// SOS/PM/APC or other non-CSI escape, no C1 control, no bidi control, no line separator, no BEL, none of the
// planted CSI sequences (ESC[6n, ESC[5;31m, ESC[2J right after its tag) and no line break right before the text
// a field would forge a row with; and each screen shows the payloads by their placeholders (␛, \u202e …).
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {command} from '../helpers/consoleSteps.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {HOSTILE_EVENTS_SET, HOSTILE_LOG_EVENT_COUNT} from '../../source/emulator/smsvoice/hostile.js';

let emulator: RunningEmulator;
before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, seed: 'hostile', eventDelayMs: 50, liveTailTickMs: 200});
});
after(() => emulator.close());

/** What must never be in the raw output, with why. */
const FORBIDDEN: [RegExp, string][] = [
	[/\x1b[^[]/, 'an escape sequence other than CSI (OSC 52, OSC 0, OSC 8, DCS, APC, ESC c …)'],
	[/[\u0080-\u009f]/, 'a C1 control (8-bit CSI, OSC …)'],
	[/[\u202a-\u202e\u2066-\u2069]/, 'a bidi embedding, override or isolate'],
	[/[\u2028\u2029]/, 'a line or paragraph separator'],
	[/[\x00-\x07\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]/, 'a C0 control other than ESC, CR, LF and backspace'],
	[/\x1b\[6n/, 'the planted cursor-position query ESC[6n'],
	[/\x1b\[(5;31|25;39)m/, 'the planted SGR'],
	[/(WIPE|ASK|RED|C1)\x1b/, 'a planted CSI right after its tag'],
	[/[\n\r\u2028]FORGED/, 'a line break before the text a field forges a row with'],
	[/[\n\r]2026-01-01T00:00:00\.000Z/, 'the forged TEXT_BLOCKED tail line on a line of its own'],
];

function assertInert(raw: string, where: string): void {
	for (const [pattern, why] of FORBIDDEN) {
		const m = pattern.exec(raw);
		assert.equal(m, null, m ? `${where}: ${why}: ${JSON.stringify(raw.slice(Math.max(0, m.index - 30), m.index + 30))}` : '');
	}
}

test('every screen against the hostile seed: nothing planted reaches the terminal, a line break in an event adds no tail row', async t => {
	// The verified numbers answer a hostile error once: their screen, the toast and the ! log show it.
	const res = await fetch(`${emulator.url}/_smsdeck/failNext`, {method: 'POST', body: JSON.stringify({operation: 'DescribeVerifiedDestinationNumbers'})});
	assert.equal(res.status, 200);
	const app = spawnTerminal({args: ['--region', 'us-east-1'], cols: 160, rows: 45, env: {AWS_ENDPOINT_URL: emulator.url}});
	const visited: string[] = [];
	let checkedUpTo = 0;
	/** The raw output since the last screen is inert, and this screen shows every `shown` text. */
	const screen = async (name: string, shown: (string | RegExp)[]) => {
		for (const s of shown) await app.waitForText(s);
		const raw = app.output();
		assertInert(raw.slice(checkedUpTo), name);
		checkedUpTo = raw.length;
		visited.push(name);
	};
	try {
		await app.waitForText('<?> help');
		await screen('Regions and the header (STS account)', [/Regions \[\d+\]/, 'account 123456789012CLIP␛]52;c;']);

		await command(app, 'account');
		await screen('Account', ['Account in us-east-1', 'SANDBOXEDCLIP␛]52;c;', /Identity +arn:aws:iam::123456789012:user\/CLIP␛/]);

		await command(app, 'pools');
		await screen('Pools', [/Pools \[3\]/]);
		await app.press('enter');
		await screen('Pool identities', [/Pool .+ \(pool-\w+\) \[\d\]/]);
		await app.press('K');
		await screen('Pool keywords', [/Keywords of pool-/, /Keywords \[8\]/, 'RLO\\u202etxt.exe', 'C1\\u009b5;31m']);

		await command(app, 'numbers');
		await screen('Phone numbers', [/Phone numbers \[9\]/, '$0.00CLIP␛]52;c;']);
		await app.press('enter');
		await screen('Number detail with keywords', [/Phone number \+12065550100/, /Two-way channel +arn:aws:sns:us-east-1:123456789012:sms-inboundCLIP␛/, /Keywords \[8\]/, 'TITLE␛]0;PWNED␇', 'LINK␛]8;;http://x.io␇L␛]8;;␇']);
		// The last keyword (RLO…): its message holds every payload.
		await app.press('G');
		await app.press('e');
		await screen('Keyword edit form (a hostile message being edited)', [/Edit keyword RLO\\u202etxt\.exe on/, 'FORGED-ROW']);
		await app.press('escape');
		await app.waitForNoText(/Edit keyword/);

		await command(app, 'sender-ids');
		await screen('Sender IDs', [/Sender IDs \[2\]/, '$0.00CLIP␛]52;c;']);
		await app.press('enter');
		await screen('Sender ID detail', [/Sender ID SMSDECK \(GB\)/, /Monthly lease +\$0\.00CLIP␛/]);

		await command(app, 'config-sets');
		await screen('Configuration sets', [/Configuration sets \[6\]/]);
		await app.press('/');
		await app.waitForText('filter rows');
		await app.type('hostile-destinations');
		await app.press('enter');
		await app.waitForText(/Configuration sets \[1 of 6\]/);
		await app.waitForText('<?> help'); // the key hints are back: the filter bar has closed
		await app.press('enter');
		await screen('Configuration set detail with destinations', [/Event destinations \[3\]/, /log-group:xCLIP␛/, /deliverystream\/sms-eventsCLIP␛/]);

		await command(app, `tail ${HOSTILE_EVENTS_SET}`);
		await screen('Tail', [`[${HOSTILE_LOG_EVENT_COUNT} events]`, 'ok␊2026-01-01T00:00:00.000Z  TEXT_BLOCKED', 'LB␊FORGED-LF␍FORGED-CR']);
		// One row per event: the rows under the column titles all start with a time, however many line breaks
		// the events hold; the line after them is no row.
		const lines = app.lines();
		const head = lines.findIndex(l => /TIME +EVENT TYPE/.test(l));
		assert.ok(head > 0, app.describe());
		const rows = lines.slice(head + 1, head + 1 + HOSTILE_LOG_EVENT_COUNT);
		for (const row of rows) assert.match(row, /^ \d\d:\d\d:\d\d\.\d{3} /, `a tail row: ${JSON.stringify(row)}`);
		assert.doesNotMatch(lines[head + 1 + HOSTILE_LOG_EVENT_COUNT] ?? '', /^ \d\d:\d\d:\d\d\.\d{3} /, 'no more rows than events');
		assert.ok(!lines.some(l => /^\s*(FORGED|2026-01-01)/.test(l)), 'no forged row');
		await app.press('g');
		await app.press('enter');
		await screen('Tail event detail (JSON, hostile log stream name)', ['esc closes', /stream sms-voice\/hostile-events\/CLIP␛]52;c;\S+ WIPE␛\[2J ASK␛\[6n/, '"destinationPhoneNumber": "+14255550100CLIP\\u001b]52;c;']);
		await app.press('escape');
		await app.waitForNoText('esc closes');
		await app.press('G');
		await app.press('k');
		await app.press('enter');
		await screen('Tail event detail (raw line)', ['esc closes', /^ ok␊2026-01-01T00:00:00\.000Z {2}TEXT_BLOCKED/m]);
		await app.press('escape');
		await app.waitForNoText('esc closes');

		await command(app, 'opt-outs');
		await screen('Opt-out lists', [/Opt-out lists \[2\]/]);
		await app.press('enter');
		await screen('Opted-out numbers', [/Opt-out list \S+ \[\d\]/]);

		await command(app, 'registrations');
		await screen('Registrations (hostile names)', [/Registrations \[6\]/, /spring-promoCLIP␛]52;c;/]);
		await app.press('/');
		await app.type('spring');
		await app.press('enter');
		await app.waitForText(/Registrations \[1 of 6\]/);
		await app.press('enter');
		await screen('Registration detail (hostile values and denials)', [/Status +REQUIRES_UPDATES/, /denied: The opt-in page could not be reached.*CLIP␛]52;c;/]);

		await command(app, 'verified');
		await screen('Verified numbers (a hostile error)', [/Verified destination numbers \[0\]/, /CLIP␛]52;c;/]);
		await app.press('r');
		await screen('Verified numbers', [/Verified destination numbers \[2\]/]);

		await app.press('!');
		await screen('Error log', [/Error log \[\d+\]/, /CLIP␛]52;c;/]);
		// A key right behind esc would read as alt+key: let esc land first.
		await app.press('escape');
		await app.waitForNoText(/Error log \[/);
		await app.press('?');
		await screen('Help', [/Quit smsdeck/]);
		await app.press('escape');
		await app.waitForNoText(/Quit smsdeck/);
		await command(app, 'sim');
		await screen('Simulator', ['Simulator smoke test in us-east-1']);

		await command(app, 'quit');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
		assertInert(app.output(), 'the whole session');
		t.diagnostic(`${visited.length} screens checked: ${visited.join('; ')}; ${app.output().length.toLocaleString('en-US')} characters of raw output`);
	} finally {
		app.dispose();
	}
});
