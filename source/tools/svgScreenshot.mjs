// Renders the visible screen of an @xterm/headless Terminal to text or to a self-contained SVG.
// Plain JS so that both the tools (`npm run media`) and the TypeScript tests can import it.
// The terminal must be created with `allowProposedApi: true` (xterm 6 guards `terminal.buffer` behind it).

/** The 16 ANSI colours, roughly the VS Code dark terminal theme. */
export const defaultTheme = Object.freeze({
	background: '#1e1e1e',
	foreground: '#d4d4d4',
	chrome: '#2d2d2d',
	chromeText: '#9d9d9d',
	ansi: Object.freeze([
		'#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5',
		'#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff',
	]),
});

const hex2 = (n) => n.toString(16).padStart(2, '0');
const rgbHex = (r, g, b) => `#${hex2(r)}${hex2(g)}${hex2(b)}`;

/** Colour of xterm palette index 0–255 (16 theme colours, the 6×6×6 cube, 24 greys). */
export function paletteColor(index, theme = defaultTheme) {
	if (index < 16) return theme.ansi[index];
	if (index < 232) {
		const i = index - 16;
		const level = (v) => (v === 0 ? 0 : 55 + v * 40);
		return rgbHex(level(Math.floor(i / 36)), level(Math.floor(i / 6) % 6), level(i % 6));
	}
	const grey = 8 + (index - 232) * 10;
	return rgbHex(grey, grey, grey);
}

