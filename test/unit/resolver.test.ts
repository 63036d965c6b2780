// The one resolver: profile, credentials, Region, endpoints, CA bundle, proxy and read-only, in the AWS CLI's order.
// (test/interop/resolution-cli.test.ts holds the same cases against the pip AWS CLI, over the wire.)
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {endpointScopeWarning, resolve, ResolutionError, type ResolveRequest} from '../../source/services/resolver.js';
import {parseSharedConfig} from '../../source/services/sharedConfig.js';
import {PARTITION_REGION_PATTERNS, SMS_REGIONS} from '../../source/domain/regions.js';
import {sdkRegionFacts} from '../../source/services/partitions.js';
import {bypassesProxy, proxyForUrl, redactUrl} from '../../source/services/proxy.js';
import {readOnlyPolicyFromFile} from '../../source/config/prefs.js';
import {decideReadOnly, isReadOperation} from '../../source/services/readOnly.js';

const CONFIG = `[default]
region = us-west-2

[profile p1]
region = eu-west-2

[profile noregion]
output = json

[profile svc]
region = us-east-1
services = mine

[profile broken-services]
services = nowhere

[profile ignoring]
region = us-east-1
ignore_configured_endpoint_urls = true
endpoint_url = http://127.0.0.1:9/

[profile tls]
region = us-east-1
ca_bundle = /etc/profile-ca.pem

[services mine]
pinpoint_sms_voice_v2 =
  endpoint_url = http://127.0.0.1:4001
cloudwatch_logs =
  endpoint_url = http://127.0.0.1:4002
`;
const CREDENTIALS = '[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s\n[p1]\naws_access_key_id = AKIDP1\naws_secret_access_key = s\n';
const shared = parseSharedConfig(CONFIG, CREDENTIALS, {config: '/home/u/.aws/config', credentials: '/home/u/.aws/credentials'});

function run(request: Partial<ResolveRequest>) {
	return resolve({readOnlyFlag: false, readOnly: {patterns: []}, env: {}, shared, ...request});
}

test('profile: --profile, then AWS_PROFILE, then default; credentials as the AWS CLI picks them', async () => {
	let r = await run({profile: 'p1', env: {AWS_PROFILE: 'svc', AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'x'}});
	assert.deepEqual([r.profile.value, r.profile.source, r.credentials.value], ['p1', '--profile', 'profile']);
	assert.equal(r.connection.profile, 'p1');
	// AWS_PROFILE beside environment keys: the keys sign (the AWS CLI's choice; SDK v3 alone would take the profile),
	// the profile still gives its settings.
	r = await run({env: {AWS_PROFILE: 'p1', AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'x'}});
	assert.deepEqual([r.profile.value, r.credentials.value, r.region.value], ['p1', 'env', 'eu-west-2']);
	r = await run({env: {AWS_PROFILE: 'p1'}});
	assert.deepEqual([r.profile.source, r.credentials.value], ['AWS_PROFILE', 'profile']);
	r = await run({env: {}});
	assert.deepEqual([r.profile.value, r.credentials.value, r.connection.profile], ['default', 'chain', undefined]);
	r = await run({env: {AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'x'}});
	assert.equal(r.credentials.value, 'env');
});

