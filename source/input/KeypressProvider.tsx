// The one owner of keyboard input. Ink's useInput is called here and nowhere else; every key press is
// normalised (see keys.ts) and offered to subscribers from the highest priority down until one consumes it.
import React, {createContext, useContext, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import {useInput, usePaste} from 'ink';
import {splitEscapePrefix, toKeyEvents, type KeyEvent} from './keys.js';
import type {CommandId, Keymap} from './keymap.js';

export const Priority = {
	/** Global shortcuts (: / ? q): asked last. */
	Global: 10,
	/** Tables and lists. */
	Table: 30,
	/** The current view's own actions. */
	View: 40,
	/** Text entry bars (command, filter): they take every printable key. */
	Bar: 60,
	/** Overlays and dialogs: modal. */
	Dialog: 80,
	/** Always first (ctrl-c). */
	Critical: 100,
} as const;

type KeyHandler = (event: KeyEvent) => boolean | void;

interface Subscriber {
	id: number;
	priority: number;
	handler: {current: KeyHandler};
}

export interface ActiveBinding {
	id: CommandId;
	priority: number;
}

class KeyBus {
	private subscribers: Subscriber[] = [];
	private nextId = 1;
	private bindings = new Map<number, ActiveBinding[]>();
	private listeners = new Set<() => void>();
	private snapshot: ActiveBinding[] = [];
	private modals = new Map<number, {priority: number; hint: string}>();
	private modalSnapshot: string | undefined;

	subscribe(priority: number, handler: {current: KeyHandler}): () => void {
		const sub = {id: this.nextId++, priority, handler};
		this.subscribers.push(sub);
		// Highest priority first; among equals the most recent subscriber first (the innermost view).
		this.subscribers.sort((a, b) => b.priority - a.priority || b.id - a.id);
		return () => {
			this.subscribers = this.subscribers.filter(s => s !== sub);
		};
	}

	dispatch(event: KeyEvent): boolean {
		for (const sub of [...this.subscribers]) {
			if (sub.handler.current(event) === true) return true;
		}
		return false;
	}

	/** Commands currently bound by mounted components, for the footer and the help overlay. */
	publish(owner: number, bindings: ActiveBinding[] | undefined): void {
		this.record(owner, bindings);
		for (const listener of this.listeners) listener();
	}

	/**
	 * Records a component's bindings while it renders for the first time, without telling anyone: the footer,
	 * which renders after it in the same pass, then shows them in the very first frame. The component's effect
	 * publishes (and announces) them as usual right after.
	 */
	stage(owner: number, bindings: ActiveBinding[]): void {
		if (!this.bindings.has(owner)) this.record(owner, bindings);
	}

	private record(owner: number, bindings: ActiveBinding[] | undefined): void {
		if (bindings) this.bindings.set(owner, bindings);
		else this.bindings.delete(owner);
		const seen = new Set<string>();
		this.snapshot = [...this.bindings.values()]
			.flat()
			.sort((a, b) => b.priority - a.priority)
			.filter(b => (seen.has(b.id) ? false : (seen.add(b.id), true)));
	}

	/** A handler that takes every key says so with a hint; the footer then shows only that hint. */
	setModal(owner: number, modal: {priority: number; hint: string} | undefined): void {
		if (modal) this.modals.set(owner, modal);
		else this.modals.delete(owner);
		const top = [...this.modals.values()].sort((a, b) => b.priority - a.priority)[0];
		if (top?.hint === this.modalSnapshot) return;
		this.modalSnapshot = top?.hint;
		for (const listener of this.listeners) listener();
	}

	getModal = () => this.modalSnapshot;

	onBindings = (listener: () => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getBindings = () => this.snapshot;

	newOwner(): number {
		return this.nextId++;
	}
}

interface KeypressContextValue {
	bus: KeyBus;
	keymap: Keymap;
	readOnly: boolean;
	onBlocked: (id: CommandId) => void;
}

const KeypressContext = createContext<KeypressContextValue | undefined>(undefined);

export function useKeypressContext(): KeypressContextValue {
	const value = useContext(KeypressContext);
	if (!value) throw new Error('KeypressProvider is missing');
	return value;
}

export function KeypressProvider({
	keymap,
	readOnly = false,
	onBlocked = () => {},
	children,
}: {
	keymap: Keymap;
	readOnly?: boolean;
	onBlocked?: (id: CommandId) => void;
	children: React.ReactNode;
}) {
	const bus = useMemo(() => new KeyBus(), []);
	// Keys that arrive together (fast typing, ssh, a paste of keys) are delivered one at a time, and each waits
	// until React has committed what the previous one changed: ":numbers" typed in one burst lands in the command
	// bar, and a key right behind the enter that closes a dialog reaches the screen under it, not the dialog.
	// Waiting one turn of the event loop is not enough: on a busy machine React's scheduler yields between tasks
	// and a timer can run before the render it scheduled.
	const queue = useRef<KeyEvent[]>([]);
	const draining = useRef(false);
	const requestCommit = useRef<(() => void) | undefined>(undefined);
	const watchdog = useRef<NodeJS.Timeout | undefined>(undefined);
	const next = () => {
		clearTimeout(watchdog.current);
		watchdog.current = undefined;
		setTimeout(drain, 0);
	};
	const drain = () => {
		const event = queue.current.shift();
		if (!event) {
			draining.current = false;
			return;
		}
		bus.dispatch(event);
		const request = requestCommit.current;
		if (!request) {
			setTimeout(drain, 0);
			return;
		}
		// The barrier's update is batched with whatever the key changed: its commit is theirs. Should no commit come
		// (an unmounting tree), the queue still moves on.
		watchdog.current = setTimeout(next, COMMIT_WAIT_MS).unref();
		request();
	};
	const enqueue = (events: KeyEvent[]) => {
		queue.current.push(...events);
		if (draining.current) return;
		draining.current = true;
		drain();
	};
	const bound = useMemo(() => new Set(Object.values(keymap).flat()), [keymap]);
	useInput((input, key) => enqueue(splitEscapePrefix(toKeyEvents(input, key), id => bound.has(id))));
	usePaste(text => enqueue([{name: 'paste', text, ctrl: false, meta: false, shift: false}]));
	const value = useMemo(() => ({bus, keymap, readOnly, onBlocked}), [bus, keymap, readOnly, onBlocked]);
	return (
		<KeypressContext.Provider value={value}>
			<CommitBarrier request={requestCommit} onCommit={next} />
			{children}
		</KeypressContext.Provider>
	);
}

/** How long a key waits for React to commit the previous one before it is delivered anyway. */
const COMMIT_WAIT_MS = 1000;

/** Renders nothing; re-rendered on request, it reports the commit that carries the request. */
function CommitBarrier({request, onCommit}: {request: React.RefObject<(() => void) | undefined>; onCommit: () => void}) {
	const [tick, setTick] = useState(0);
	useLayoutEffect(() => {
		request.current = () => setTick(t => t + 1);
		return () => {
			request.current = undefined;
		};
	}, [request]);
	const latest = useRef(onCommit);
	latest.current = onCommit;
	useLayoutEffect(() => {
		if (tick > 0) latest.current();
	}, [tick]);
	return null;
}

/**
 * Subscribes a raw key handler; return true to consume the key. The latest handler is always used.
 * `modalHint`: this handler takes every key (a dialog, a form); the footer shows the hint instead of key hints.
 */
export function useKeypress(
	handler: KeyHandler,
	{priority, isActive = true, modalHint}: {priority: number; isActive?: boolean; modalHint?: string},
) {
	const {bus} = useKeypressContext();
	const ref = useRef(handler);
	ref.current = handler;
	const owner = useMemo(() => bus.newOwner(), [bus]);
	useLayoutEffect(() => {
		bus.setModal(owner, isActive && modalHint ? {priority, hint: modalHint} : undefined);
		return () => bus.setModal(owner, undefined);
	}, [bus, owner, priority, isActive, modalHint]);
	// A layout effect: the subscription exists as soon as the component is on screen.
	useLayoutEffect(() => {
		if (!isActive) return;
		return bus.subscribe(priority, ref);
	}, [bus, priority, isActive]);
}

/** The hint of the dialog or form that has the keyboard, if one has. */
export function useModalHint(): string | undefined {
	const {bus} = useKeypressContext();
	return useSyncExternalStore(bus.onBindings, bus.getModal, bus.getModal);
}

/** The commands currently bound, highest priority first (read by the footer and the help overlay). */
export function useActiveBindings(): ActiveBinding[] {
	const {bus} = useKeypressContext();
	return useSyncExternalStore(bus.onBindings, bus.getBindings, bus.getBindings);
}

export {KeyBus};
