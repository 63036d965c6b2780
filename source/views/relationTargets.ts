// The screen each relation target and resource opens.
import type {Route} from '../app/state.js';
import type {RelationTarget, ResourceRef} from '../domain/resourceRef.js';

export function routeForTarget(target: RelationTarget): Route {
	switch (target.kind) {
		case 'number':
			return {name: 'number', id: target.id};
		case 'pool':
			return {name: 'poolIdentities', poolId: target.id};
		case 'senderId':
			return {name: 'senderId', senderId: target.id, country: target.country ?? ''};
		case 'configSet':
			return {name: 'configSet', configSet: target.id};
		case 'optOutList':
			return {name: 'optedOutNumbers', list: target.id};
		case 'optedOutNumber':
			return {name: 'optedOutNumbers', list: target.list ?? ''};
		case 'verified':
			return {name: 'verified'};
		case 'keywords':
			return {name: 'keywords', origination: target.origination};
		case 'tail':
			return {name: 'tail', configSet: target.configSet, ...(target.destination ? {destination: target.destination} : {})};
	}
}

/** X and y on a resource: its relations and its raw JSON. */
export function resourceActions(navigate: (route: Route) => void, subject: () => ResourceRef | undefined) {
	return {
		'view.relations': () => {
			const s = subject();
			if (s?.id) navigate({name: 'relations', subject: s});
		},
		'view.raw': () => {
			const s = subject();
			if (s?.id) navigate({name: 'raw', subject: s});
		},
	};
}
