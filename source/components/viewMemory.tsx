// Memory of a screen's widgets (cursor, scroll, sort) while the screen is on the navigation stack. The shell
// gives each screen its own slot store; a widget reads its slot when it mounts and writes it as it changes, so
// going back to a screen finds it as it was left, and a screen opened afresh starts with an empty store.
import React, {createContext, useContext} from 'react';

export type MemorySlots = Map<string, unknown>;

const MemoryContext = createContext<MemorySlots | undefined>(undefined);

export function ViewMemoryProvider({slots, children}: {slots: MemorySlots; children: React.ReactNode}) {
	return <MemoryContext.Provider value={slots}>{children}</MemoryContext.Provider>;
}

/** The slot store of the screen this widget is on (undefined outside the shell: nothing is remembered). */
export function useViewMemory(): MemorySlots | undefined {
	return useContext(MemoryContext);
}
