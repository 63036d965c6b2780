import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openPreferences, PREFS_SCHEMA_VERSION} from '../../source/config/prefs.js';
import {profileMatches} from '../../source/services/readOnly.js';
import {asciiWanted, colorEnabled, createTheme} from '../../source/theme/theme.js';

test('preferences persist across runs in the chosen folder, versioned', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-prefs-'));
	const env = {SMSDECK_CONFIG_DIR: dir};
	const first = await openPreferences(env);
	await first.update({lastRegion: 'eu-west-2', lastProfile: 'ops'});
	const second = await openPreferences(env);
	assert.equal(second.get().lastRegion, 'eu-west-2');
	assert.equal(second.get().lastProfile, 'ops');
	const file = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
	assert.equal(file.schemaVersion, PREFS_SCHEMA_VERSION);
});

test('the schema refuses bad values', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-prefs-'));
	const prefs = await openPreferences({SMSDECK_CONFIG_DIR: dir});
	await assert.rejects(prefs.update({lastRegion: 'not a region'}), /lastRegion/);
});

test('an unreadable file falls back to memory and says why', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-prefs-'));
	writeFileSync(join(dir, 'config.json'), '{ not json');
	const prefs = await openPreferences({SMSDECK_CONFIG_DIR: dir});
	assert.equal(prefs.path, undefined);
	assert.match(prefs.problem ?? '', /preferences not saved/);
	await prefs.update({lastRegion: 'us-west-2'});
	assert.equal(prefs.get().lastRegion, 'us-west-2');
});

test('read-only profile patterns', () => {
	assert.ok(profileMatches('prod-*', 'prod-eu'));
	assert.ok(!profileMatches('prod-*', 'staging'));
	assert.ok(profileMatches('*', 'default'));
	assert.ok(profileMatches('acct.?', 'acct.1'));
	assert.ok(!profileMatches('acct.?', 'acctx1'));
});

test('NO_COLOR and --no-color turn colours off; non-UTF-8 locales get ASCII', () => {
	assert.equal(colorEnabled({env: {NO_COLOR: '1'}}), false);
	assert.equal(colorEnabled({env: {NO_COLOR: ''}}), true);
	assert.equal(colorEnabled({noColor: true, env: {}}), false);
	assert.equal(asciiWanted({env: {LANG: 'en_US.UTF-8'}}), false);
	assert.equal(asciiWanted({env: {LANG: 'C'}}), true);
	assert.equal(asciiWanted({env: {}}), true);
	assert.equal(asciiWanted({env: {LC_ALL: 'C.utf8', LANG: 'C'}}), false);
	const mono = createTheme({noColor: true, ascii: true, env: {}});
	assert.equal(mono.colors.ok, undefined);
	assert.equal(mono.glyphs.ellipsis, '~');
	assert.ok(Object.values(createTheme({env: {LANG: 'C.UTF-8'}}).colors).every(Boolean));
});

test('the quick start-up read sees the file, and a schema problem is reported by verify()', async () => {
	const {openPreferencesLazily} = await import('../../source/config/prefs.js');
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-prefs-'));
	writeFileSync(join(dir, 'config.json'), JSON.stringify({schemaVersion: 1, lastRegion: 'eu-west-2', keys: {'nav.down': ['n']}, tailBufferSize: 5}));
	const prefs = openPreferencesLazily({SMSDECK_CONFIG_DIR: dir});
	assert.equal(prefs.get().lastRegion, 'eu-west-2');
	assert.deepEqual(prefs.get().keys, {'nav.down': ['n']});
	assert.match((await prefs.verify?.()) ?? '', /tailBufferSize/, 'out-of-range value reported');
	const freshDir = mkdtempSync(join(tmpdir(), 'smsdeck-prefs-'));
	const fresh = openPreferencesLazily({SMSDECK_CONFIG_DIR: freshDir});
	assert.equal(await fresh.verify?.(), undefined);
	const written = fresh.update({lastRegion: 'us-west-2'});
	assert.equal(fresh.get().lastRegion, 'us-west-2', 'seen at once, before it is stored');
	await written;
	assert.equal(JSON.parse(readFileSync(join(freshDir, 'config.json'), 'utf8')).lastRegion, 'us-west-2');
	await assert.rejects(fresh.update({lastRegion: 'not a region'}), /lastRegion/);
	await fresh.flush?.();
});

test('a preferences file that is not JSON is reported once, at start, and its read-only profiles still hold', async () => {
	const {openPreferencesLazily} = await import('../../source/config/prefs.js');
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-prefs-'));
	writeFileSync(join(dir, 'config.json'), '{"readOnlyProfiles": ["prod-*"], oops');
	const prefs = openPreferencesLazily({SMSDECK_CONFIG_DIR: dir});
	assert.match(prefs.problem ?? '', /preferences not saved/);
	assert.deepEqual(prefs.get().readOnlyProfiles, ['prod-*']);
	assert.equal(await prefs.verify?.(), undefined, 'not reported a second time');
	assert.deepEqual(prefs.get().readOnlyProfiles, ['prod-*']);
});
