// Every screen but the first (Regions), in one module the console loads once it is on screen (routes.tsx):
// loading them all before the first frame cost it ~20 ms.
export {AccountView} from '../views/AccountView.js';
export {PoolsView} from '../views/PoolsView.js';
export {PoolIdentitiesView} from '../views/PoolIdentitiesView.js';
export {NumbersView} from '../views/NumbersView.js';
export {NumberDetailView} from '../views/NumberDetailView.js';
export {SenderIdsView} from '../views/SenderIdsView.js';
export {SenderIdDetailView} from '../views/SenderIdDetailView.js';
export {ConfigSetsView} from '../views/ConfigSetsView.js';
export {ConfigSetDetailView} from '../views/ConfigSetDetailView.js';
export {OptOutListsView} from '../views/OptOutListsView.js';
export {OptedOutNumbersView} from '../views/OptedOutNumbersView.js';
export {VerifiedView} from '../views/VerifiedView.js';
export {RegistrationsView} from '../views/RegistrationsView.js';
export {RegistrationDetailView} from '../views/RegistrationDetailView.js';
export {ProtectView} from '../views/ProtectView.js';
export {ProtectDetailView} from '../views/ProtectDetailView.js';
export {PushAppsView} from '../views/PushAppsView.js';
export {PushAppView} from '../views/PushAppView.js';
export {TailView} from '../views/TailView.js';
export {InsightsView} from '../views/InsightsView.js';
export {SimulatorView} from '../views/SimulatorView.js';
export {SendView} from '../views/SendView.js';
export {KeywordsView} from '../views/KeywordsView.js';
export {OverviewView} from '../views/OverviewView.js';
export {RelationsView} from '../views/RelationsView.js';
export {RawView} from '../views/RawView.js';
