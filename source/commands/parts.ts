// smsdeck parts "text" [--json]: how an SMS body is encoded and split into parts (GSM-7 or UCS-2).
import {analyzeMessage, suggestGsmReplacements} from '../domain/messageParts.js';
import {renderJson, renderLines} from './printTable.js';
import {commandRunner} from './commandTree.js';
import type {CommandAction} from './types.js';

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
	let text = '';
	for await (const chunk of stdin) text += chunk.toString();
	return text.replace(/\r?\n$/, '');
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const count: CommandAction = async ({args}, globals, io) => {
	const text = args[0] === '-' ? await readStdin(process.stdin) : args[0];
	const info = analyzeMessage(text);
	const replaced = suggestGsmReplacements(text);
	const suggestion = replaced !== text ? analyzeMessage(replaced) : undefined;
	if (globals.json) {
		const json = {
			...info,
			ucs2Characters: info.ucs2Characters.map(c => ({character: c, codePoint: codePoint(c)})),
			suggestion: suggestion ? {text: replaced, encoding: suggestion.encoding, characters: suggestion.characters, parts: suggestion.parts} : null,
		};
		io.stdout.write(renderJson(json));
		return info.tooLong ? 1 : 0;
	}
	const encoding = info.encoding === 'GSM' ? 'GSM-7' : 'UCS-2';
	const lines = [
		`Encoding:     ${encoding}`,
		`Characters:   ${info.characters} of at most ${info.maxCharacters}${info.encoding === 'UCS2' ? ' (UTF-16 code units)' : ''}`,
		`Parts:        ${info.parts}${info.parts > 1 ? ` (${info.perPart} characters each)` : ` (up to ${info.perPart} characters in one part)`}`,
		`Remaining:    ${info.tooLong ? 'none — too long: the service refuses it' : `${info.remainingInPart} more character${info.remainingInPart === 1 ? '' : 's'} before ${info.parts === 0 ? 'the first' : 'another'} part`}`,
	];
	if (info.ucs2Characters.length > 0) {
		lines.push(`UCS-2 due to: ${info.ucs2Characters.map(c => `${JSON.stringify(c)} ${codePoint(c)}`).join(', ')}`);
	}
	if (suggestion) {
		lines.push(`Suggestion:   ${JSON.stringify(replaced)}`);
		lines.push(`              ${suggestion.encoding === 'GSM' ? 'GSM-7' : 'UCS-2'}, ${suggestion.characters} characters, ${suggestion.parts} part${suggestion.parts === 1 ? '' : 's'}`);
	}
	if (info.parts > 3) lines.push('Note:         more than 3 parts — an MMS is billed as one part');
	io.stdout.write(renderLines(lines));
	return info.tooLong ? 1 : 0;
};

export const actions = {run: count} satisfies Record<string, CommandAction>;
export const run = commandRunner('parts');
