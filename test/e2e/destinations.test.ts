// Configuration sets and event destinations as a person changes them: the real binary in a PTY against an
// in-process emulator, every change staged, reviewed with its aws command and applied, then read back from outside
// with the pip AWS CLI (and the Logs SDK for the log group). The simulator's MISCONFIGURED preflight stages its fix
// and the re-run passes. Read-only refuses.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {CloudWatchLogsClient, DeleteLogGroupCommand, DescribeLogGroupsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {emulatorWithCli} from '../helpers/emulatorWithCli.js';
import {command, filter, pressUntil} from '../helpers/consoleSteps.js';

const emu = emulatorWithCli('destinations');
const CREDENTIALS = {AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_EC2_METADATA_DISABLED: 'true'};
const ROLE = 'arn:aws:iam::123456789012:role/SMSEventsRole';

type Sets = {ConfigurationSets: {ConfigurationSetName: string; EventDestinations: {EventDestinationName: string; Enabled: boolean; MatchingEventTypes: string[]; CloudWatchLogsDestination?: {IamRoleArn: string; LogGroupArn: string}}[]}[]};

const console_ = (...extra: string[]) =>
	// Every service (sms-voice, Logs) at the emulator, as AWS_ENDPOINT_URL does for the CLI.
	spawnTerminal({args: ['--endpoint-url', emu.url, '--region', 'us-east-1', ...extra], cols: 150, rows: 42, env: {...CREDENTIALS, AWS_ENDPOINT_URL: emu.url}});

async function configSet(name: string) {
	const r = await emu.awsRaw('us-east-1', 'describe-configuration-sets', '--configuration-set-names', name);
	return r.code === 0 ? (r.json as Sets).ConfigurationSets[0] : undefined;
}

async function withLogs<T>(body: (client: CloudWatchLogsClient) => Promise<T>): Promise<T> {
	const client = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emu.url, credentials: {accessKeyId: CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: CREDENTIALS.AWS_SECRET_ACCESS_KEY}});
	try {
		return await body(client);
	} finally {
		client.destroy();
	}
}

const logGroups = () => withLogs(async client => ((await client.send(new DescribeLogGroupsCommand({}))).logGroups ?? []).map(g => g.logGroupName ?? ''));

/** y in the review, then the result; any key closes it. */
async function applyWithY(app: TerminalSession, changes = 1) {
	await app.waitForText('Apply? y applies');
	await app.press('y');
	await app.waitForText(`Applied ${changes} of ${changes} change`);
	await app.press('escape');
	await app.waitForNoText(`Applied ${changes} of ${changes} change`);
}

/** :sim with the configuration set picked by name, run. */
async function runSimulatorWith(app: TerminalSession, set: string) {
	await command(app, 'sim');
	await app.waitForText('Simulator smoke test in us-east-1');
	await pressUntil(app, ['k'], /▸ Release number|▸ Channel/);
	await pressUntil(app, ['k'], /▸ Configuration set/);
	await app.press('e');
	await app.waitForText(/1 of \d+/);
	await app.type(set);
	await app.waitForText(`‹ ${set} › `);
	await app.press('enter');
	await app.waitForText(new RegExp(`▸ Configuration set +${set}`));
	await app.press('enter');
}

