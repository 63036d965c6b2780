// The console's last test send and its events, kept outside React: the send is applied from the review dialog
// (while the screen is away) and its events are followed from then on; the :send screen shows what is here.
import type {Clients} from '../services/clients.js';
import type {FollowReport, FollowRequest} from '../services/testSend.js';

export interface TestSendState {
	what: string;
	destination: string;
	channel: 'TEXT' | 'VOICE';
	sentAt: number;
	report: FollowReport;
	error?: string;
}

type Listener = () => void;

export class TestSendStore {
	private state: TestSendState | undefined;
	private listeners = new Set<Listener>();
	private controller: AbortController | undefined;

	subscribe = (listener: Listener) => {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	};

	get = (): TestSendState | undefined => this.state;

	/** A message was sent: follow its events (the previous follow stops). */
	follow(clients: Clients, sent: Omit<TestSendState, 'report' | 'error'>, request: Omit<FollowRequest, 'signal'>): void {
		this.controller?.abort();
		const controller = new AbortController();
		this.controller = controller;
		this.state = {...sent, report: {state: 'finding', messageId: request.messageId, events: []}};
		this.emit();
		const mine = () => this.controller === controller;
		void (async () => {
			try {
				const [{followTestSend}, {startTail}] = await Promise.all([import('../services/testSend.js'), import('../services/tailEngine.js')]);
				await followTestSend(
					clients,
					{...request, signal: controller.signal},
					report => {
						if (!mine() || !this.state) return;
						this.state = {...this.state, report};
						this.emit();
					},
					{startTail},
				);
			} catch (error) {
				if (!mine() || !this.state) return;
				this.state = {...this.state, error: (error as Error).message, report: {...this.state.report, state: 'stopped'}};
				this.emit();
			}
		})();
	}

	stop(): void {
		this.controller?.abort();
	}

	private emit(): void {
		for (const l of this.listeners) l();
	}
}

/** One per console process. */
export const testSends = new TestSendStore();
