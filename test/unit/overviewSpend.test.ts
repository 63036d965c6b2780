// The Region overview's spend lines: this month's spend beside the enforced limit, a warning from 80%, an error at 100%.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {overviewLines} from '../../source/views/OverviewView.js';
import {spendHeader} from '../../source/views/InsightsView.js';
import type {AccountOverview} from '../../source/services/accountService.js';
import {createTheme} from '../../source/theme/theme.js';
import {spendUse} from '../../source/domain/spendRules.js';
import type {RegionOverview} from '../../source/services/overviewService.js';

const overview = {
	tier: 'PRODUCTION',
	spendLimits: [
		{name: 'TEXT_MESSAGE_MONTHLY_SPEND_LIMIT', enforced: 100, max: 1000, overridden: true},
		{name: 'VOICE_MESSAGE_MONTHLY_SPEND_LIMIT', enforced: 10, max: 10, overridden: false},
		{name: 'MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT', enforced: 50, max: 50, overridden: false},
	],
	numbers: {total: 0, groups: []},
	senderIds: {total: 0, groups: []},
	pools: {total: 0, groups: []},
	configSets: [],
} as unknown as RegionOverview;

test('this month beside the limit: 85% warns, 100% is an error (sending stops), below 80% is plain; unknown spend adds nothing', () => {
	const glyphs = createTheme({}).glyphs;
	const spent = {text: 85, voice: 10, media: 1.5, noData: [], from: new Date(), to: new Date(), cli: ''};
	const lines = overviewLines(overview, glyphs, spent);
	const line = (name: string) => lines.find(l => l.key === `spend/${name}`)!;
	assert.match(line('TEXT_MESSAGE_MONTHLY_SPEND_LIMIT').text, /SMS +\$100 enforced of \$1,000 max · \$85 this month \(85%\)$/);
	assert.equal(line('TEXT_MESSAGE_MONTHLY_SPEND_LIMIT').tone, 'warn');
	assert.equal(line('VOICE_MESSAGE_MONTHLY_SPEND_LIMIT').tone, 'error');
	assert.equal(line('VOICE_MESSAGE_MONTHLY_SPEND_LIMIT').detail, 'limit reached: sending stops');
	assert.match(line('MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT').text, /\$1\.5 this month \(3\.0%\)$/);
	assert.equal(line('MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT').tone, undefined);
	assert.match(overviewLines(overview, glyphs).find(l => l.key === 'spend/TEXT_MESSAGE_MONTHLY_SPEND_LIMIT')!.text, /max$/);
	assert.deepEqual(spendUse(79.99, 100).tone, undefined);
	assert.deepEqual(spendUse(80, 100).tone, 'warn');
	assert.deepEqual(spendUse(undefined, 100), {});
});

test('the insights header: SMS, MMS and voice always, $0 where nothing was spent, each in its own tone; unknown or failed says so', () => {
	const account = {spendLimits: overview.spendLimits} as unknown as AccountOverview;
	const quiet = spendHeader(account, {text: 12.5, voice: 0, media: 0, noData: ['voice', 'media'], from: new Date(), to: new Date(), cli: ''});
	assert.equal(quiet.text, 'This month: SMS $12.5 of $100 (13%) · MMS $0 of $50 (0.0%) · Voice $0 of $10 (0.0%)');
	assert.deepEqual(quiet.parts.map(p => p.tone), [undefined, undefined, undefined]);
	const busy = spendHeader(account, {text: 12.5, voice: 8, media: 50, noData: [], from: new Date(), to: new Date(), cli: ''});
	assert.deepEqual(busy.parts.map(p => p.tone), [undefined, 'error', 'warn']);
	assert.equal(spendHeader(account, undefined).text, 'This month: spend …');
	assert.equal(spendHeader(undefined, undefined, {message: 'AccessDenied'}).text, 'This month: spend unavailable (AccessDenied)');
});
