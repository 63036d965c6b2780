// Which screen each route shows. The shell decides the route; this only maps it to a view.
import React, {useEffect, useReducer} from 'react';
import {Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import type {Route} from '../app/state.js';
import type {ViewProps} from '../views/viewProps.js';
import type {SmsRegion} from '../domain/regions.js';
import {RegionsView} from '../views/RegionsView.js';

type Screens = typeof import('./screens.js');
let screens: Screens | undefined;
let loading: Promise<Screens> | undefined;
/** Loads every screen but Regions: the console starts it once its first frame is out; a route that needs one waits. */
export function loadScreens(): Promise<Screens> {
	loading ??= import('./screens.js').then(module => (screens = module));
	return loading;
}

/** The screens once loaded (then every render has them at once); until then undefined, and a render when they come. */
function useScreens(): Screens | undefined {
	const [, loaded] = useReducer((n: number) => n + 1, 0);
	useEffect(() => {
		if (!screens) void loadScreens().then(loaded);
	}, []);
	return screens;
}

export interface RouteContext {
	/** The Region in use (marked in the Regions table). */
	region: string;
	selectRegion: (region: SmsRegion) => void;
	/** The account id, once a screen learns it (for the header). */
	onAccount: (account: string) => void;
}

export function RouteView(props: {route: Route; view: ViewProps; context: RouteContext}) {
	const loaded = useScreens();
	if (props.route.name === 'regions') return regionsOf(props);
	return loaded ? screenOf(props, loaded) : <Loading />;
}

/** What a screen shows in the moment its module is still loading (only right after start). */
function Loading() {
	const theme = useTheme();
	return <Text color={theme.colors.muted}>{` loading${theme.glyphs.ellipsis}`}</Text>;
}

function screenOf({route, view, context}: {route: Route; view: ViewProps; context: RouteContext}, loaded: Screens) {
	const {AccountView, PoolsView, PoolIdentitiesView, NumbersView, NumberDetailView, SenderIdsView, SenderIdDetailView, ConfigSetsView, ConfigSetDetailView, OptOutListsView, OptedOutNumbersView, VerifiedView, RegistrationsView, RegistrationDetailView, ProtectView, ProtectDetailView, PushAppsView, PushAppView, TailView, InsightsView, SimulatorView, SendView, KeywordsView, OverviewView, RelationsView, RawView} = loaded;
	switch (route.name) {
		case 'overview':
			return <OverviewView {...view} region={context.region} />;
		case 'relations':
			return <RelationsView key={JSON.stringify(route.subject)} {...view} subject={route.subject} />;
		case 'raw':
			return <RawView key={JSON.stringify(route.subject)} {...view} subject={route.subject} />;
		case 'account':
			return <AccountView {...view} onAccount={context.onAccount} />;
		case 'pools':
			return <PoolsView {...view} />;
		case 'poolIdentities':
			return <PoolIdentitiesView key={route.poolId} {...view} poolId={route.poolId} />;
		case 'numbers':
			return <NumbersView {...view} />;
		case 'number':
			return <NumberDetailView key={route.id} {...view} id={route.id} />;
		case 'senderIds':
			return <SenderIdsView {...view} />;
		case 'senderId':
			return <SenderIdDetailView key={`${route.senderId}/${route.country}`} {...view} senderId={route.senderId} country={route.country} />;
		case 'configSets':
			return <ConfigSetsView {...view} />;
		case 'configSet':
			return <ConfigSetDetailView key={route.configSet} {...view} configSet={route.configSet} />;
		case 'optOutLists':
			return <OptOutListsView {...view} />;
		case 'optedOutNumbers':
			return <OptedOutNumbersView key={route.list} {...view} list={route.list} />;
		case 'tail':
			return <TailView key={`${route.configSet ?? ''}|${route.logGroup ?? ''}|${route.destination ?? ''}|${route.since ?? ''}|${route.cell ? `${route.cell.dimension}=${route.cell.value}` : ''}`} {...view} target={route} />;
		case 'insights':
			return <InsightsView key={`${route.configSet ?? ''}|${route.window ?? ''}`} {...view} configSet={route.configSet} window={route.window} />;
		case 'verified':
			return <VerifiedView {...view} />;
		case 'registrations':
			return <RegistrationsView {...view} />;
		case 'registration':
			return <RegistrationDetailView key={route.id} {...view} id={route.id} />;
		case 'protect':
			return <ProtectView {...view} />;
		case 'protectConfig':
			return <ProtectDetailView key={route.id} {...view} id={route.id} />;
		case 'push':
			return <PushAppsView {...view} />;
		case 'pushApp':
			return <PushAppView key={route.id} {...view} id={route.id} />;
		case 'simulator':
			return <SimulatorView {...view} />;
		case 'send':
			return <SendView key={`${route.origination ?? ''}|${route.destination ?? ''}`} {...view} origination={route.origination} destination={route.destination} />;
		case 'keywords':
			return <KeywordsView key={route.origination} {...view} origination={route.origination} />;
		default:
			return regionsOf({route, view, context});
	}
}

/** The first screen, always loaded. */
function regionsOf({view, context}: {route: Route; view: ViewProps; context: RouteContext}) {
	return <RegionsView width={view.width} height={view.height} filter={view.filter} current={context.region} isActive={view.isActive} onSelect={context.selectRegion} />;
}

/** The route a `:` command opens (commands that are screens). */
export const COMMAND_ROUTES: Record<string, Route> = {
	regions: {name: 'regions'},
	overview: {name: 'overview'},
	account: {name: 'account'},
	pools: {name: 'pools'},
	numbers: {name: 'numbers'},
	'sender-ids': {name: 'senderIds'},
	'config-sets': {name: 'configSets'},
	'opt-outs': {name: 'optOutLists'},
	verified: {name: 'verified'},
	registrations: {name: 'registrations'},
	protect: {name: 'protect'},
	push: {name: 'push'},
	sim: {name: 'simulator'},
	send: {name: 'send'},
};
