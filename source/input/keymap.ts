// The one table of commands and their keys. It drives key handling, the footer hints and the `?` help,
// so what the help says is what the keys do. Users override keys in preferences ("keys": {"nav.down": ["n"]}).
import {normalizeKeySpec} from './keys.js';

export interface CommandSpec {
	keys: string[];
	/** Short label for the footer. */
	hint: string;
	/** Longer text for the help overlay. */
	help: string;
	group: 'General' | 'Navigation' | 'Table' | 'View' | 'Edit';
	/** Changes the account: hidden and refused in read-only mode. */
	mutates?: boolean;
}

export const COMMANDS = {
	'app.quit': {keys: ['q', 'ctrl+c'], hint: 'quit', help: 'Quit smsdeck (ctrl-c always quits)', group: 'General'},
	'app.help': {keys: ['?'], hint: 'help', help: 'Show or hide this help', group: 'General'},
	'app.command': {keys: [':'], hint: 'command', help: 'Command mode (:regions, :region <code>, :help …)', group: 'General'},
	'app.filter': {keys: ['/'], hint: 'filter', help: 'Filter the current table; esc clears', group: 'General'},
	'app.errors': {keys: ['!'], hint: 'errors', help: 'Show the error log', group: 'General'},
	'app.back': {keys: ['escape'], hint: 'back', help: 'Back to the previous screen, or close the overlay', group: 'General'},
	'app.refresh': {keys: ['r', 'ctrl+r'], hint: 'refresh', help: 'Reload the current view from the service', group: 'General'},
	'nav.up': {keys: ['k', 'up'], hint: 'up', help: 'Move up', group: 'Navigation'},
	'nav.down': {keys: ['j', 'down'], hint: 'down', help: 'Move down', group: 'Navigation'},
	'nav.pageUp': {keys: ['pageup', 'ctrl+b'], hint: 'page up', help: 'One page up', group: 'Navigation'},
	'nav.pageDown': {keys: ['pagedown', 'ctrl+f'], hint: 'page down', help: 'One page down', group: 'Navigation'},
	'nav.top': {keys: ['g', 'home'], hint: 'top', help: 'First row', group: 'Navigation'},
	'nav.bottom': {keys: ['G', 'end'], hint: 'bottom', help: 'Last row', group: 'Navigation'},
	'detail.scrollDown': {keys: ['ctrl+d'], hint: 'more', help: 'Scroll the fields of a detail down (when they do not all fit)', group: 'Navigation'},
	'detail.scrollUp': {keys: ['ctrl+u'], hint: 'back up', help: 'Scroll the fields of a detail up', group: 'Navigation'},
	'table.sortNext': {keys: ['s'], hint: 'sort', help: 'Sort by the next column', group: 'Table'},
	'table.sortReverse': {keys: ['S'], hint: 'reverse', help: 'Reverse the sort order', group: 'Table'},
	'view.open': {keys: ['enter'], hint: 'open', help: 'Open the selected row', group: 'View'},
	'regions.select': {keys: ['enter'], hint: 'use region', help: 'Switch the console to the selected Region, open its overview', group: 'View'},
	'view.copy': {keys: ['c'], hint: 'copy', help: 'Copy menu: the value, id, ARN or aws command to the clipboard (OSC 52; tmux, screen and ssh too; shown to select where the terminal cannot be told)', group: 'View'},
	'view.pool': {keys: ['p'], hint: 'pool', help: "Go to the number's pool", group: 'View'},
	'view.relations': {keys: ['X'], hint: 'relations', help: 'Relations (xray): what it is tied to; enter jumps', group: 'View'},
	'view.raw': {keys: ['y'], hint: 'raw', help: 'Raw JSON from the service, with its aws command', group: 'View'},
	'view.registration': {keys: ['R'], hint: 'registration', help: 'Go to the registration that holds the number (a 10DLC or toll-free number stays PENDING until it is COMPLETE)', group: 'View'},
	'view.keywords': {keys: ['K'], hint: 'keywords', help: "Open the keywords of the pool (a pooled number's keywords live there)", group: 'View'},
	'edit.add': {keys: ['a'], hint: 'add', help: 'Add a row (keyword, opted-out number, configuration set, event destination); staged until applied', group: 'Edit', mutates: true},
	'edit.edit': {keys: ['e'], hint: 'edit', help: 'Edit the selected row in place; staged until applied', group: 'Edit', mutates: true},
	'edit.delete': {keys: ['d'], hint: 'delete', help: 'Delete the selected row (spend limits: clear the override); staged, typed confirmation', group: 'Edit', mutates: true},
	'edit.settings': {keys: ['o'], hint: 'settings', help: 'Edit the settings of the number or pool (two-way, opt-outs, shared routes, deletion protection)', group: 'Edit', mutates: true},
	'edit.request': {keys: ['n'], hint: 'request number', help: 'Request a phone number (incl. SIMULATOR); typed confirmation', group: 'Edit', mutates: true},
	'edit.release': {keys: ['x'], hint: 'release', help: 'Release the selected phone number; typed confirmation; refused while deletion protection is on', group: 'Edit', mutates: true},
	'registration.submit': {keys: ['S'], hint: 'submit', help: 'Registration: submit the current version for review (staged with what you changed; typed confirmation "submit")', group: 'Edit', mutates: true},
	'registration.discard': {keys: ['D'], hint: 'discard version', help: 'Registration: discard the submitted version (only while SUBMITTED; typed confirmation "discard")', group: 'Edit', mutates: true},
	'protect.capability': {keys: ['tab'], hint: 'SMS/MMS/VOICE', help: 'Protect configuration: show the country rules of the next capability (SMS → MMS → VOICE)', group: 'View'},
	'protect.all': {keys: ['E'], hint: 'set all shown', help: 'Protect configuration: set the rule of every country shown (after / filter); staged, sent in batches of 300', group: 'Edit', mutates: true},
	'protect.associate': {keys: ['A'], hint: 'associate', help: 'Protect configuration: associate it with a configuration set, or disassociate one that uses it; staged', group: 'Edit', mutates: true},
	'protect.default': {keys: ['D'], hint: 'account default', help: 'Protect configuration: make it the account default, or remove it as the default; staged', group: 'Edit', mutates: true},
	'protect.which': {keys: ['W'], hint: 'which rule?', help: 'Which rule applies? For a configuration set, a country and a capability: the rule that decides a send, and why', group: 'View'},
	'verified.sendCode': {keys: ['v'], hint: 'send code', help: 'Verified numbers: send a verification code to the selected number by SMS or voice (staged; typed confirmation "send")', group: 'Edit', mutates: true},
	'verified.verify': {keys: ['V'], hint: 'enter code', help: 'Verified numbers: enter the code the phone received (staged; VERIFIED once the service accepts it)', group: 'Edit', mutates: true},
	'send.test': {keys: ['T'], hint: 'test send', help: 'Test send (SMS or voice) from this number, pool or sender ID, or to this verified number; its events followed live', group: 'Edit', mutates: true},
	'push.toggle': {keys: ['E'], hint: 'enable/disable', help: 'Push application: enable or disable the channel under the cursor (staged; its credentials stay)', group: 'Edit', mutates: true},
	'push.deleteApp': {keys: ['D'], hint: 'delete app', help: 'Push: delete the application (its channels, campaigns, journeys and segments too); staged, typed confirmation "delete"', group: 'Edit', mutates: true},
	'push.send': {keys: ['T'], hint: 'test push', help: 'Push application: a test push to a device token or endpoint id on the channel under the cursor; payload size checked against the channel limit; result per address', group: 'Edit', mutates: true},
	'destination.toggle': {keys: ['E'], hint: 'enable/disable', help: 'Configuration set: enable or disable the selected event destination (staged)', group: 'Edit', mutates: true},
	'edit.write': {keys: ['w'], hint: 'write', help: 'Review the staged edits (diff and aws commands) and apply them', group: 'Edit', mutates: true},
	'edit.undo': {keys: ['u'], hint: 'undo', help: 'Discard the staged edit of the selected row (elsewhere: all staged edits)', group: 'Edit', mutates: true},
	'tail.start': {keys: ['t'], hint: 'tail', help: "Live tail of the configuration set's CloudWatch Logs events", group: 'View'},
	'tail.pause': {keys: ['space'], hint: 'pause', help: 'Tail: pause or resume the screen (events keep buffering, shown as +N new)', group: 'View'},
	'tail.follow': {keys: ['G', 'end'], hint: 'follow', help: 'Tail: jump to the newest event and follow', group: 'View'},
	'tail.quick': {keys: ['f'], hint: 'failed/pending/delivered', help: 'Tail: cycle the quick filter: failed, pending, delivered, all', group: 'View'},
	'tail.group': {keys: ['m'], hint: 'by message', help: 'Tail: group events by message id into one lifecycle row (PENDING → … → final, latency)', group: 'View'},
	'tail.window': {keys: ['t'], hint: 'window', help: 'Tail: widen the time window 5m → 1h → 6h → 24h (older events are read and merged in; then back to 5m)', group: 'View'},
	'tail.breakdown': {keys: ['b'], hint: 'breakdown', help: 'Tail: show or hide the breakdown by final status, country, origination and message type (enter on a cell filters, again clears)', group: 'View'},
	'tail.cellLeft': {keys: ['left', 'h'], hint: 'prev column', help: 'Tail breakdown and insights: the column to the left', group: 'View'},
	'tail.cellRight': {keys: ['right', 'l'], hint: 'next column', help: 'Tail breakdown and insights: the column to the right', group: 'View'},
	'tail.export': {keys: ['x'], hint: 'export', help: 'Tail: export the events in view (after filters) to a JSON-lines file', group: 'View'},
	'insights.open': {keys: ['i'], hint: 'insights', help: "Insights of the configuration set's events: delivery and failure rates by country, origination, status and type, latency, spend (Logs Insights)", group: 'View'},
	'insights.window': {keys: ['t'], hint: 'window', help: 'Insights: the time window 15m → 1h → 24h → 7d (the queries run again; running ones are stopped)', group: 'View'},
	'insights.queries': {keys: ['y'], hint: 'queries', help: 'Insights: show or hide the Logs Insights queries (aws logs start-query), their state and bytes scanned', group: 'View'},
	'sim.run': {keys: ['enter'], hint: 'run', help: 'Simulator: run the smoke test with the form (sends to simulator numbers, billed)', group: 'View', mutates: true},
	'sim.rerun': {keys: ['R'], hint: 're-run', help: 'Simulator: run again with the same settings', group: 'View', mutates: true},
	'sim.edit': {keys: ['e'], hint: 'edit field', help: 'Simulator: edit the selected field (from the results: back to the form)', group: 'View'},
	'sim.next': {keys: ['right', 'l', 'space'], hint: 'change', help: 'Simulator: next choice of the selected field (country, configuration set, channel, release)', group: 'View'},
	'sim.prev': {keys: ['left', 'h'], hint: 'previous', help: 'Simulator: previous choice of the selected field', group: 'View'},
	'sim.gsm': {keys: ['f'], hint: 'GSM fix', help: 'Simulator: replace the characters that force UCS-2 with GSM ones (’ → \', ™ → (TM) …)', group: 'View'},
	'sim.fix': {keys: ['F'], hint: 'stage fix', help: 'Simulator: stage the fix the preflight names (create the log group, create or enable the destination) for review; then R re-runs', group: 'Edit', mutates: true},
	'sim.stop': {keys: ['x'], hint: 'stop run', help: 'Simulator: stop the running smoke test', group: 'View'},
} satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMANDS;

export type Keymap = Record<CommandId, string[]>;

export interface KeymapResult {
	keymap: Keymap;
	/** Overrides that were ignored, with the reason (shown once as a warning). */
	problems: string[];
}

/** Default keys merged with user overrides; unknown commands or unreadable keys are reported, not fatal. */
export function buildKeymap(overrides: Record<string, string[]> = {}): KeymapResult {
	const problems: string[] = [];
	const keymap = Object.fromEntries(
		Object.entries(COMMANDS).map(([id, spec]) => [id, spec.keys.map(k => normalizeKeySpec(k)!)]),
	) as Keymap;
	for (const [id, keys] of Object.entries(overrides)) {
		if (!(id in COMMANDS)) {
			problems.push(`keys: unknown command "${id}"`);
			continue;
		}
		const normalized: string[] = [];
		for (const k of keys) {
			const n = normalizeKeySpec(k);
			if (n) normalized.push(n);
			else problems.push(`keys: cannot read key "${k}" for ${id}`);
		}
		if (normalized.length > 0) keymap[id as CommandId] = normalized;
	}
	return {keymap, problems};
}

export function commandSpec(id: CommandId): CommandSpec {
	return COMMANDS[id];
}
