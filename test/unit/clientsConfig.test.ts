// The profile's own settings reach the SDK clients (as they reach the AWS CLI), and smsdeck sets none of its own
// over them: use_fips_endpoint, max_attempts and retry_mode from the profile; AWS_MAX_ATTEMPTS above the profile.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createClients, destroyClients, type Clients} from '../../source/services/clients.js';
import {RateLimiter} from '../../source/services/rateLimiter.js';
import {Health} from '../../source/services/health.js';

let dir: string;
const saved = {...process.env};
before(() => {
	dir = mkdtempSync(join(tmpdir(), 'smsdeck-clients-'));
	writeFileSync(join(dir, 'config'), '[profile fips]\nregion = us-east-1\nuse_fips_endpoint = true\nmax_attempts = 7\nretry_mode = adaptive\n\n[profile plain]\nregion = us-east-1\n');
	writeFileSync(join(dir, 'credentials'), '[fips]\naws_access_key_id = A\naws_secret_access_key = B\n[plain]\naws_access_key_id = C\naws_secret_access_key = D\n');
	// The SDK reads its settings from the process's environment and files, as the AWS CLI does.
	process.env.AWS_CONFIG_FILE = join(dir, 'config');
	process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
	delete process.env.AWS_MAX_ATTEMPTS;
	delete process.env.AWS_RETRY_MODE;
	delete process.env.AWS_USE_FIPS_ENDPOINT;
	delete process.env.AWS_PROFILE;
});
after(() => {
	process.env = saved;
	rmSync(dir, {recursive: true, force: true});
});

async function clientsFor(profile: string): Promise<Clients> {
	return createClients({region: 'us-east-1', profile, credentials: 'profile', local: false}, {limiter: new RateLimiter(), health: new Health()});
}

/** The host a call would go to, caught just before it is sent (nothing leaves the process). */
async function hostOf(clients: Clients): Promise<string> {
	const {DescribePoolsCommand} = await import('@aws-sdk/client-pinpoint-sms-voice-v2');
	const command = new DescribePoolsCommand({});
	let host = '';
	(command.middlewareStack as unknown as {add(mw: unknown, options: unknown): void}).add(
		() => async (args: {request: {hostname: string}}) => {
			host = args.request.hostname;
			throw new Error('stop here');
		},
		{step: 'finalizeRequest', priority: 'low'},
	);
	await assert.rejects(clients.sms.send(command), /stop here/);
	return host;
}

test('a profile’s use_fips_endpoint, max_attempts and retry_mode apply; another profile keeps the defaults', async () => {
	const fips = await clientsFor('fips');
	const plain = await clientsFor('plain');
	try {
		assert.equal(await fips.sms.config.useFipsEndpoint(), true);
		assert.equal(await fips.sms.config.maxAttempts(), 7);
		const retryMode = fips.sms.config.retryMode;
		assert.equal(typeof retryMode === 'function' ? await retryMode() : retryMode, 'adaptive');
		assert.equal(await hostOf(fips), 'sms-voice-fips.us-east-1.amazonaws.com');
		assert.equal(await hostOf(plain), 'sms-voice.us-east-1.amazonaws.com');
		assert.equal(await plain.sms.config.useFipsEndpoint(), false);
		assert.equal(await plain.sms.config.maxAttempts(), 3, 'the SDK’s default, not one of ours');
	} finally {
		destroyClients(fips);
		destroyClients(plain);
	}
});

test('AWS_MAX_ATTEMPTS wins over the profile, as for the CLI', async () => {
	process.env.AWS_MAX_ATTEMPTS = '2';
	const fips = await clientsFor('fips');
	try {
		assert.equal(await fips.sms.config.maxAttempts(), 2);
	} finally {
		delete process.env.AWS_MAX_ATTEMPTS;
		destroyClients(fips);
	}
});
