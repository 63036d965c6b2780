// The movement keys of any list: up, down, a page, the top, and (optionally) the bottom.
import type {CommandActions} from '../input/useCommands.js';

export function listNavigation(
	moveTo: (index: number) => void,
	{selected, count, page, bottom = true}: {selected: number; count: number; page: number; bottom?: boolean},
): CommandActions {
	return {
		'nav.up': () => moveTo(selected - 1),
		'nav.down': () => moveTo(selected + 1),
		'nav.pageUp': () => moveTo(selected - page),
		'nav.pageDown': () => moveTo(selected + page),
		'nav.top': () => moveTo(0),
		'nav.bottom': bottom ? () => moveTo(count - 1) : undefined,
	};
}
