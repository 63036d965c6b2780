// smsdeck keywords list|set|delete: the keywords of a phone number or pool, and changing them with the same
// rules the console applies before any call (HELP/STOP and the mandatory opt-out keywords keep their actions
// and stay; US toll-free numbers keep HELP and STOP as they are; lengths; the 30-keyword quota).
import {listKeywords} from '../services/keywordsService.js';
import {resolveIdentity} from '../services/identityResolver.js';
import {deleteKeyword, putKeyword} from '../services/changesService.js';
import {checkKeyword, checkKeywordDelete, checkKeywordMessage, checkKeywordChange, checkKeywordPut, fixedKeywordAction, isUsTollFree, sameKeyword} from '../domain/keywordRules.js';
import {getPhoneNumber} from '../services/numbersService.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {renderLines, writeRows} from './printTable.js';
import {safeJson} from '../domain/sanitize.js';
import {auditChange, changeLine, confirm, refuseReadOnly, requireConfirmable, RuleError, runChange, withChangeClients} from './change.js';
import {commandRunner} from './commandTree.js';
import type {CommandAction, CommandInput} from './types.js';

const must = (r: {ok: true} | {ok: false; reason: string}) => {
	if (!r.ok) throw new RuleError(r.reason);
};

/** The options of keywords list|set|delete (the command tree checks that the required ones are there). */
const optionsOf = ({options}: CommandInput) => options as {origination: string; keyword: string; message: string; action?: string; yes?: boolean};

const list: CommandAction = async (input, globals, io) =>
	runChange(io, async () => {
		const typed = optionsOf(input).origination;
		return withChangeClients(globals, io, async clients => {
			const {id} = await resolveIdentity(clients, 'origination', typed);
			const rows = await listKeywords(clients, id);
			writeRows(
				io.stdout,
				globals.json,
				[
					{title: 'Keyword', value: k => k.Keyword ?? ''},
					{title: 'Action', value: k => k.KeywordAction ?? ''},
					{title: 'Message', value: k => k.KeywordMessage ?? ''},
				],
				rows,
				r => r,
			);
		});
	});

const set: CommandAction = async (input, globals, io) =>
	runChange(io, async () => {
		const command = 'keywords set';
		const {origination: typed, keyword, message, yes = false} = optionsOf(input);
		const kwAction = optionsOf(input).action ?? fixedKeywordAction(keyword) ?? 'AUTOMATIC_RESPONSE';
		// Every rule that needs no call, before connecting.
		must(checkKeyword(keyword));
		must(checkKeywordMessage(message));
		must(checkKeywordChange(keyword, kwAction));
		await refuseReadOnly(command, globals, io.env);
		requireConfirmable(command, yes);
		return withChangeClients(globals, io, async clients => {
			const {id: origination, label, kind} = await resolveIdentity(clients, 'origination', typed);
			const [existing, number] = await Promise.all([
				listKeywords(clients, origination),
				kind === 'phoneNumber' ? getPhoneNumber(clients, origination) : undefined,
			]);
			const before = existing.find(k => sameKeyword(k.Keyword ?? '', keyword));
			// The rules that need the number (US toll-free) and its keywords (the quota).
			must(checkKeywordPut({keyword, message, action: kwAction, existing: existing.map(k => k.Keyword ?? ''), tollFree: isUsTollFree(number)}));
			const cli = awsCli(clients.connection, 'pinpoint-sms-voice-v2', 'put-keyword', {
				'origination-identity': origination,
				keyword,
				'keyword-message': message,
				'keyword-action': kwAction,
			});
			const was = before ? `${before.KeywordAction} ${safeJson(before.KeywordMessage)}` : '';
			const now = `${kwAction} ${safeJson(message)}`;
			const ok = await confirm(command, io, {yes, summary: [`Keyword ${keyword} on ${label}: ${was || '(new)'} → ${now}`, `$ ${cli}`]});
			if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
			const out = await putKeyword(clients, origination, keyword, message, kwAction);
			await auditChange(io.env, changeLine(clients.connection.region, `Keyword ${keyword} on ${label}`, was, now, out.requestId), io);
			io.stdout.write(renderLines([`Keyword ${keyword} on ${label}: ${now}${out.requestId ? ` (request id ${out.requestId})` : ''}`]));
		});
	});

const remove: CommandAction = async (input, globals, io) =>
	runChange(io, async () => {
		const command = 'keywords delete';
		const {origination: typed, keyword, yes = false} = optionsOf(input);
		must(checkKeyword(keyword));
		must(checkKeywordDelete(keyword));
		await refuseReadOnly(command, globals, io.env);
		requireConfirmable(command, yes);
		return withChangeClients(globals, io, async clients => {
			const {id: origination, label} = await resolveIdentity(clients, 'origination', typed);
			const cli = awsCli(clients.connection, 'pinpoint-sms-voice-v2', 'delete-keyword', {'origination-identity': origination, keyword});
			const ok = await confirm(command, io, {yes, typed: 'delete', summary: [`Delete keyword ${keyword} on ${label}`, `$ ${cli}`]});
			if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
			const out = await deleteKeyword(clients, origination, keyword);
			await auditChange(io.env, changeLine(clients.connection.region, `Delete keyword ${keyword} on ${label}`, keyword, '', out.requestId), io);
			io.stdout.write(renderLines([`Deleted keyword ${keyword} on ${label}${out.requestId ? ` (request id ${out.requestId})` : ''}`]));
		});
	});

export const actions = {list, set, delete: remove} satisfies Record<string, CommandAction>;
export const run = commandRunner('keywords');
