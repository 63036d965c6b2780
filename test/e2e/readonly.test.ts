// Read-only holds on every path a change can take: each edit key on every screen and :sim after `:profile` into a
// read-only profile, an edit staged before the switch and applied after it, every change subcommand and simulate —
// with a preferences file that is not even valid JSON. The emulator's saved state, its sent messages and the
// operations it was asked for show that nothing reached it.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {distPath, nodeBinary, spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {command, pressUntil} from '../helpers/consoleSteps.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';

const run = promisify(execFile);
let emu: RunningEmulator;
let dir: string;
let statePath: string;
let env: Record<string, string>;

interface Signed {
	operation: string;
	service: string;
}

const admin = async (action: string, body: unknown = {}) =>
	(await fetch(`${emu.url}/_smsdeck/${action}`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)})).json() as Promise<any>;

before(async () => {
	dir = mkdtempSync(join(tmpdir(), 'smsdeck-readonly-'));
	statePath = join(dir, 'state.json');
	emu = await startEmulator({port: 0, quiet: true, eventDelayMs: 5, statePath});
	writeFileSync(join(dir, 'config'), '[profile dev]\nregion = us-east-1\n\n[profile prod-eu]\nregion = us-east-1\n');
	writeFileSync(
		join(dir, 'credentials'),
		'[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = d\n\n[prod-eu]\naws_access_key_id = AKIDPROD\naws_secret_access_key = p\n',
	);
	// Damaged preferences: a bad value and a truncated end. The read-only patterns must still hold.
	mkdirSync(join(dir, 'prefs'));
	writeFileSync(join(dir, 'prefs', 'config.json'), '{"theme": "dark", "readOnlyProfiles": ["prod-*"], "keys": {"nav.down": ["j"');
	env = {
		AWS_CONFIG_FILE: join(dir, 'config'),
		AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
		AWS_ENDPOINT_URL: emu.url,
		SMSDECK_CONFIG_DIR: join(dir, 'prefs'),
		AWS_ACCESS_KEY_ID: '',
		AWS_SECRET_ACCESS_KEY: '',
	};
});

after(async () => {
	await emu.close();
	rmSync(dir, {recursive: true, force: true});
});

/**
 * The saved state without its time stamp and without the Regions the emulator only set up because they were
 * read (browsing every Region creates their empty state): what a change would alter.
 */
function savedState(keepRegions?: Set<string>): {text: string; regions: Set<string>} {
	const state = JSON.parse(readFileSync(statePath, 'utf8'));
	delete state.savedAt;
	// Per service: a Region one service was seeded in (Pinpoint's eu-west-1) is not one the others had.
	const regions = new Set<string>();
	for (const [name, service] of Object.entries(state.services as Record<string, {regions?: Record<string, unknown>}>)) {
		for (const region of Object.keys(service.regions ?? {})) {
			if (keepRegions && !keepRegions.has(`${name}/${region}`)) delete service.regions![region];
			else regions.add(`${name}/${region}`);
		}
	}
	return {text: JSON.stringify(state), regions};
}

/** What must not move: the saved state, the messages sent, and which operations were asked for. */
async function snapshot(keepRegions?: Set<string>) {
	const requests: Signed[] = (await admin('requests')).requests;
	const saved = savedState(keepRegions);
	return {
		state: saved.text,
		regions: saved.regions,
		sent: (await admin('sentMessages')).messages.length as number,
		changes: requests.filter(r => !/^(Describe|List|Get|Filter)/.test(r.operation) && r.operation !== 'StartLiveTail').map(r => `${r.service}:${r.operation}`),
	};
}

/** Presses an edit key and waits for the console to say it is disabled. */
async function refused(app: TerminalSession, key: string, hint: string) {
	const toast = `Read-only: "${hint}" is disabled`;
	// The same words still on screen from an earlier key would satisfy the wait: let them go first.
	if (app.screen().includes(toast)) await app.waitForNoText(toast, {timeoutMs: 10_000});
	// A key pressed as a screen appears can come before the screen has bound its keys: pressed again until answered
	// (refused keys change nothing, so pressing twice is harmless).
	await pressUntil(app, [key], toast);
}

