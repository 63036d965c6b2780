// Asks for an MFA code inside the console when a profile's role needs one (never on raw stdin behind the UI).
import React from 'react';
import {PromptBar} from './PromptBar.js';

export interface MfaRequest {
	serial: string;
	resolve(code: string): void;
	reject(error: Error): void;
}

export function MfaPrompt({request, width, onInvalid}: {request: MfaRequest; width: number; onInvalid(message: string): void}) {
	const device = request.serial.split(':').pop() ?? request.serial;
	return (
		<PromptBar
			prompt={`MFA code (${device}): `}
			width={width}
			placeholder="6 digits, enter to send, esc to cancel"
			onSubmit={text => {
				const code = text.trim();
				if (!/^\d{6}$/.test(code)) onInvalid('An MFA code is 6 digits');
				else request.resolve(code);
			}}
			onCancel={() => request.reject(new Error('MFA code entry cancelled'))}
		/>
	);
}
