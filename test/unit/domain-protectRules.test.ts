// Which protect rule decides a send, how staged rule changes merge, and how they are cut into the service's calls.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {countryFromInput, countryName, mergeRuleChanges, ruleBatches, statusesFor, whichRuleApplies, type ProtectFacts} from '../../source/domain/protectRules.js';
import {ISO_COUNTRIES} from '../../source/domain/e164.js';
import {updateCountryRules} from '../../source/services/changesService.js';
import type {Clients} from '../../source/services/clients.js';

const rules: Record<string, Record<string, string>> = {
	'protect-request': {GB: 'MONITOR'},
	'protect-set': {GB: 'BLOCK'},
	'protect-default': {GB: 'ALLOW', FR: 'BLOCK'},
};
const facts = (over: Partial<ProtectFacts>): ProtectFacts => ({rulesOf: id => rules[id], ...over});

test('the request parameter beats the configuration set, which beats the account default; none leaves the send alone', () => {
	const all = facts({requestProtectId: 'protect-request', configurationSet: {name: 'orders', protectId: 'protect-set'}, accountDefault: 'protect-default'});
	assert.deepEqual(
		[whichRuleApplies(all, 'GB', 'SMS').source, whichRuleApplies(all, 'GB', 'SMS').status],
		['request', 'MONITOR'],
	);
	const bySet = whichRuleApplies({...all, requestProtectId: undefined}, 'GB', 'SMS');
	assert.equal(bySet.source, 'configuration set');
	assert.equal(bySet.status, 'BLOCK');
	assert.match(bySet.why, /associated with the configuration set orders/);
	// A configuration set without one falls through to the account default, and the answer says so.
	const byDefault = whichRuleApplies(facts({configurationSet: {name: 'orders'}, accountDefault: 'protect-default'}), 'FR', 'VOICE');
	assert.equal(byDefault.source, 'account default');
	assert.equal(byDefault.status, 'BLOCK');
	assert.match(byDefault.why, /the configuration set orders has none/);
	// A country the configuration does not list is allowed.
	assert.equal(whichRuleApplies(facts({accountDefault: 'protect-default'}), 'DE', 'SMS').status, 'ALLOW');
	const none = whichRuleApplies(facts({}), 'GB', 'SMS');
	assert.equal(none.source, 'none');
	assert.equal(none.status, 'ALLOW');
	assert.match(none.why, /no account default/);
});

test('an unexpired number override in the deciding configuration wins over its country rule', () => {
	const withOverride = facts({accountDefault: 'protect-default', overrideOf: id => (id === 'protect-default' ? {action: 'BLOCK'} : undefined)});
	const d = whichRuleApplies(withOverride, 'GB', 'SMS', '+447700900123');
	assert.deepEqual([d.status, d.by], ['BLOCK', 'number override']);
	// Without a destination there is no override to look up.
	assert.equal(whichRuleApplies(withOverride, 'GB', 'SMS').by, 'country rule');
});

test('staged changes merge; a country set back to what the service has drops out', () => {
	const current = {GB: 'ALLOW', FR: 'ALLOW', US: 'BLOCK'};
	let staged = mergeRuleChanges(current, {}, {GB: 'BLOCK', FR: 'BLOCK'});
	assert.deepEqual(staged, {GB: 'BLOCK', FR: 'BLOCK'});
	staged = mergeRuleChanges(current, staged, {GB: 'ALLOW', US: 'ALLOW'});
	assert.deepEqual(staged, {FR: 'BLOCK', US: 'ALLOW'});
	assert.deepEqual(mergeRuleChanges(current, staged, {FR: 'ALLOW', US: 'BLOCK'}), {});
});

test('FILTER is SMS only; countries by code or English name', () => {
	assert.deepEqual(statusesFor('SMS'), ['ALLOW', 'BLOCK', 'MONITOR', 'FILTER']);
	assert.deepEqual(statusesFor('VOICE'), ['ALLOW', 'BLOCK', 'MONITOR']);
	assert.equal(countryName('GB'), 'United Kingdom');
	assert.equal(countryFromInput('gb', ISO_COUNTRIES), 'GB');
	assert.equal(countryFromInput('united kingdom', ISO_COUNTRIES), 'GB');
	assert.equal(countryFromInput('Narnia', ISO_COUNTRIES), undefined);
});

test('rule changes go out in calls of at most 300 countries, every change exactly once', async () => {
	const changes = Object.fromEntries(Array.from({length: 650}, (_, i) => [`C${String(i).padStart(3, '0')}`, 'BLOCK']));
	assert.deepEqual(ruleBatches(changes).map(b => Object.keys(b).length), [300, 300, 50]);
	const sent: {capability: string; updates: Record<string, {ProtectStatus: string}>}[] = [];
	const clients = {
		sms: {
			send: async (command: {input: {NumberCapability: string; CountryRuleSetUpdates: Record<string, {ProtectStatus: string}>}}) => {
				sent.push({capability: command.input.NumberCapability, updates: command.input.CountryRuleSetUpdates});
				return {$metadata: {requestId: `req-${sent.length}`}};
			},
		},
	} as unknown as Clients;
	const result = await updateCountryRules(clients, 'protect-1', 'SMS', changes);
	assert.deepEqual(sent.map(s => Object.keys(s.updates).length), [300, 300, 50]);
	assert.equal(new Set(sent.flatMap(s => Object.keys(s.updates))).size, 650);
	assert.ok(sent.every(s => s.capability === 'SMS' && Object.values(s.updates).every(u => u.ProtectStatus === 'BLOCK')));
	assert.equal(result.detail, '650 SMS rules in 3 calls');
	assert.equal(result.requestId, 'req-3');
});