test('the console: an edit staged as dev stays unapplied after :profile prod-eu, and every edit key is refused', async () => {
	await admin('clearRequests');
	const before = await snapshot();
	const app = spawnTerminal({args: ['--profile', 'dev'], cols: 160, rows: 40, env});
	try {
		await app.waitForText(/profile dev .* RW/);
		// Stage a keyword while read-write (nothing is sent until applied).
		await command(app, 'numbers');
		await app.waitForText(/Phone numbers\s+\[\d+\]/);
		await app.press('/');
		await app.type('+12065550100');
		await app.press('enter');
		await app.waitForText(/\[1 of \d+\]/);
		await app.waitForText('<?> help'); // the key hints are back: the filter bar has closed
		await app.press('enter');
		await app.waitForText(/HELP +AUTOMATIC_RESPONSE/);
		await app.press('a');
		await app.waitForText('Add a keyword to');
		await app.type('JOIN');
		await app.press('tab');
		await app.type('Welcome');
		await app.press('enter');
		await app.waitForText('Review 1 staged change');
		await app.press('escape');

		await command(app, 'profile prod-eu');
		await app.waitForText(/profile prod-eu .* RO/);
		await app.waitForText('read-only (readOnlyProfiles "prod-*")');
		// The new connection reloads the screen (its keywords are not drawn, nor their keys bound, until then).
		await app.waitForText(/HELP +AUTOMATIC_RESPONSE/);

		// The number's detail: every edit key.
		for (const [key, hint] of [['a', 'add'], ['e', 'edit'], ['d', 'delete'], ['o', 'settings'], ['x', 'release'], ['w', 'write'], ['u', 'undo']]) {
			await refused(app, key, hint);
		}
		// The staged edit, reviewed through the quit dialog (its keys are not edit keys) and confirmed: the clients of
		// the read-only connection refuse it, and it stays staged.
		await app.press('q');
		await app.waitForText('Quit and lose them?');
		await app.press('w');
		await app.waitForText('Review 1 staged change');
		await app.press('y');
		await app.waitForText('Applied 0 of 1 change');
		await app.waitForText('PutKeyword refused: this connection is read-only');
		await app.press('escape');

		await command(app, 'numbers');
		await app.waitForText(/Phone numbers\s+\[(\d+ of )?\d+\]/);
		await refused(app, 'n', 'request number');
		await refused(app, 'x', 'release');
		await command(app, 'pools');
		await app.waitForText(/Pools\s+\[\d+\]/);
		await refused(app, 'o', 'settings');
		await command(app, 'account');
		await app.waitForText(/Spend limits \(monthly, USD\) — read-only/);
		await refused(app, 'e', 'edit');
		await refused(app, 'd', 'delete');
		await command(app, 'opt-outs');
		await app.waitForText(/Opt-out lists\s+\[\d+\]/);
		await app.press('enter');
		await app.waitForText(/Opted-out numbers|opted out/i);
		await refused(app, 'a', 'add');
		await refused(app, 'd', 'delete');
		await command(app, 'sim');
		await app.waitForText('Sends to simulator numbers');
		await refused(app, 'enter', 'run');
	} finally {
		app.dispose();
	}
	const after_ = await snapshot(before.regions);
	assert.deepEqual(after_.changes, [], 'no change reached the emulator');
	assert.equal(after_.sent, before.sent, 'no message was sent');
	assert.equal(after_.state, before.state, 'the saved state is unchanged');
});

test('every change subcommand and simulate refuse for a read-only profile (--profile, AWS_PROFILE) and with --read-only', async () => {
	await admin('clearRequests');
	const before = await snapshot();
	const number = '+12065550100';
	const changes: string[][] = [
		['keywords', 'set', '--origination', number, '--keyword', 'JOIN', '--message', 'Welcome', '--yes'],
		['keywords', 'delete', '--origination', number, '--keyword', 'JOIN', '--yes'],
		['spend', 'set', 'text', '1', '--yes'],
		['spend', 'clear', 'text', '--yes'],
		['opt-outs', 'add', '--list', 'Default', '+14255550123', '--yes'],
		['opt-outs', 'remove', '--list', 'Default', '+14255550123', '--yes'],
		['simulate'],
		['simulate', '--request-number', '--yes', '--region', 'eu-west-2'],
	];
	const ways: {label: string; args: string[]; extra: Record<string, string>}[] = [
		{label: '--profile prod-eu', args: ['--profile', 'prod-eu'], extra: {}},
		{label: 'AWS_PROFILE=prod-eu', args: [], extra: {AWS_PROFILE: 'prod-eu'}},
		{label: '--read-only as dev', args: ['--read-only', '--profile', 'dev'], extra: {}},
	];
	for (const way of ways) {
		for (const change of changes) {
			const full = {...process.env, ...env, ...way.extra, PATH: process.env.PATH ?? '/usr/bin:/bin'} as Record<string, string>;
			for (const [k, v] of Object.entries(full)) if (v === '') delete full[k];
			const result = await run(nodeBinary(), [distPath(), ...change, ...way.args], {env: full}).then(
				r => ({code: 0, stderr: r.stderr}),
				(error: {code: number; stderr: string}) => ({code: error.code, stderr: error.stderr}),
			);
			const what = `${change.join(' ')} (${way.label})`;
			assert.equal(result.code, 2, `${what}: ${result.stderr}`);
			assert.match(result.stderr, /refused, (--read-only is set|profile prod-eu is read-only \(readOnlyProfiles "prod-\*" in preferences\)); nothing was sent/, what);
		}
	}
	const after_ = await snapshot(before.regions);
	assert.deepEqual(after_.changes, [], 'no change reached the emulator');
	assert.equal(after_.sent, before.sent);
	assert.equal(after_.state, before.state);
});
