// Binds command ids (from the keymap) to actions for as long as the calling component is mounted and active.
// The bound commands show up in the footer hints and the help overlay.
import {useEffect, useMemo, useRef} from 'react';
import {keyId, type KeyEvent} from './keys.js';
import {COMMANDS, type CommandId} from './keymap.js';
import {useKeypress, useKeypressContext} from './KeypressProvider.js';

export type CommandActions = Partial<Record<CommandId, (() => void) | undefined>>;

export function useCommands(actions: CommandActions, {priority, isActive = true}: {priority: number; isActive?: boolean}) {
	const {bus, keymap, readOnly, onBlocked} = useKeypressContext();
	const owner = useMemo(() => bus.newOwner(), [bus]);
	const ids = (Object.keys(actions) as CommandId[]).filter(id => actions[id] !== undefined);
	const signature = ids.join(',');
	const actionsRef = useRef(actions);
	actionsRef.current = actions;

	useKeypress(
		(event: KeyEvent) => {
			const id = keyId(event);
			for (const command of ids) {
				if (!keymap[command].includes(id)) continue;
				if (readOnly && (COMMANDS[command] as {mutates?: boolean}).mutates) {
					onBlocked(command);
					return true;
				}
				actionsRef.current[command]?.();
				return true;
			}
			return false;
		},
		{priority, isActive},
	);

	const visible = () => ids.filter(id => !(readOnly && (COMMANDS[id] as {mutates?: boolean}).mutates)).map(id => ({id, priority}));
	// While active, the bindings are recorded during render when the bus does not have them yet (first mount,
	// or active again after a bar or dialog closed): the footer, drawn later in the same pass, lists them at
	// once instead of showing a blank line for a frame.
	if (isActive) bus.stage(owner, visible());

	useEffect(() => {
		if (!isActive) {
			bus.publish(owner, undefined);
			return;
		}
		bus.publish(owner, visible());
		return () => bus.publish(owner, undefined);
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [bus, owner, signature, priority, isActive, readOnly]);
}
