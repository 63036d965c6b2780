import type {Route} from '../app/state.js';

/** What every screen gets from the shell. */
export interface ViewProps {
	width: number;
	height: number;
	filter: string;
	/** False while a bar or overlay has the keyboard. */
	isActive: boolean;
	navigate: (route: Route) => void;
	toast: (text: string, kind?: 'info' | 'ok' | 'warn' | 'error') => void;
}