test('a profile that does not exist is one line naming where it looked, whatever named it', async () => {
	for (const request of [{profile: 'doesnotexist'}, {env: {AWS_PROFILE: 'doesnotexist'}}]) {
		await assert.rejects(run(request), (e: Error) => {
			assert.ok(e instanceof ResolutionError);
			assert.match(e.message, /^profile "doesnotexist" \((--profile|AWS_PROFILE)\) is not in \/home\/u\/\.aws\/config or \/home\/u\/\.aws\/credentials \(profiles there: default, p1/);
			assert.equal(e.message.split('\n').length, 1);
			return true;
		});
	}
});

test('Region: --region > AWS_REGION > AWS_DEFAULT_REGION > the profile’s; none is an error for a subcommand', async () => {
	const env = {AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-central-1'};
	assert.deepEqual((await run({region: 'ap-south-1', env, profile: 'p1'})).region, {value: 'ap-south-1', source: '--region'});
	assert.deepEqual((await run({env, profile: 'p1'})).region, {value: 'eu-west-1', source: 'AWS_REGION'});
	assert.deepEqual((await run({env: {AWS_DEFAULT_REGION: 'eu-central-1'}, profile: 'p1'})).region, {value: 'eu-central-1', source: 'AWS_DEFAULT_REGION'});
	assert.deepEqual((await run({profile: 'p1'})).region, {value: 'eu-west-2', source: 'profile p1'});
	assert.deepEqual((await run({})).region, {value: 'us-west-2', source: 'profile default'});
	await assert.rejects(run({profile: 'noregion'}), /^ResolutionError: no Region: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or give profile noregion one \(aws configure set region us-east-1 --profile noregion\)$/);
	// The console may use the Region used last, then us-east-1, and says so.
	assert.deepEqual((await run({profile: 'noregion', console: {lastRegion: 'ca-central-1'}})).region, {value: 'ca-central-1', source: 'last used'});
	assert.deepEqual((await run({profile: 'noregion', console: {}})).region, {value: 'us-east-1', source: 'default'});
	// The console's memory never beats what the user configured.
	assert.deepEqual((await run({profile: 'p1', console: {lastRegion: 'ca-central-1'}})).region, {value: 'eu-west-2', source: 'profile p1'});
});

test('a Region newer than the SMS list is kept with a warning; one no partition knows is refused', async () => {
	const newer = await run({region: 'ap-southeast-7'});
	assert.equal(newer.connection.region, 'ap-southeast-7');
	assert.match(newer.warnings.join(), /ap-southeast-7 is Asia Pacific \(Thailand\) \(aws\), where End User Messaging SMS is not listed/);
	const unnamed = await run({env: {AWS_DEFAULT_REGION: 'ap-northwest-9'}});
	assert.equal(unnamed.connection.region, 'ap-northwest-9');
	assert.match(unnamed.warnings.join(), /a Region this version of the AWS SDK does not know/);
	for (const listed of ['ca-west-1', 'mx-central-1', 'ap-east-2', 'ap-southeast-6', 'eusc-de-east-1']) {
		const r = await run({region: listed});
		assert.deepEqual([r.connection.region, r.warnings], [listed, []]);
	}
	await assert.rejects(run({env: {AWS_REGION: 'eu-west2'}}), /AWS_REGION: "eu-west2" is not a Region of any AWS partition/);
});

test('the SMS Region list agrees with the SDK’s partition data; the partition patterns are the SDK’s', async () => {
	assert.equal(SMS_REGIONS.length, 34);
	for (const region of SMS_REGIONS) {
		const facts = await sdkRegionFacts(region.code);
		assert.equal(facts.partition, region.partition, region.code);
		const plain = (text?: string) => text?.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
		assert.equal(plain(facts.description), plain(region.name), region.code);
	}
	const require = createRequire(import.meta.url);
	const sdk = readFileSync(require.resolve('@aws-sdk/core/client'), 'utf8');
	const patterns = [...sdk.matchAll(/"regionRegex": "([^"]+)"/g)].map(m => m[1].replace(/\\\\/g, '\\'));
	assert.ok(patterns.length >= 8);
	assert.deepEqual(new Set(patterns), new Set(PARTITION_REGION_PATTERNS.map(p => p.source.replace(/\\-/g, '-').replace(/-/g, '\\-'))));
});

test('endpoints as the AWS CLI: --endpoint-url for sms-voice and pinpoint only; per-service and global variables; services sections', async () => {
	let r = await run({endpointUrl: 'http://127.0.0.1:7000', env: {AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:7001'}});
	const given = {value: 'http://127.0.0.1:7000', source: '--endpoint-url'};
	assert.deepEqual(r.endpoints, {sms: given, pinpoint: given, sts: {value: 'http://127.0.0.1:7001', source: 'AWS_ENDPOINT_URL_STS'}});
	assert.equal(r.connection.endpoint, 'http://127.0.0.1:7000');
	assert.match(endpointScopeWarning(r, ['logs', 'sts']) ?? '', /--endpoint-url is for sms-voice and pinpoint only .*: CloudWatch Logs still goes to AWS; AWS_ENDPOINT_URL points every service elsewhere/);
	assert.equal(endpointScopeWarning(r, ['sts']), undefined, 'STS has its own endpoint here');
	assert.match(endpointScopeWarning(r, ['cloudwatch', 'sts']) ?? '', /: CloudWatch still goes to AWS;/);
	assert.equal(endpointScopeWarning(await run({endpointUrl: 'http://127.0.0.1:7000', env: {AWS_ENDPOINT_URL: 'http://127.0.0.1:7100'}}), ['logs', 'sts']), undefined);
	r = await run({env: {AWS_ENDPOINT_URL: 'http://127.0.0.1:7100', AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'http://127.0.0.1:7101', AWS_ENDPOINT_URL_CLOUDWATCH: 'http://127.0.0.1:7102'}});
	assert.deepEqual(
		Object.fromEntries(Object.entries(r.endpoints).map(([k, v]) => [k, v?.source])),
		{sms: 'AWS_ENDPOINT_URL', logs: 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', sts: 'AWS_ENDPOINT_URL', cloudwatch: 'AWS_ENDPOINT_URL_CLOUDWATCH', pinpoint: 'AWS_ENDPOINT_URL'},
	);
	assert.equal((await run({env: {AWS_ENDPOINT_URL_PINPOINT: 'http://127.0.0.1:7103'}})).connection.configuredEndpoints?.pinpoint, 'http://127.0.0.1:7103', 'the AWS CLI’s service id for Pinpoint');
	assert.equal(r.connection.endpoint, undefined, 'configured endpoints are found by the aws CLI itself: not repeated as --endpoint-url');
	assert.equal(r.connection.configuredEndpoints?.logs, 'http://127.0.0.1:7101');
	assert.equal(r.connection.configuredEndpoints?.cloudwatch, 'http://127.0.0.1:7102', 'CloudWatch metrics and CloudWatch Logs are two services');
	assert.equal((await run({env: {AWS_ENDPOINT_URL: 'http://127.0.0.1:7100'}})).connection.configuredEndpoints?.cloudwatch, 'http://127.0.0.1:7100');
	r = await run({profile: 'svc'});
	assert.deepEqual([r.endpoints.sms?.value, r.endpoints.logs?.value, r.endpoints.sts], ['http://127.0.0.1:4001', 'http://127.0.0.1:4002', undefined]);
	assert.equal(r.endpoints.sms?.source, '[services mine] pinpoint_sms_voice_v2');
	assert.deepEqual((await run({profile: 'ignoring', env: {AWS_ENDPOINT_URL: 'http://x:1'}})).endpoints, {});
	assert.deepEqual((await run({profile: 'p1', env: {AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://x:1'}})).endpoints, {});
	await assert.rejects(run({profile: 'broken-services', region: 'us-east-1'}), /profile broken-services uses services section "nowhere", which is not in \/home\/u\/\.aws\/config/);
	await assert.rejects(run({env: {AWS_ENDPOINT_URL_STS: 'ftp://x'}}), /AWS_ENDPOINT_URL_STS "ftp:\/\/x" is not an http\(s\) URL/);
	const local = await run({localUrl: 'http://127.0.0.1:5555', profile: 'doesnotexist', env: {AWS_ENDPOINT_URL: 'http://x:1'}});
	assert.deepEqual([local.connection.local, local.connection.endpoint, local.region.value, local.credentials.value], [true, 'http://127.0.0.1:5555', 'us-east-1', 'local']);
});

test('CA bundle: AWS_CA_BUNDLE, then the profile’s ca_bundle', async () => {
	assert.deepEqual((await run({profile: 'tls'})).caBundle, {value: '/etc/profile-ca.pem', source: 'profile tls'});
	assert.deepEqual((await run({profile: 'tls', env: {AWS_CA_BUNDLE: '/etc/env.pem'}})).caBundle, {value: '/etc/env.pem', source: 'AWS_CA_BUNDLE'});
	assert.equal((await run({profile: 'tls'})).connection.caBundle, '/etc/profile-ca.pem');
});

test('proxy variables as Python’s urllib reads them (the AWS CLI’s): lower case first, NO_PROXY hosts and suffixes', () => {
	const env = {HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128', HTTP_PROXY: 'proxy.corp:8080', NO_PROXY: 'localhost, .internal,169.254.169.254'};
	assert.equal(proxyForUrl('https://sms-voice.us-east-1.amazonaws.com', env), 'http://lower:3128');
	assert.equal(proxyForUrl('http://example.com', env), 'http://proxy.corp:8080');
	assert.equal(proxyForUrl('https://api.internal:8443/x', env), undefined);
	assert.equal(proxyForUrl('http://169.254.169.254/latest', env), undefined);
	assert.equal(proxyForUrl('http://localhost:4566', env), undefined);
	assert.equal(proxyForUrl('https://x.amazonaws.com', {HTTPS_PROXY: 'http://p:1', https_proxy: ''}), undefined, 'an empty lower-case variable switches it off');
	assert.equal(bypassesProxy('anything', {no_proxy: '*'}), true);
	assert.equal(redactUrl('http://user:secret@proxy:3128'), 'http://***@proxy:3128');
	assert.equal(redactUrl('https://token@h/x'), 'https://***@h/x');
	assert.equal(redactUrl('http://127.0.0.1:4566'), 'http://127.0.0.1:4566');
});

test('read-only is decided for the profile in use, and fails closed on a damaged preferences file', async () => {
	assert.deepEqual(decideReadOnly(false, 'prod-eu', {patterns: ['prod-*']}), {value: true, source: 'readOnlyProfiles "prod-*"'});
	assert.equal(decideReadOnly(false, 'dev', {patterns: ['prod-*']}).value, false);
	assert.deepEqual(decideReadOnly(true, 'dev', {patterns: []}), {value: true, source: '--read-only'});
	assert.equal((await run({env: {AWS_PROFILE: 'p1'}, readOnly: {patterns: ['p?']}})).connection.readOnly, true);
	assert.equal((await run({profile: 'svc', env: {AWS_PROFILE: 'p1'}, readOnly: {patterns: ['p?']}})).connection.readOnly, false);

	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-ro-'));
	const env = {SMSDECK_CONFIG_DIR: dir};
	const write = (text: string) => writeFileSync(join(dir, 'config.json'), text);
	write('{"readOnlyProfiles": ["prod*", "audit"], "theme": "dark"}');
	assert.deepEqual(readOnlyPolicyFromFile(env), {patterns: ['prod*', 'audit']});
	write('{"theme": "default", "readOnlyProfiles": ["prod*", "audit"], "keys": {');
	const broken = readOnlyPolicyFromFile(env);
	assert.deepEqual(broken.patterns, ['prod*', 'audit']);
	assert.match(broken.problem ?? '', /not valid JSON; still read-only: prod\*, audit/);
	write('{"readOnlyProfiles": ["prod*", ');
	assert.deepEqual(readOnlyPolicyFromFile(env).patterns, ['*']);
	write('{"readOnlyProfiles": ["prod*", 7]}');
	assert.deepEqual(readOnlyPolicyFromFile(env).patterns, ['prod*']);
	write('{"lastRegion": "us-east-1"}');
	assert.deepEqual(readOnlyPolicyFromFile(env), {patterns: []});
	assert.deepEqual(readOnlyPolicyFromFile({SMSDECK_CONFIG_DIR: join(dir, 'none')}), {patterns: []});
});

test('reads pass the read-only guard; everything else, unknown operations included, does not', () => {
	for (const op of ['DescribePools', 'ListPoolOriginationIdentities', 'GetCallerIdentity', 'FilterLogEvents', 'StartLiveTail', 'DescribeLogGroups', 'StartQuery', 'StopQuery', 'GetQueryResults']) assert.ok(isReadOperation(op), op);
	for (const op of ['PutKeyword', 'RequestPhoneNumber', 'SendTextMessage', 'SetTextMessageSpendLimitOverride', 'TagResource', 'Frobnicate']) assert.ok(!isReadOperation(op), op);
	assert.ok(isReadOperation('SendTextMessage', {DryRun: true}));
	assert.ok(!isReadOperation('SendTextMessage', {DryRun: 'true'}));
});
