// A profile whose role needs MFA: the console asks for the code in its own prompt (works over ssh), once for all
// Regions, and then carries on as that role. STS is the emulator's (AWS_ENDPOINT_URL_STS), as AWS would be.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawnShell, spawnTerminal} from '../helpers/terminal.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';

let emulator: RunningEmulator;
let env: Record<string, string>;
before(async () => {
	emulator = await startEmulator({port: 0, quiet: true});
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-mfa-'));
	writeFileSync(
		join(dir, 'config'),
		'[profile base]\nregion = us-east-1\n\n[profile oncall]\nrole_arn = arn:aws:iam::123456789012:role/sms-operator\n' +
			'source_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/oncall\nregion = us-east-1\n',
	);
	writeFileSync(join(dir, 'credentials'), '[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = basesecret\n');
	env = {
		AWS_CONFIG_FILE: join(dir, 'config'),
		AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
		AWS_ENDPOINT_URL_STS: emulator.url,
		AWS_ACCESS_KEY_ID: '',
		AWS_SECRET_ACCESS_KEY: '',
	};
});
after(() => emulator.close());

test('the console asks for the MFA code once, refuses a malformed one, then shows the account', async () => {
	const app = spawnTerminal({args: ['--profile', 'oncall', '--endpoint-url', emulator.url], cols: 120, rows: 30, env});
	try {
		await app.waitForText('MFA code (mfa/oncall)');
		await app.type('12345');
		await app.press('enter');
		await app.waitForText('An MFA code is 6 digits');
		await app.press('backspace', 'backspace', 'backspace', 'backspace', 'backspace');
		await app.type('654321');
		await app.press('enter');
		await app.waitForText('account 123456789012', {timeoutMs: 10_000});
		await app.waitForText(/us-east-1 .* \d+ +\d+ +\d+/, {timeoutMs: 10_000});
		assert.doesNotMatch(app.screen(), /MFA code \(/, 'asked once for every Region');
	} finally {
		app.dispose();
	}
});

test('a scriptable command asks on the terminal (stderr), or refuses without one', async () => {
	const shell = spawnShell({cols: 160, rows: 20, env});
	try {
		let result = await shell.run(`smsdeck pools --profile oncall --endpoint-url ${emulator.url} < /dev/null; echo "code=$?"`, {timeoutMs: 10_000});
		assert.match(result.output, /needs an MFA code .* no terminal to ask on/);
		assert.match(result.output, /code=1/);
		await shell.start(`smsdeck pools --profile oncall --endpoint-url ${emulator.url}`);
		await shell.waitForText('MFA code for arn:aws:iam::123456789012:mfa/oncall:');
		await shell.type('123456');
		await shell.press('enter');
		assert.equal(await shell.waitForExit({timeoutMs: 10_000}), 0);
		assert.match(shell.screen(), /pool-[0-9a-f]{32} +ACTIVE/);
	} finally {
		shell.dispose();
	}
});
