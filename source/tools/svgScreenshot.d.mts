// Types for svgScreenshot.mjs (plain JS so tools can run it without a compile step).
import type {Terminal} from '@xterm/headless';

export interface ScreenshotTheme {
	background: string;
	foreground: string;
	chrome: string;
	chromeText: string;
	ansi: readonly string[];
}

export interface ScreenCell {
	x: number;
	width: number;
	chars: string;
	fg: string;
	bg: string | undefined;
	bold: boolean;
	dim: boolean;
	italic: boolean;
	underline: boolean;
	strikethrough: boolean;
	invisible: boolean;
	inverse: boolean;
}

export interface SvgOptions {
	title?: string;
	fontSize?: number;
	fontFamily?: string;
	theme?: ScreenshotTheme;
	/** Window chrome (title bar with traffic lights); default true. */
	chrome?: boolean;
}

export const defaultTheme: ScreenshotTheme;
export function paletteColor(index: number, theme?: ScreenshotTheme): string;
export function screenLines(terminal: Terminal): string[];
export function screenText(terminal: Terminal): string;
export function screenCells(terminal: Terminal, theme?: ScreenshotTheme): ScreenCell[][];
export function renderSvg(terminal: Terminal, options?: SvgOptions): string;
