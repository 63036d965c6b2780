// Copy to the clipboard of the terminal the person sits at, even over ssh: OSC 52, wrapped for tmux.
export function copyToClipboard(text: string, out: NodeJS.WritableStream = process.stdout, env: NodeJS.ProcessEnv = process.env): void {
	const osc = `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
	// tmux passes an escape sequence through only inside its DCS wrapper, with inner ESCs doubled.
	const seq = env.TMUX ? `\x1bPtmux;${osc.replace(/\x1b/g, '\x1b\x1b')}\x1b\\` : osc;
	out.write(seq);
}
