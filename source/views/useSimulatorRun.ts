// Runs the simulator smoke test for the view and keeps what it reports: steps, events, messages, the report.
import {useCallback, useEffect, useRef, useState} from 'react';
import {useSession} from '../app/session.js';
import type {MessageReport, SimulatorReport, SimulatorRunOptions, StepId, StepUpdate} from '../services/simulatorRun.js';

export interface RunEvent {
	key: number;
	receivedAt: number;
	timestamp?: number;
	destination: string;
	expect: string;
	eventType?: string;
	isFinal?: boolean;
}

export interface RunState {
	running: boolean;
	startedAt: number;
	steps: Partial<Record<StepId, StepUpdate>>;
	events: RunEvent[];
	messages: MessageReport[];
	report?: SimulatorReport;
	error?: string;
}

const MAX_EVENTS = 500;

/** `initial`: a finished run to show again (the screen was left for a dialog and came back). */
export function useSimulatorRun(confirmRequest: () => Promise<boolean>, initial?: RunState) {
	const {session, connection} = useSession();
	const [state, setState] = useState<RunState | undefined>(initial);
	const controller = useRef<AbortController | undefined>(undefined);
	const live = useRef<RunState | undefined>(undefined);
	const confirmRef = useRef(confirmRequest);
	confirmRef.current = confirmRequest;

	// Updates arrive in bursts (a batch of events): one render per turn of the event loop.
	const scheduled = useRef(false);
	const publish = useCallback(() => {
		if (scheduled.current) return;
		scheduled.current = true;
		setTimeout(() => {
			scheduled.current = false;
			if (live.current) setState({...live.current, steps: {...live.current.steps}, events: [...live.current.events], messages: live.current.messages.map(m => ({...m}))});
		}, 0);
	}, []);

	useEffect(() => () => controller.current?.abort(), []);

	const start = useCallback(
		(options: SimulatorRunOptions) => {
			controller.current?.abort();
			const abort = new AbortController();
			controller.current = abort;
			const run: RunState = {running: true, startedAt: Date.now(), steps: {}, events: [], messages: []};
			live.current = run;
			publish();
			let key = 0;
			void (async () => {
				try {
					const [{runSimulator}, {startTail}] = await Promise.all([import('../services/simulatorRun.js'), import('../services/tailEngine.js')]);
					const clients = await session.clientsFor(connection);
					const report = await runSimulator(
						clients,
						{...options, signal: abort.signal, confirmRequestNumber: () => confirmRef.current()},
						{
							step: update => {
								if (live.current !== run) return;
								run.steps[update.id] = update;
								publish();
							},
							event: (event, message) => {
								if (live.current !== run) return;
								run.events.push({key: key++, receivedAt: Date.now(), timestamp: event.timestamp, destination: message.destination, expect: message.expect, eventType: event.eventType ?? event.status, isFinal: event.isFinal});
								if (run.events.length > MAX_EVENTS) run.events.splice(0, run.events.length - MAX_EVENTS);
							},
							message: message => {
								if (live.current !== run) return;
								const at = run.messages.findIndex(m => m.destination === message.destination);
								if (at >= 0) run.messages[at] = message;
								else run.messages.push(message);
								publish();
							},
						},
						{startTail},
					);
					if (live.current !== run) return;
					run.report = report;
					run.messages = report.messages;
				} catch (error) {
					if (live.current !== run) return;
					run.error = (error as Error).message;
				}
				run.running = false;
				publish();
			})();
		},
		[session, connection, publish],
	);

	const stop = useCallback(() => controller.current?.abort(), []);
	return {state, start, stop};
}
