// Which screen each route shows. The shell decides the route; this only maps it to a view.
import React from 'react';
import type {Route} from '../app/state.js';
import type {ViewProps} from '../views/viewProps.js';
import type {SmsRegion} from '../domain/regions.js';
import {RegionsView} from '../views/RegionsView.js';
import {AccountView} from '../views/AccountView.js';
import {PoolsView} from '../views/PoolsView.js';
import {PoolIdentitiesView} from '../views/PoolIdentitiesView.js';
import {NumbersView} from '../views/NumbersView.js';
import {NumberDetailView} from '../views/NumberDetailView.js';
import {SenderIdsView} from '../views/SenderIdsView.js';
import {SenderIdDetailView} from '../views/SenderIdDetailView.js';
import {ConfigSetsView} from '../views/ConfigSetsView.js';
import {ConfigSetDetailView} from '../views/ConfigSetDetailView.js';
import {OptOutListsView} from '../views/OptOutListsView.js';
import {OptedOutNumbersView} from '../views/OptedOutNumbersView.js';
import {VerifiedView} from '../views/VerifiedView.js';
import {RegistrationsView} from '../views/RegistrationsView.js';
import {RegistrationDetailView} from '../views/RegistrationDetailView.js';
import {ProtectView} from '../views/ProtectView.js';
import {ProtectDetailView} from '../views/ProtectDetailView.js';
import {PushAppsView} from '../views/PushAppsView.js';
import {PushAppView} from '../views/PushAppView.js';
import {TailView} from '../views/TailView.js';
import {InsightsView} from '../views/InsightsView.js';
import {SimulatorView} from '../views/SimulatorView.js';
import {SendView} from '../views/SendView.js';
import {KeywordsView} from '../views/KeywordsView.js';
import {OverviewView} from '../views/OverviewView.js';
import {RelationsView} from '../views/RelationsView.js';
import {RawView} from '../views/RawView.js';

export interface RouteContext {
	/** The Region in use (marked in the Regions table). */
	region: string;
	selectRegion: (region: SmsRegion) => void;
	/** The account id, once a screen learns it (for the header). */
	onAccount: (account: string) => void;
}

export function RouteView({route, view, context}: {route: Route; view: ViewProps; context: RouteContext}) {
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
			return (
				<RegionsView
					width={view.width}
					height={view.height}
					filter={view.filter}
					current={context.region}
					isActive={view.isActive}
					onSelect={context.selectRegion}
				/>
			);
	}
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
