// MFA for scriptable commands: ask on the terminal (prompt on stderr, so stdout stays clean for pipes); without a
// terminal, refuse with a message that says what to do. The terminal stays in cooked mode: it echoes and edits.

function readLine(stdin: NodeJS.ReadStream): Promise<string> {
	return new Promise((resolve, reject) => {
		let buffer = '';
		const cleanup = () => {
			stdin.off('data', onData);
			stdin.off('end', onEnd);
			stdin.pause();
		};
		const onData = (chunk: Buffer | string) => {
			buffer += chunk.toString();
			const end = buffer.search(/\r?\n/);
			if (end >= 0) {
				cleanup();
				resolve(buffer.slice(0, end));
			}
		};
		const onEnd = () => {
			cleanup();
			reject(new Error('no MFA code was entered'));
		};
		stdin.on('data', onData);
		stdin.on('end', onEnd);
		stdin.resume();
	});
}

let pending: Promise<string> | undefined;

export function terminalMfaCodeProvider(stdin: NodeJS.ReadStream = process.stdin, stderr: NodeJS.WriteStream = process.stderr) {
	return async (serial: string): Promise<string> => {
		if (!stdin.isTTY) {
			throw new Error(`the profile needs an MFA code for ${serial}, and there is no terminal to ask on; run it in a terminal or use credentials that need none`);
		}
		// Several clients may ask at once: one prompt answers them all.
		pending ??= (async () => {
			stderr.write(`MFA code for ${serial}: `);
			const code = (await readLine(stdin)).trim();
			if (!/^\d{6}$/.test(code)) throw new Error('an MFA code is 6 digits');
			return code;
		})().finally(() => {
			pending = undefined;
		});
		return pending;
	};
}
