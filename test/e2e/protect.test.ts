// Protect configurations as a person uses them: the real binary in a PTY against an in-process emulator, every change
// read back with the AWS CLI (pip v1). Country rules are changed one by one and for every country shown, reviewed
// with their aws commands and applied; a configuration set is associated, the account default set, and "which rule
// applies?" answers from those changes. Read-only refuses.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal} from '../helpers/terminal.js';
import {emulatorWithCli} from '../helpers/emulatorWithCli.js';
import {command, filter, lineWith} from '../helpers/consoleSteps.js';

const emu = emulatorWithCli('protect');

type Configs = {ProtectConfigurations: {ProtectConfigurationId: string; AccountDefault: boolean}[]};
type RuleSet = {CountryRuleSet: Record<string, {ProtectStatus: string}>};

const env = {AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_EC2_METADATA_DISABLED: 'true'};

test('country rules staged one by one and for every country shown, applied in one call per capability; associate, account default, which rule applies', async () => {
	const id = (await emu.aws<Configs>('describe-protect-configurations')).ProtectConfigurations[0].ProtectConfigurationId;
	const rules = async (capability: string) => (await emu.aws<RuleSet>('get-protect-configuration-country-rule-set', '--protect-configuration-id', id, '--number-capability', capability)).CountryRuleSet;
	const app = spawnTerminal({args: ['--endpoint-url', emu.url, '--region', 'us-east-1'], cols: 140, rows: 40, env});
	try {
		await app.waitForText('<?> help');
		await command(app, 'protect');
		await app.waitForText(/baseline +transactional/);
		await app.press('enter');
		await app.waitForText('[SMS] MMS VOICE country rules — 4 not ALLOW');

		// One country at a time: the table marks what is staged; nothing is sent yet.
		await filter(app, 'united kingdom');
		await app.waitForText(/\[1 of \d+\]/);
		await app.press('e');
		await app.waitForText('SMS rule for GB (United Kingdom), now ALLOW');
		await app.press('right');
		await app.waitForText('‹ BLOCK ›');
		await app.press('enter');
		await app.waitForText('1 SMS rule change staged');
		await app.waitForText(/~ GB +BLOCK \(was ALLOW\)/);
		await app.press('/');
		await app.press('escape');
		await filter(app, 'france');
		await app.waitForText(/\[1 of \d+\]/);
		await app.press('e');
		await app.waitForText('SMS rule for FR (France)');
		await app.press('right');
		await app.press('enter');
		await app.waitForText('2 staged (w applies)');
		assert.equal((await rules('SMS')).GB.ProtectStatus, 'ALLOW');

		// Every country shown, for another capability: tab switches, E sets them all.
		await app.press('tab');
		await app.waitForText('SMS [MMS] VOICE');
		await app.press('tab');
		await app.waitForText('SMS MMS [VOICE]');
		await app.press('/');
		await app.press('escape');
		await filter(app, 'united');
		// United Arab Emirates, United Kingdom, United States.
		await app.waitForText(/country rules .*\[3 of \d+\]/);
		const shown = 3;
		await app.press('E');
		await app.waitForText(`VOICE rule for the ${shown} countries shown (filter "united")`);
		assert.match(lineWith(app, '› VOICE rule'), /‹ BLOCK › +\(ALLOW \| BLOCK \| MONITOR\)$/); // FILTER is SMS only
		await app.press('enter');
		await app.waitForText(`${shown} staged (w applies)`);

		await app.press('w');
		await app.waitForText('Review 2 staged changes');
		assert.match(app.screen(), /--number-capability SMS --country-rule-set-updates\s+'\{"FR":\{"ProtectStatus":"BLOCK"\},"GB":\{"ProtectStatus":"BLOCK"\}\}'/);
		assert.match(app.screen(), /--number-capability VOICE/);
		await app.press('y');
		await app.waitForText('Applied 2 of 2 changes');
		const sms = await rules('SMS');
		assert.deepEqual([sms.GB.ProtectStatus, sms.FR.ProtectStatus, sms.DE.ProtectStatus], ['BLOCK', 'BLOCK', 'ALLOW']);
		const voice = await rules('VOICE');
		for (const iso of ['AE', 'GB', 'US']) assert.equal(voice[iso].ProtectStatus, 'BLOCK', iso);
		assert.equal(Object.values(voice).filter(r => r.ProtectStatus === 'BLOCK').length, shown + 2); // + the seed's NG, PK
		await app.press('escape');
		await app.waitForNoText('Applied 2 of 2 changes');
		await app.waitForText(/SMS MMS \[VOICE\] country rules — \d+ not ALLOW ·/);

		// Back in the list: associate the simulator's configuration set, make it the account default.
		await app.press('/');
		await app.press('escape');
		await app.waitForNoText('/united');
		await app.press('escape');
		await app.waitForText('Protect configurations [1]');
		await app.press('A');
		await app.waitForText('Associate baseline');
		await app.type('simulator');
		await app.waitForText('smsdeck-simulator — has none');
		await app.press('enter');
		await app.waitForText('associate-protect-configuration --configuration-set-name smsdeck-simulator');
		await app.press('y');
		await app.waitForText('Applied 1 of 1 change');
		await app.press('escape');
		await app.waitForText(/baseline +smsdeck-simulator, transac/);
		const sets = await emu.aws<{ConfigurationSets: {ConfigurationSetName: string; ProtectConfigurationId?: string}[]}>('describe-configuration-sets', '--configuration-set-names', 'smsdeck-simulator');
		assert.equal(sets.ConfigurationSets[0].ProtectConfigurationId, id);

		await app.press('D');
		await app.waitForText('set-account-default-protect-configuration');
		await app.press('y');
		await app.waitForText('Applied 1 of 1 change');
		await app.press('escape');
		await app.waitForText(/baseline +yes +smsdeck-simulator/);
		assert.equal((await emu.aws<Configs>('describe-protect-configurations')).ProtectConfigurations[0].AccountDefault, true);

		// Which rule applies: no configuration set, so the account default decides; FR is now blocked for SMS.
		await app.press('W');
		await app.waitForText('Which rule applies to a send?');
		await app.press('tab');
		await app.type('FR');
		await app.press('enter');
		await app.waitForText('BLOCK — decided by the account default');
		await app.waitForText(/its SMS rule for FR \(France\) is BLOCK/);
		await app.press('escape');
		await app.waitForNoText('Which rule applies: SMS');
	} finally {
		app.dispose();
	}
});

test('read-only: the protect keys that change the account are refused, nothing is sent', async () => {
	const before = JSON.stringify(await emu.aws<Configs>('describe-protect-configurations'));
	const app = spawnTerminal({args: ['--endpoint-url', emu.url, '--region', 'us-east-1', '--read-only'], cols: 120, rows: 30, env});
	try {
		await app.waitForText('<?> help');
		await command(app, 'protect');
		await app.waitForText('Protect configurations [1]');
		await app.press('D');
		await app.waitForText('Read-only: "account default" is disabled');
		await app.press('enter');
		await app.waitForText('[SMS] MMS VOICE country rules');
		await app.press('E');
		await app.waitForText('Read-only: "set all shown" is disabled');
	} finally {
		app.dispose();
	}
	assert.equal(JSON.stringify(await emu.aws<Configs>('describe-protect-configurations')), before);
});
