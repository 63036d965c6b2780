// The copy layer of the console: `c` on any list or detail opens a menu of what can be copied there; the choice
// goes to the clipboard through OSC 52 (see clipboard.ts), or is shown to select where the terminal cannot be told.
import React, {createContext, useCallback, useContext, useMemo, useState} from 'react';
import {copyToClipboard, type ClipboardPreference} from './clipboard.js';
import {CopyMenu, type CopyChoice} from '../components/CopyMenu.js';
import {truncate} from '../domain/textWidth.js';

export type {CopyChoice} from '../components/CopyMenu.js';

interface CopyRequest {
	title: string;
	choices: CopyChoice[];
	shown?: CopyChoice;
}

interface CopyValue {
	/** Opens the copy menu; choices without text are left out; nothing opens when none is left. */
	openCopy: (title: string, choices: {label: string; text?: string}[]) => void;
	request?: CopyRequest;
	choose: (choice: CopyChoice) => void;
	close: () => void;
}

const CopyContext = createContext<CopyValue | undefined>(undefined);

export interface CopyProviderProps {
	toast: (text: string, kind?: 'info' | 'ok' | 'warn' | 'error') => void;
	/** The "clipboard" preference: auto (default), osc52 (always send), show (always show the text). */
	preference?: () => ClipboardPreference | undefined;
	/** Tests replace the clipboard. */
	copy?: (text: string) => 'sent' | 'show';
	children: React.ReactNode;
}

export function CopyProvider({toast, preference, copy, children}: CopyProviderProps) {
	const [request, setRequest] = useState<CopyRequest | undefined>();
	const openCopy = useCallback(
		(title: string, choices: {label: string; text?: string}[]) => {
			const usable = choices.filter((c): c is CopyChoice => Boolean(c.text));
			if (usable.length === 0) return toast('Nothing to copy here yet', 'info');
			setRequest({title, choices: usable});
		},
		[toast],
	);
	const choose = useCallback(
		(choice: CopyChoice) => {
			const how = copy ? copy(choice.text) : copyToClipboard(choice.text, {preference: preference?.()});
			if (how === 'show') {
				setRequest(r => (r ? {...r, shown: choice} : r));
				return;
			}
			setRequest(undefined);
			toast(`Copied ${choice.label}: ${truncate(choice.text, 200)}`, 'ok');
		},
		[copy, preference, toast],
	);
	const close = useCallback(() => setRequest(undefined), []);
	const value = useMemo(() => ({openCopy, request, choose, close}), [openCopy, request, choose, close]);
	return <CopyContext.Provider value={value}>{children}</CopyContext.Provider>;
}

const noCopy: CopyValue = {openCopy: () => {}, choose: () => {}, close: () => {}};

export function useCopy(): CopyValue {
	return useContext(CopyContext) ?? noCopy;
}

/** The open copy menu, drawn in place of the screen below; null when none is open. */
export function CopyDialog({width, height}: {width: number; height: number}) {
	const {request, choose, close} = useCopy();
	if (!request) return null;
	return <CopyMenu title={request.title} choices={request.choices} shown={request.shown} width={width} height={height} onChoose={choose} onClose={close} />;
}