function fgOf(cell, theme) {
	if (cell.isFgRGB()) {
		const c = cell.getFgColor();
		return rgbHex((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff);
	}
	if (cell.isFgPalette()) return paletteColor(cell.getFgColor(), theme);
	return undefined;
}

function bgOf(cell, theme) {
	if (cell.isBgRGB()) {
		const c = cell.getBgColor();
		return rgbHex((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff);
	}
	if (cell.isBgPalette()) return paletteColor(cell.getBgColor(), theme);
	return undefined;
}

/**
 * The visible rows of the active buffer (normal or alternate), each right-trimmed.
 * @param {import('@xterm/headless').Terminal} terminal
 * @returns {string[]}
 */
export function screenLines(terminal) {
	const buffer = terminal.buffer.active;
	const lines = [];
	for (let y = 0; y < terminal.rows; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		lines.push(line ? line.translateToString(true).replace(/\s+$/u, '') : '');
	}
	return lines;
}

/** The visible screen as text: rows joined by \n, each right-trimmed. */
export function screenText(terminal) {
	return screenLines(terminal).join('\n');
}

/**
 * Cells of the visible screen with resolved colours and attributes, one array per row.
 * Wide characters occupy one entry with width 2; their trailing placeholder cell is skipped.
 */
export function screenCells(terminal, theme = defaultTheme) {
	const buffer = terminal.buffer.active;
	const scratch = buffer.getNullCell();
	const rows = [];
	for (let y = 0; y < terminal.rows; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		const row = [];
		if (line) {
			for (let x = 0; x < terminal.cols; x++) {
				const cell = line.getCell(x, scratch);
				if (!cell) break;
				const width = cell.getWidth();
				if (width === 0) continue;
				let fg = fgOf(cell, theme);
				let bg = bgOf(cell, theme);
				const inverse = cell.isInverse() !== 0;
				if (inverse) [fg, bg] = [bg ?? theme.background, fg ?? theme.foreground];
				row.push({
					x,
					width,
					chars: cell.getChars() || ' ',
					fg: fg ?? theme.foreground,
					bg, // undefined = default background
					bold: cell.isBold() !== 0,
					dim: cell.isDim() !== 0,
					italic: cell.isItalic() !== 0,
					underline: cell.isUnderline() !== 0,
					strikethrough: cell.isStrikethrough() !== 0,
					invisible: cell.isInvisible() !== 0,
					inverse,
				});
			}
		}
		rows.push(row);
	}
	return rows;
}

const escapeXml = (s) =>
	s.replace(/[&<>"']/gu, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'})[c]);

// Characters that are not allowed in XML 1.0 at all (control characters other than tab/newline/CR).
// eslint-disable-next-line no-control-regex
const stripInvalidXml = (s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, ' ');

const styleKey = (c) =>
	[c.fg, c.bold, c.dim, c.italic, c.underline, c.strikethrough, c.invisible].join('|');

/**
 * Renders the visible screen of `terminal` to a self-contained SVG string: dark window with a title bar,
 * every cell with its foreground/background colour (16, 256 and truecolour), bold, dim, italic, inverse,
 * underline and strikethrough, in a monospace font.
 * @param {import('@xterm/headless').Terminal} terminal
 * @param {{title?: string, fontSize?: number, fontFamily?: string, theme?: typeof defaultTheme, chrome?: boolean}} [options]
 */
export function renderSvg(terminal, options = {}) {
	const theme = options.theme ?? defaultTheme;
	const fontSize = options.fontSize ?? 14;
	const fontFamily =
		options.fontFamily ?? "'DejaVu Sans Mono', 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";
	const chrome = options.chrome ?? true;
	const cellWidth = +(fontSize * 0.6).toFixed(2);
	const lineHeight = +(fontSize * 1.25).toFixed(2);
	const pad = Math.round(fontSize * 0.9);
	const titleBar = chrome ? Math.round(fontSize * 2.2) : 0;
	const width = Math.ceil(terminal.cols * cellWidth + pad * 2);
	const height = Math.ceil(terminal.rows * lineHeight + pad * 2 + titleBar);
	const x0 = pad;
	const y0 = pad + titleBar;
	const baseline = +(lineHeight * 0.78).toFixed(2);
	const px = (n) => +n.toFixed(2);

	const out = [];
	out.push(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
	);
	out.push(
		`<style>text{font-family:${escapeXml(fontFamily)};font-size:${fontSize}px;white-space:pre}.b{font-weight:bold}.d{opacity:.5}.i{font-style:italic}</style>`,
	);
	out.push(`<rect width="${width}" height="${height}" rx="8" fill="${theme.background}"/>`);
	if (chrome) {
		out.push(`<path d="M0 8a8 8 0 0 1 8-8h${width - 16}a8 8 0 0 1 8 8v${titleBar - 8}h-${width}z" fill="${theme.chrome}"/>`);
		const cy = titleBar / 2;
		['#ff5f57', '#febc2e', '#28c840'].forEach((colour, i) => {
			out.push(`<circle cx="${pad + i * 20}" cy="${cy}" r="6" fill="${colour}"/>`);
		});
		if (options.title) {
			out.push(
				`<text x="${width / 2}" y="${px(cy + fontSize * 0.35)}" text-anchor="middle" fill="${theme.chromeText}">${escapeXml(stripInvalidXml(options.title))}</text>`,
			);
		}
	}

	const rows = screenCells(terminal, theme);
	// Backgrounds: one rect per run of equal background colour.
	rows.forEach((row, y) => {
		let run;
		const flush = () => {
			if (run) {
				out.push(
					`<rect x="${px(x0 + run.x * cellWidth)}" y="${px(y0 + y * lineHeight)}" width="${px(run.w * cellWidth)}" height="${lineHeight}" fill="${run.bg}"/>`,
				);
			}
			run = undefined;
		};
		for (const cell of row) {
			if (!cell.bg) {
				flush();
				continue;
			}
			if (run && run.bg === cell.bg && run.x + run.w === cell.x) run.w += cell.width;
			else {
				flush();
				run = {x: cell.x, w: cell.width, bg: cell.bg};
			}
		}
		flush();
	});

	// Text: one <text> per run of equal style; textLength pins every run to the cell grid.
	rows.forEach((row, y) => {
		let run;
		const flush = () => {
			if (run && !run.style.invisible && run.text.trim() !== '') {
				// Leading and trailing blanks need no glyphs; drop them and keep the rest on the grid.
				if (!run.wide) {
					const lead = run.text.length - run.text.trimStart().length;
					run.text = run.text.trim();
					run.x += lead;
					run.w = run.text.length;
				}
				const s = run.style;
				const cls = [s.bold && 'b', s.dim && 'd', s.italic && 'i'].filter(Boolean).join(' ');
				const deco = [s.underline && 'underline', s.strikethrough && 'line-through'].filter(Boolean).join(' ');
				out.push(
					`<text x="${px(x0 + run.x * cellWidth)}" y="${px(y0 + y * lineHeight + baseline)}" textLength="${px(run.w * cellWidth)}" lengthAdjust="spacingAndGlyphs" fill="${s.fg}"${cls ? ` class="${cls}"` : ''}${deco ? ` text-decoration="${deco}"` : ''} xml:space="preserve">${escapeXml(stripInvalidXml(run.text))}</text>`,
				);
			}
			run = undefined;
		};
		for (const cell of row) {
			const key = styleKey(cell);
			if (run && run.key === key && run.x + run.w === cell.x && cell.width === 1 && !run.wide) {
				run.text += cell.chars;
				run.w += 1;
			} else {
				flush();
				run = {x: cell.x, w: cell.width, text: cell.chars, key, style: cell, wide: cell.width > 1};
			}
		}
		flush();
	});
	out.push('</svg>');
	return out.join('\n') + '\n';
}
