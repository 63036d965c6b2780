// Random, model-guided and malformed REST-JSON requests against the push (Pinpoint) API of the real emulator:
// never a 5xx, every refusal a well-formed REST-JSON error (x-amzn-ErrorType, a JSON body with Message), the
// server alive and its applications consistent afterwards.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {GetAppCommand, GetAppsCommand, GetChannelsCommand, PinpointClient} from '@aws-sdk/client-pinpoint';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {pinpointModel} from '../../source/emulator/model/serviceModel.js';
import {modelFuzzer} from '../helpers/modelFuzz.js';
import {restRequest} from '../helpers/restConformance.js';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const {random, pick, chance, generate} = modelFuzzer(SEED);
const SHOP_MOBILE = '5ca4fde87c9d6948dc6d7d2be345b185';
const COURIER = '9e702dfa99c4008b08838a19f2aa22a4';

let emulator: RunningEmulator;
before(async () => {
	emulator = await startEmulator({port: 0, seed: 'default', quiet: true});
});
after(() => emulator.close());

interface Attempt {
	method: string;
	path: string;
	body?: string;
}

function randomAttempt(): Attempt {
	const operation = pick(Object.keys(pinpointModel.operations));
	const op = pinpointModel.operations[operation];
	const roll = random();
	if (chance(0.75)) {
		const input = (generate(pinpointModel, op.input!) ?? {}) as Record<string, unknown>;
		// Mostly a seeded application (so handlers run), sometimes whatever the generator made.
		if (chance(0.8) && typeof input === 'object') input.ApplicationId = pick([SHOP_MOBILE, COURIER, '0'.repeat(32)]);
		if (chance(0.5) && typeof input === 'object') input.EndpointId = pick(['ios-device-1', 'android-device-1', 'new-device', 'x$y']);
		try {
			const request = restRequest(pinpointModel, operation, typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {});
			return {...request, body: request.method === 'GET' ? undefined : request.body};
		} catch {
			return {method: 'GET', path: '/v1/apps'};
		}
	}
	const path = pick(['/v1/apps', `/v1/apps/${SHOP_MOBILE}`, `/v1/apps/${SHOP_MOBILE}/channels/gcm`, `/v1/apps/${COURIER}/messages`, '/v1/apps/%ZZ', '/v1/apps/%E0%A4%A/channels', '/v1/', '/v1/apps//channels', `/v1/apps/${SHOP_MOBILE}/endpoints/%7Bx%7D`, '/v1/apps?page-size=-1&token=%%%', '/v1/apps?page-size=abc']);
	const body = pick([undefined, '', '{', '[]', '"x"', '42', 'null', '{"a":', '\u0000\u0001', '{"__proto__": {"x": 1}}', '['.repeat(5000) + ']'.repeat(5000), '{"Addresses": [1], "MessageConfiguration": 7}']);
	const method = roll < 0.5 ? op.http!.method : pick(['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
	return {method, path, body: method === 'GET' || method === 'HEAD' ? undefined : body};
}

test(`fuzz: ${REQUESTS} random push requests (seed ${SEED}) — no 5xx, REST-JSON errors, server alive, state consistent`, {timeout: 10 * 60_000}, async () => {
	const failures: string[] = [];
	let next = 0;
	async function worker() {
		while (next < REQUESTS && failures.length < 10) {
			next++;
			const attempt = randomAttempt();
			const what = `${attempt.method} ${attempt.path} ${attempt.body?.slice(0, 200) ?? ''}`;
			const res = await fetch(emulator.url + attempt.path, {
				method: attempt.method,
				body: attempt.body,
				headers: {authorization: `AWS4-HMAC-SHA256 Credential=AKIDFUZZ/20260101/${pick(['us-east-1', 'eu-west-1', 'bogus region', ''])}/mobiletargeting/aws4_request, Signature=00`},
			});
			const text = await res.text();
			if (res.status >= 500) failures.push(`${res.status} for ${what}: ${text.slice(0, 300)}`);
			else if (res.status >= 300 && attempt.method !== 'HEAD') {
				let parsed: {Message?: unknown} | undefined;
				try {
					parsed = JSON.parse(text);
				} catch {
					failures.push(`unparseable ${res.status} body for ${what}: ${text.slice(0, 200)}`);
					continue;
				}
				if (!res.headers.get('x-amzn-errortype') || typeof parsed?.Message !== 'string') failures.push(`error without x-amzn-ErrorType or Message for ${what}: ${text.slice(0, 200)}`);
			}
		}
	}
	await Promise.all(Array.from({length: 8}, worker));
	assert.deepEqual(failures, [], `seed ${SEED}`);

	const client = new PinpointClient({region: 'us-east-1', endpoint: emulator.url, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}});
	try {
		const apps = (await client.send(new GetAppsCommand({PageSize: '1000'}))).ApplicationsResponse!.Item!;
		assert.equal(new Set(apps.map(a => a.Id)).size, apps.length, 'application ids are unique');
		for (const app of apps) {
			assert.match(app.Id!, /^[0-9a-f]{32}$/);
			assert.equal((await client.send(new GetAppCommand({ApplicationId: app.Id}))).ApplicationResponse!.Name, app.Name);
			assert.ok((await client.send(new GetChannelsCommand({ApplicationId: app.Id}))).ChannelsResponse!.Channels);
		}
	} finally {
		client.destroy();
	}
});
