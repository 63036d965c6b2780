// The Region at a glance: account tier, spend limits, numbers, sender IDs and pools by type and status, and the
// configuration sets with the health of their event destinations. enter opens the screen behind a line.
import React, {useEffect, useMemo} from 'react';
import {useResource} from '../app/session.js';
import {describeRegionOverview, type RegionOverview} from '../services/overviewService.js';
import {statusSummary, type CountGroup} from '../domain/regionOverview.js';
import {formatDollars} from '../domain/format.js';
import {channelForLimitName, formatSpendShare, spendLimitLabel, spendUse} from '../domain/spendRules.js';
import {monthToDateSpend, type MonthToDateSpend} from '../services/spendMetricsService.js';
import {findRegion} from '../domain/regions.js';
import {formatAge} from '../domain/duration.js';
import {LineList, type ListLine} from '../components/LineList.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {useTheme} from '../theme/ThemeContext.js';
import type {Glyphs} from '../theme/theme.js';
import type {Route} from '../app/state.js';
import type {ViewProps} from './viewProps.js';

type OverviewLine = ListLine & {route?: Route};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** `spent`: month-to-date spend per channel (the AWS/SMSVoice metrics), when it could be read. */
export function overviewLines(o: RegionOverview, glyphs: Glyphs, spent?: MonthToDateSpend): OverviewLine[] {
	const lines: OverviewLine[] = [];
	const account: Route = {name: 'account'};
	const section = (key: string, text: string, route?: Route) => lines.push({key, text, bold: true, tone: 'title', route});
	section('account', 'Account', account);
	const sandbox = o.tier === 'SANDBOXED';
	lines.push({
		key: 'tier',
		text: `  Tier  ${o.tier ?? 'unknown'}`,
		detail: sandbox ? 'sandbox: sends only to verified destinations and simulator numbers' : undefined,
		tone: sandbox ? 'warn' : 'ok',
		route: account,
	});
	section('spend', 'Spend limits (USD per month)', account);
	const spendWidth = Math.max(0, ...o.spendLimits.map(s => spendLimitLabel(s.name).length));
	for (const s of o.spendLimits) {
		const channel = channelForLimitName(s.name);
		const mtd = channel && spent ? spent[channel] : undefined;
		const use = spendUse(mtd, s.enforced);
		const used = mtd === undefined || use.percent === undefined ? '' : ` · ${formatDollars(mtd)} this month (${formatSpendShare(use.percent)})`;
		lines.push({
			key: `spend/${s.name}`,
			text: `  ${spendLimitLabel(s.name).padEnd(spendWidth)}  ${formatDollars(s.enforced).padStart(8)} enforced of ${formatDollars(s.max)} max${used}`,
			detail: use.tone === 'error' ? 'limit reached: sending stops' : s.overridden ? 'overridden' : 'default: the account maximum',
			tone: use.tone,
			route: account,
		});
	}
	const groups = (key: string, title: string, total: number, list: CountGroup[], route: Route, noun: string) => {
		section(key, `${title} (${total.toLocaleString('en-US')})`, route);
		if (list.length === 0) lines.push({key: `${key}/none`, text: `  No ${noun} in this Region`, tone: 'muted', route});
		const width = Math.max(0, ...list.map(g => g.type.length));
		const countWidth = Math.max(0, ...list.map(g => g.total.toLocaleString('en-US').length));
		for (const g of list) {
			lines.push({key: `${key}/${g.type}`, text: `  ${g.type.padEnd(width)}  ${g.total.toLocaleString('en-US').padStart(countWidth)}`, detail: statusSummary(g), route});
		}
	};
	groups('numbers', 'Phone numbers by type', o.numbers.total, o.numbers.groups, {name: 'numbers'}, 'phone numbers');
	groups('senderIds', 'Sender IDs by country', o.senderIds.total, o.senderIds.groups, {name: 'senderIds'}, 'sender IDs');
	groups('pools', 'Pools by message type', o.pools.total, o.pools.groups, {name: 'pools'}, 'pools');
	const flagged = o.configSets.filter(c => c.problem).length;
	section('configSets', `Configuration sets (${o.configSets.length}${flagged ? `, ${flagged} need a look` : ''})`, {name: 'configSets'});
	if (o.configSets.length === 0) lines.push({key: 'configSets/none', text: '  No configuration sets in this Region', tone: 'muted', route: {name: 'configSets'}});
	const nameWidth = Math.max(0, ...o.configSets.map(c => c.name.length));
	for (const c of o.configSets) {
		const enabled = c.destinations.length - c.disabled;
		const parts = [plural(c.destinations.length, 'destination')];
		if (enabled > 0) parts.push(`enabled: ${c.enabledKinds.join(', ')}`);
		if (c.disabled > 0) parts.push(`${c.disabled} disabled (${[...new Set(c.destinations.filter(d => !d.enabled).map(d => d.kind))].join(', ')})`);
		lines.push({
			key: `configSet/${c.name}`,
			text: `  ${c.problem ? glyphs.fail : glyphs.ok} ${c.name.padEnd(nameWidth)}`,
			detail: parts.join(' · '),
			tone: c.problem ? 'warn' : 'ok',
			route: {name: 'configSet', configSet: c.name},
		});
		// The problem on a line of its own, so that a narrow terminal does not cut it.
		if (c.problem) lines.push({key: `configSet/${c.name}/problem`, text: `      ${c.problem}`, tone: 'warn', route: {name: 'configSet', configSet: c.name}});
	}
	return lines;
}

export function OverviewView({width, height, filter, isActive, navigate, region}: ViewProps & {region: string}) {
	const theme = useTheme();
	const overview = useResource<RegionOverview>('overview', (clients, ctx) => describeRegionOverview(clients, {signal: ctx.signal}));
	const spent = useResource<MonthToDateSpend>('spend-month-to-date', clients => monthToDateSpend(clients));
	useCommands(
		{
			'app.refresh': () => {
				overview.refresh();
				spent.refresh();
			},
		},
		{priority: Priority.View, isActive},
	);
	// What was cached from an earlier visit shows at once and is read again: a change made since must show here.
	useEffect(() => {
		if (overview.fetchedAt !== undefined) overview.refresh();
		if (spent.fetchedAt !== undefined) spent.refresh();
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);
	const lines = useMemo(() => (overview.data ? overviewLines(overview.data, theme.glyphs, spent.data) : []), [overview.data, theme.glyphs, spent.data]);
	const name = findRegion(region)?.name;
	let status = '';
	if (overview.loading) status = 'loading…';
	else if (overview.error) status = 'failed — r retries';
	else if (overview.age !== undefined) status = `${formatAge(overview.age)} ago`;
	return (
		<LineList
			title={`Region overview ${region}${name ? ` — ${name}` : ''}`}
			lines={lines}
			width={width}
			height={height}
			isActive={isActive}
			filter={filter}
			asciiPunctuation
			status={status}
			emptyText={overview.error ? overview.error.message : 'Loading…'}
			onOpen={line => {
				const route = (line as OverviewLine).route;
				if (route) navigate(route);
			}}
		/>
	);
}