test('a configuration set is created, gets a CloudWatch Logs destination with a new log group, is disabled, enabled and deleted — each staged and reviewed', async () => {
	const app = console_();
	try {
		await app.waitForText('<?> help');
		await command(app, 'configsets');
		await app.waitForText(/Configuration sets\s+\[\d+\]/);

		// A name the service would refuse is refused in the form.
		await app.press('a');
		await app.waitForText('New configuration set');
		await app.type('e2e events');
		await app.waitForText('may hold only letters, digits, _ and -');
		await app.press('ctrl+u');
		await app.type('e2e-events');
		await app.press('enter');
		await app.waitForText('+ New configuration set e2e-events');
		await app.waitForText('aws pinpoint-sms-voice-v2 create-configuration-set --configuration-set-name e2e-events');
		assert.equal(await configSet('e2e-events'), undefined, 'nothing is sent before the review is confirmed');
		await applyWithY(app);
		assert.deepEqual((await configSet('e2e-events'))?.EventDestinations, []);

		await filter(app, 'e2e-events');
		await app.waitForText(/\[1 of \d+\]/);
		await app.press('enter');
		await app.waitForText('Configuration set e2e-events');
		await app.waitForText('No event destinations');

		// The destination: name, CloudWatch Logs, a new log group, the role, ALL events (ticked by default).
		await app.press('a');
		await app.waitForText('New event destination on e2e-events');
		await app.type('cwl');
		await app.press('tab'); // kind: CloudWatch Logs
		await app.press('tab'); // log group: an existing group
		await app.press('right');
		await app.waitForText('a new group (created with it)');
		await app.press('tab');
		await app.type('e2e-events-log');
		await app.press('tab');
		await app.type('not-a-role');
		await app.waitForText('"not-a-role" is not an IAM role ARN');
		await app.press('ctrl+u');
		await app.type(ROLE);
		await app.press('tab');
		await app.waitForText(/Event types +‹ ALL ✓ ›/);
		await app.press('enter');
		await app.waitForText('+ New CloudWatch Logs event destination cwl on e2e-events (and its log group e2e-events-log)');
		await app.waitForText('aws logs create-log-group --log-group-name e2e-events-log');
		await app.waitForText('create-event-destination --configuration-set-name e2e-events --event-destination-name cwl --matching-event-types');
		await applyWithY(app);
		await app.waitForText(/cwl +yes +CloudWatch Logs +ALL/);
		let d = (await configSet('e2e-events'))!.EventDestinations[0];
		assert.deepEqual(
			{name: d.EventDestinationName, enabled: d.Enabled, types: d.MatchingEventTypes, role: d.CloudWatchLogsDestination?.IamRoleArn, group: d.CloudWatchLogsDestination?.LogGroupArn},
			{name: 'cwl', enabled: true, types: ['ALL'], role: ROLE, group: 'arn:aws:logs:us-east-1:123456789012:log-group:e2e-events-log'},
		);
		assert.ok((await logGroups()).includes('e2e-events-log'));

		// Disable, then enable: each with its update-event-destination command.
		await app.press('E');
		await app.waitForText('~ Disable event destination cwl on e2e-events');
		await app.waitForText('--event-destination-name cwl --no-enabled');
		await applyWithY(app);
		await app.waitForText(/cwl +no +CloudWatch Logs/);
		d = (await configSet('e2e-events'))!.EventDestinations[0];
		assert.equal(d.Enabled, false);
		await app.press('E');
		await app.waitForText('~ Enable event destination cwl on e2e-events');
		await app.waitForText('--event-destination-name cwl --enabled');
		await applyWithY(app);
		await app.waitForText(/cwl +yes +CloudWatch Logs/);
		assert.equal((await configSet('e2e-events'))!.EventDestinations[0].Enabled, true);

		// Delete needs the typed word; y alone does nothing.
		await app.press('d');
		await app.waitForText('- Delete event destination cwl on e2e-events');
		await app.waitForText('Type "delete" to apply');
		await app.type('y');
		await app.press('enter');
		await app.waitForText('Type "delete" exactly to confirm');
		assert.equal((await configSet('e2e-events'))!.EventDestinations.length, 1);
		await app.press('ctrl+u');
		await app.type('delete');
		await app.press('enter');
		await app.waitForText('Applied 1 of 1 change');
		await app.press('escape');
		await app.waitForText('No event destinations');
		assert.deepEqual((await configSet('e2e-events'))!.EventDestinations, []);
	} finally {
		app.dispose();
	}
});

test('simulator: a disabled destination whose log group is gone stops the preflight MISCONFIGURED; F stages both fixes, they are applied, and the re-run passes', async () => {
	assert.equal((await configSet('staging'))!.EventDestinations[0].Enabled, false);
	await withLogs(client => client.send(new DeleteLogGroupCommand({logGroupName: 'sms-staging-events'})));
	const app = console_();
	try {
		await app.waitForText('<?> help');
		await runSimulatorWith(app, 'staging');
		await app.waitForText(' MISCONFIGURED ');
		await app.waitForText('the CloudWatch Logs destination staging-cwl is disabled, and its log group sms-staging-events does not exist');
		await app.waitForText('<F> stages this fix for review');
		await app.press('F');
		await app.waitForText('Review 2 staged changes');
		await app.waitForText('+ New CloudWatch Logs group sms-staging-events');
		await app.waitForText('aws logs create-log-group --log-group-name sms-staging-events');
		await app.waitForText('~ Enable event destination staging-cwl on staging');
		await app.waitForText('update-event-destination --configuration-set-name staging --event-destination-name staging-cwl --enabled');
		await applyWithY(app, 2);
		assert.equal((await configSet('staging'))!.EventDestinations[0].Enabled, true);
		assert.ok((await logGroups()).includes('sms-staging-events'));
		await app.press('R');
		await app.waitForText(' PASS ', {timeoutMs: 30_000});
	} finally {
		app.dispose();
	}
});

test('simulator: a set without a CloudWatch Logs destination: F opens the destination form (new log group), the fix is applied, and the re-run passes', async () => {
	const made = await emu.awsRaw('us-east-1', 'create-configuration-set', '--configuration-set-name', 'sim-bare');
	assert.equal(made.code, 0, made.err);
	const app = console_();
	try {
		await app.waitForText('<?> help');
		await runSimulatorWith(app, 'sim-bare');
		await app.waitForText('configuration set sim-bare has no CloudWatch Logs event destination');
		await app.press('F');
		await app.waitForText('New event destination on sim-bare');
		await app.waitForText(/New group name +sms-sim-bare-events/);
		await app.waitForText(/Event types +TEXT_ALL/);
		// The role is the one thing to type (no destination of the set has one).
		for (let i = 0; i < 4; i++) await app.press('tab');
		await app.waitForText(/› IAM role ARN/);
		await app.type(ROLE);
		await app.press('enter');
		await app.waitForText('(and its log group sms-sim-bare-events)');
		await applyWithY(app);
		assert.ok((await logGroups()).includes('sms-sim-bare-events'));
		await app.press('R');
		await app.waitForText(' PASS ', {timeoutMs: 30_000});
	} finally {
		app.dispose();
	}
});

test('read-only: the add key on the configuration sets is refused and nothing is staged', async () => {
	const app = console_('--read-only');
	try {
		await app.waitForText('<?> help');
		await command(app, 'config-sets');
		await app.waitForText(/Configuration sets\s+\[\d+\]/);
		await app.press('a');
		await app.waitForText('Read-only: "add" is disabled');
		assert.doesNotMatch(app.screen(), /New configuration set/);
	} finally {
		app.dispose();
	}
});
