import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {listProfiles, parseIni, parseSharedConfig, profileNames, profileSetting} from '../../source/services/sharedConfig.js';
import {completeCommandLine, parseCommandLine} from '../../source/app/commandLine.js';

test('profile names from the config file ([default], [profile x]) and the credentials file ([x])', () => {
	const config = '[default]\nregion = us-east-1\n\n[profile prod-admin]\nrole_arn = arn:aws:iam::1:role/x\n[sso-session corp]\nsso_start_url = https://x\n  [profile  staging ] # comment\n';
	const shared = parseSharedConfig(config, '[default]\naws_access_key_id = A\n[ci]\naws_access_key_id = B\n');
	assert.deepEqual(profileNames(shared), ['default', 'ci', 'prod-admin', 'staging']);
	assert.equal(profileSetting(shared, 'default', 'region'), 'us-east-1');
	assert.equal(profileSetting(shared, 'default', 'aws_access_key_id'), 'A');
});

test('a profile merges both files (the credentials file wins, as in botocore); services sections nest', () => {
	const config =
		'[profile p]\nregion = eu-west-2\naws_access_key_id = FROMCONFIG\nservices = local\n\n[services local]\npinpoint_sms_voice_v2 =\n  endpoint_url = http://127.0.0.1:1\n  Other = x\nsts =\n  endpoint_url = http://127.0.0.1:2\n';
	const shared = parseSharedConfig(config, '[p]\naws_access_key_id = FROMCREDS\n');
	assert.equal(profileSetting(shared, 'p', 'aws_access_key_id'), 'FROMCREDS');
	assert.equal(profileSetting(shared, 'p', 'region'), 'eu-west-2');
	assert.deepEqual(shared.services.get('local'), {pinpoint_sms_voice_v2: {endpoint_url: 'http://127.0.0.1:1', other: 'x'}, sts: {endpoint_url: 'http://127.0.0.1:2'}});
	assert.deepEqual(parseIni('; c\n# c\n[a]\nk=v\n[a]\nj = w\n').get('a'), {k: 'v', j: 'w'});
});

test('listProfiles honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE; missing files are empty', () => {
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-profiles-'));
	try {
		writeFileSync(join(dir, 'config'), '[profile zeta]\n[default]\n[profile alpha]\n');
		writeFileSync(join(dir, 'creds'), '[alpha]\n[ci]\n');
		const env = {AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'creds'), HOME: dir};
		assert.deepEqual(listProfiles(env), ['default', 'alpha', 'ci', 'zeta']);
		assert.deepEqual(listProfiles({HOME: join(dir, 'nowhere')}), []);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});

test(':profile completes from the given profiles and keeps the name’s case; the browse commands and aliases parse', () => {
	assert.deepEqual(completeCommandLine('profile pr', {profiles: ['default', 'prod', 'Prod-EU', 'preview']}), ['profile prod', 'profile preview']);
	assert.deepEqual(parseCommandLine(':profile Prod-EU'), {ok: true, name: 'profile', arg: 'Prod-EU'});
	assert.equal(parseCommandLine(':profile').ok, false);
	for (const [alias, name] of [['acct', 'account'], ['pn', 'numbers'], ['sid', 'sender-ids'], ['cs', 'config-sets'], ['oo', 'opt-outs'], ['vd', 'verified']]) {
		assert.deepEqual(parseCommandLine(alias), {ok: true, name, arg: undefined});
	}
});
