// The console's last test push and its outcome per address, kept outside React: the push is applied from the
// review dialog (while the push form is away); the push screen shows what is here.
import type {PushOutcome} from '../domain/pushMessage.js';

export interface PushResultState {
	/** The application it was sent from. */
	appId: string;
	what: string;
	/** The aws command and the MessageRequest it sent. */
	cli: string;
	request: unknown;
	sentAt: number;
	state: 'sending' | 'done' | 'failed';
	requestId?: string;
	outcomes?: PushOutcome[];
	/** The call itself failed (the service's reason). */
	error?: string;
}

type Listener = () => void;

export class PushResultStore {
	private state: PushResultState | undefined;
	private listeners = new Set<Listener>();

	subscribe = (listener: Listener) => {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	};

	get = (): PushResultState | undefined => this.state;

	set(next: PushResultState | undefined): void {
		this.state = next;
		for (const l of this.listeners) l();
	}
}

/** One per console process. */
export const pushResults = new PushResultStore();
