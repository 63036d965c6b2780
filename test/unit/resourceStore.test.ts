import {test} from 'node:test';
import assert from 'node:assert/strict';
import {ResourceStore} from '../../source/app/resourceStore.js';

const until = async (cond: () => boolean, ms = 15_000) => {
	const start = Date.now();
	while (!cond()) {
		if (Date.now() - start > ms) throw new Error('timed out');
		await new Promise(r => setTimeout(r, 10));
	}
};

test('partial pages show first, then the full result with its time', async () => {
	const store = new ResourceStore();
	let release!: () => void;
	store.load<number[]>('k', async ctx => {
		ctx.partial([1]);
		await new Promise<void>(r => (release = r));
		return [1, 2];
	});
	await until(() => store.get<number[]>('k').partial);
	assert.deepEqual(store.get<number[]>('k').data, [1]);
	release();
	await until(() => store.get('k').fetchedAt !== undefined);
	assert.deepEqual(store.get<number[]>('k').data, [1, 2]);
	assert.equal(store.get('k').loading, false);
});

test('a result that arrives after a connection change is dropped', async () => {
	const store = new ResourceStore();
	let release!: () => void;
	store.load<string>('k', () => new Promise<string>(r => (release = () => r('old region'))));
	store.reset();
	release();
	await new Promise(r => setTimeout(r, 20));
	assert.equal(store.get('k').data, undefined);
});

test('throttling backs off and recovers without reporting an error; other errors are reported once', async () => {
	const errors: string[] = [];
	const store = new ResourceStore((key, e) => errors.push(e.code));
	let calls = 0;
	store.load<string>('k', async () => {
		calls++;
		if (calls === 1) throw Object.assign(new Error('Rate exceeded'), {name: 'ThrottlingException'});
		return 'ok';
	});
	await until(() => store.get('k').data === 'ok');
	assert.equal(calls, 2);
	assert.deepEqual(errors, []);
	store.load<string>('bad', async () => {
		throw Object.assign(new Error('nope'), {name: 'AccessDeniedException'});
	});
	await until(() => store.get('bad').error !== undefined);
	assert.deepEqual(errors, ['AccessDeniedException']);
	assert.match(store.get('bad').error!.message, /access denied/);
});
