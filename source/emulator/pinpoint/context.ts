// What the push handlers share: the state, the emulator's clock and account, and lookups every operation makes.
import type {EmulatorWorld} from '../types.js';
import {notFound} from './errors.js';
import {PushState, type PushApp} from './state.js';

export class PushContext {
	readonly state = new PushState();

	constructor(private readonly world: EmulatorWorld) {}

	now(): number {
		return this.world.clock.now();
	}

	get accountId(): string {
		return this.world.accountId;
	}

	/** Call after every change (--state persistence). */
	dirty(): void {
		this.world.markDirty();
	}

	findApp(region: string, id: string): PushApp | undefined {
		return this.state.appsIn(region).find(app => app.id === id);
	}

	/** The application, or Pinpoint's NotFoundException. */
	requireApp(region: string, id: string): PushApp {
		const app = this.findApp(region, id);
		if (!app) throw notFound(`application ${id}`);
		return app;
	}
}
