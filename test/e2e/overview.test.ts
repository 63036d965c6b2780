// The Region overview, the relations view (X) and the raw view (y), driven as a person would: the real binary in a
// PTY against the emulator's default seed (and its hostile seed for the raw and relations text).
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {command, filter, lineWith} from '../helpers/consoleSteps.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';

test('region overview: enter on a Region switches to it and opens its counts; :overview shows the active Region', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40});
	try {
		await app.waitForText('<?> help');
		await app.waitForText(/Regions \[\d+\]/);
		await filter(app, 'eu-west-2');
		await app.press('enter');
		await app.waitForText('Region set to eu-west-2');
		// The Region switcher stays below: the overview is pushed on it.
		await app.waitForText('eu-west-2 › Regions › Overview');
		await app.waitForText('Region overview eu-west-2 — Europe (London)');
		await app.waitForText(/Phone numbers by type \(2\)/);
		await app.waitForText(/LONG_CODE +2 +ACTIVE 2/);
		await app.waitForText(/Sender IDs by country \(1\)/);
		await app.waitForText(/GB +1 +unregistered 1/);
		await app.waitForText(/Pools by message type \(1\)/);
		await app.waitForText(/Configuration sets \(1\)$/m);
		await app.waitForText(/uk-events +1 destination · enabled: CloudWatch Logs/);
		await app.press('escape');
		await app.waitForText(/Regions \[1 of \d+\]/);

		await command(app, 'region us-east-1');
		await app.waitForText('Region set to us-east-1');
		await command(app, 'overview');
		await app.waitForText('Region overview us-east-1');
		await app.waitForText(/Tier +SANDBOXED +sandbox/);
		// Spend limits: the enforced limit against the account's maximum, and this month's spend (CloudWatch), per channel.
		await app.waitForText(/SMS +\$1 enforced of \$1 max · \$0 this month \(0\.0%\) +overridden/);
		await app.waitForText(/Voice +\$1 enforced of \$1 max · \$0 this month \(0\.0%\) +default: the account maximum/);
		await app.waitForText(/MMS +\$1 enforced of \$1 max · \$0 this month/);
		await app.waitForText(/Phone numbers by type \(9\)/);
		await app.waitForText(/TEN_DLC +4 +ACTIVE 3 · PENDING 1/);
		await app.waitForText(/TOLL_FREE +1 +ACTIVE 1/);
		await app.waitForText(/Pools by message type \(3\)/);
		await app.waitForText(/TRANSACTIONAL +2 +ACTIVE 2/);
		await app.waitForText(/PROMOTIONAL +1 +ACTIVE 1/);
		// Destinations' health: a set with no enabled CloudWatch Logs destination is flagged.
		await app.waitForText('Configuration sets (4, 2 need a look)');
		await app.waitForText(/✗ marketing +2 destinations · enabled: Firehose, SNS\n +no enabled CloudWatch Logs destination: nothing to tail/);
		await app.waitForText(/✗ staging +1 destination · 1 disabled \(CloudWatch Logs\)\n +every destination is disabled/);
		await app.waitForText(/✓ transactional +1 destination · enabled: CloudWatch Logs$/m);
		await app.waitForText(/✓ smsdeck-simulator +1 destination · enabled: CloudWatch Logs$/m);

		// enter on a configuration set's line opens it.
		await filter(app, 'marketing');
		await app.waitForText(/\/marketing 1 of \d+/);
		await app.press('enter');
		await app.waitForText('Event destinations [2]');
		await app.press('escape');
		await app.waitForText('/marketing 1 of');
		// esc clears the filter, as on every list.
		await app.press('escape');
		await app.waitForText('Configuration sets (4, 2 need a look)');

		// Another Region's figures are its own: production tier, its spend limits.
		await command(app, 'region us-west-2');
		await app.waitForText('Region set to us-west-2');
		await app.waitForText('Region overview us-west-2');
		await app.waitForText(/Tier +PRODUCTION/);
		await app.waitForText(/SMS +\$250 enforced of \$1,000 max/);
		await app.waitForText(/Voice +\$100 enforced of \$500 max/);
		await app.waitForText(/MMS +\$50 enforced of \$500 max/);
		await app.waitForText(/Phone numbers by type \(3\)/);

		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

test('region overview at 80×24 in ASCII: it scrolls, a flagged set keeps its reason in full, no Unicode', async () => {
	const app = spawnTerminal({args: ['--local', '--ascii'], cols: 80, rows: 24});
	try {
		await app.waitForText('<?> help');
		await command(app, 'ov');
		await app.waitForText('Region overview us-east-1 - US East (N. Virginia)');
		// The position shows there is more below.
		await app.waitForText(/1\/\d+ *$/m);
		await app.waitForNoText('transactional');
		await app.press('G');
		await app.waitForText(/\+ transactional +1 destination, enabled: CloudWatch Logs/);
		await app.waitForText(/x marketing +2 destinations, enabled: Firehose, SNS\n +no enabled CloudWatch Logs destination: nothing to tail$/m);
		await app.waitForText(/TEN_DLC +4 +ACTIVE 3, PENDING 1/);
		await app.waitForText(/(\d+)\/\1 *$/m);
		const body = app.lines().slice(2, -1).join('\n');
		assert.match(body, /^[\x20-\x7e\n]*$/, `non-ASCII on the overview:\n${body}`);
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

test('relations: number → pool → opt-out list and keywords; pool → numbers; config set → destination → tail; sender ID → pool', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40});
	try {
		await app.waitForText('<?> help');
		await command(app, 'numbers');
		await app.waitForText('Phone numbers [9]');
		await filter(app, '+12065550150');
		await app.waitForText('Phone numbers [1 of 9]');
		await app.press('X');
		await app.waitForText('Relations of Phone number +12065550150');
		await app.waitForText(/^ Phone number \+12065550150 +phone-\w+ · TEN_DLC · ACTIVE/m);
		await app.waitForText(/└─ Pool pool-\w+ +TRANSACTIONAL · ACTIVE/);
		await app.waitForText(/├─ Opt-out list Default +3 opted-out numbers/);
		await app.waitForText(/└─ Keywords of pool-\w+ +2 keywords/);
		const pool = /Pool (pool-\w+)/.exec(lineWith(app, '└─ Pool'))![1];

		// The pool's opt-out list, then its keywords.
		await app.press('j', 'j');
		await app.press('enter');
		await app.waitForText('Opt-out list Default [3]');
		await app.press('escape');
		await app.waitForText(/├─ Opt-out list Default/);
		await app.press('g', 'j', 'j', 'j');
		await app.press('enter');
		await app.waitForText(`Keywords of ${pool}`);
		await app.waitForText(/STOP/);
		await app.press('escape');
		await app.waitForText(/├─ Opt-out list Default/);
		// The pool itself opens from its line; X on the pools list shows its numbers and sender IDs.
		await app.press('g', 'j');
		await app.press('enter');
		await app.waitForText(new RegExp(`Pool transactional-us \\(${pool}\\) \\[3\\]`));
		await command(app, 'pools');
		await filter(app, pool);
		await app.waitForText('Pools [1 of 3]');
		await app.press('X');
		await app.waitForText(`Relations of Pool ${pool}`);
		await app.waitForText(/├─ Origination identities \(3\)/);
		await app.waitForText(/│  ├─ Phone number \+12065550150 +phone-\w+ · US/);
		await app.waitForText(/│  └─ Phone number \+18335550142/);
		await app.waitForText(/└─ Keywords of pool-/);

		// A configuration set: its destinations and the tail of its CloudWatch Logs one.
		await command(app, 'config-sets');
		await filter(app, 'transactional');
		await app.waitForText('Configuration sets [1 of 4]');
		await app.press('X');
		await app.waitForText('Relations of Configuration set transactional');
		await app.waitForText(/└─ Destination events-cwl \(CloudWatch Logs\) +enabled · arn:aws:logs:us-east-1:\d+:log-group:sms-transactional-events/);
		await app.waitForText(/└─ Tail events-cwl +live events of its log group/);
		await app.press('G');
		await app.press('enter');
		await app.waitForText(/Tail transactional/);
		await app.waitForText(/sms-transactional-events/);

		// A sender ID: the pool that holds it (the service does not say; the pools are searched).
		await command(app, 'sender-ids');
		await filter(app, 'SMSDECK');
		await app.waitForText('Sender IDs [1 of 2]');
		await app.press('X');
		await app.waitForText('Relations of Sender ID SMSDECK (GB)');
		await app.waitForText(/└─ Pool pool-\w+ +TRANSACTIONAL · ACTIVE/);
		await app.press('j');
		await app.press('enter');
		await app.waitForText(/Pool \S+ \(pool-\w+\) \[1\]/);
		await app.waitForText(/SMSDECK +GB/);

		// A : command opens a fresh screen (no filter carried over from the last time).
		await command(app, 'sender-ids');
		await app.waitForText('Sender IDs [2]');
		await filter(app, 'ACMEALERTS');
		await app.waitForText('Sender IDs [1 of 2]');
		await app.press('X');
		await app.waitForText(/└─ Not in a pool +none of the 3 pools holds it/);

		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

test('raw view: the JSON the service returns for a row or a detail, scrollable, with the aws command', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 80, rows: 24});
	try {
		await app.waitForText('<?> help');
		await command(app, 'pools');
		await app.waitForText('Pools [3]');
		await filter(app, 'PROMOTIONAL');
		await app.press('y');
		await app.waitForText(/Raw Pool pool-\w+/);
		await app.waitForText('"Pools": [');
		await app.waitForText('"MessageType": "PROMOTIONAL"');
		await app.waitForText('"OptOutListName": "marketing-optouts"');
		// The whole command, wrapped at spaces below the JSON.
		await app.waitForText(/\$ aws pinpoint-sms-voice-v2 describe-pools --pool-ids$/m);
		await app.waitForText(/^ pool-\w+ --region us-east-1 --endpoint-url$/m);

		await command(app, 'numbers');
		await filter(app, '+12065550150');
		await app.press('enter');
		await app.waitForText(/Number +\+12065550150/);
		await app.press('y');
		await app.waitForText('Raw Phone number +12065550150');
		await app.waitForText('"PhoneNumbers": [');
		await app.waitForText(/\$ aws pinpoint-sms-voice-v2 describe-phone-numbers --phone-number-ids$/m);
		await app.waitForText(/^ phone-\w+ --region us-east-1 --endpoint-url$/m);
		// Longer than the screen: the end is one G away.
		await app.waitForNoText('"PoolId"');
		await app.press('G');
		await app.waitForText(/"PoolId": "pool-\w+"/);
		await app.waitForText(/(\d+)\/\1 *$/m);
		await app.press('escape');
		await app.waitForText(/Number +\+12065550150/);

		// Rows that are not resources of their own: an opted-out number, a verified destination.
		await command(app, 'opt-outs');
		await filter(app, 'marketing');
		await app.press('enter');
		await app.waitForText('Opt-out list marketing-optouts [2]');
		await app.press('y');
		await app.waitForText(/Raw Opted-out number \+1\d+ \(marketing-optouts\)/);
		await app.waitForText('"OptOutListName": "marketing-optouts"');
		await app.waitForText(/"OptedOutNumber": "\+1\d+"/);
		await app.waitForText(/\$ aws pinpoint-sms-voice-v2 describe-opted-out-numbers/);
		await command(app, 'verified');
		await app.waitForText(/Verified destination numbers \[2\]/);
		await app.press('y');
		await app.waitForText(/"VerifiedDestinationNumberId": "verified-[0-9a-f]+$/m);
		// A value too long for 80 columns goes on below, indented, not cut.
		await app.waitForText(/^ {11}[0-9a-f]*",?$/m);
		await app.waitForText(/\$ aws pinpoint-sms-voice-v2 describe-verified-destination-numbers/);
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

let hostile: RunningEmulator;
before(async () => {
	hostile = await startEmulator({port: 0, quiet: true, seed: 'hostile'});
});
after(() => hostile.close());

test('hostile seed: the overview, raw JSON and relations show planted escapes as text, never act on them', async () => {
	const app = spawnTerminal({args: ['--region', 'us-east-1'], cols: 160, rows: 45, env: {AWS_ENDPOINT_URL: hostile.url}});
	const inert = (where: string) => {
		const raw = app.output();
		for (const [pattern, why] of [
			[/\x1b[^[]/, 'an escape other than CSI'],
			[/[\u0080-\u009f]/, 'a C1 control'],
			[/\x1b\[6n/, 'the planted ESC[6n'],
			[/[\u202a-\u202e]/, 'a bidi override'],
		] as const) {
			assert.equal(pattern.exec(raw), null, `${where}: ${why}`);
		}
	};
	try {
		await app.waitForText('<?> help');
		await command(app, 'overview');
		await app.waitForText('Region overview us-east-1');
		await app.waitForText(/Tier +SANDBOXEDCLIP␛\]52;c;/);
		inert('overview');
		await command(app, 'numbers');
		await app.waitForText(/Phone numbers \[9\]/);
		await app.press('y');
		await app.waitForText(/"MonthlyLeasingPrice": "0.00CLIP\\u001b\]52;c;/);
		inert('raw number');
		await command(app, 'config-sets');
		await filter(app, 'marketing');
		await app.press('X');
		await app.waitForText(/Destination events-firehose \(Firehose\) +enabled · arn:aws:firehose:\S*CLIP␛/);
		inert('relations of a configuration set');
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

/** One sms-voice call straight to an emulator, as another client of the account would make it. */
async function smsCall(url: string, operation: string, body: object): Promise<void> {
	const res = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-amz-json-1.0',
			'x-amz-target': `PinpointSMSVoiceV2.${operation}`,
			authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/sms-voice/aws4_request, SignedHeaders=host, Signature=0',
		},
		body: JSON.stringify(body),
	});
	assert.equal(res.status, 200, `${operation}: ${await res.text()}`);
}

test('region overview: r, or opening it again, shows what changed in the account (new numbers, a destination turned off)', async () => {
	const emulator = await startEmulator({port: 0, quiet: true, seed: 'default'});
	const app = spawnTerminal({args: ['--region', 'us-east-1'], cols: 140, rows: 40, env: {AWS_ENDPOINT_URL: emulator.url}});
	try {
		await app.waitForText('<?> help');
		await command(app, 'overview');
		await app.waitForText(/Phone numbers by type \(9\)/);
		await app.waitForText(/SIMULATOR +1 +ACTIVE 1/);
		await app.waitForText('Configuration sets (4, 2 need a look)');
		await smsCall(emulator.url, 'RequestPhoneNumber', {IsoCountryCode: 'US', MessageType: 'TRANSACTIONAL', NumberCapabilities: ['SMS'], NumberType: 'SIMULATOR'});
		await smsCall(emulator.url, 'UpdateEventDestination', {ConfigurationSetName: 'transactional', EventDestinationName: 'events-cwl', Enabled: false});
		await app.press('r');
		await app.waitForText(/Phone numbers by type \(10\)/);
		await app.waitForText(/SIMULATOR +2 +ACTIVE 2/);
		await app.waitForText('Configuration sets (4, 3 need a look)');
		await app.waitForText(/✗ transactional +1 destination · 1 disabled \(CloudWatch Logs\)\n +every destination is disabled/);
		// Opened again later, it reads the account again.
		await command(app, 'pools');
		await app.waitForText(/Pools \[3\]/);
		await smsCall(emulator.url, 'RequestPhoneNumber', {IsoCountryCode: 'US', MessageType: 'TRANSACTIONAL', NumberCapabilities: ['SMS'], NumberType: 'SIMULATOR'});
		await command(app, 'overview');
		await app.waitForText(/Phone numbers by type \(11\)/);
		await app.waitForText(/SIMULATOR +3 +ACTIVE 3/);
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
		await emulator.close();
	}
});
