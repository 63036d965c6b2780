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
import {auditChange, changeLine, confirm, parseChangeArgs, refuseReadOnly, requireConfirmable, required, RuleError, runChange, withChangeClients} from './change.js';
import {UsageError, type SubcommandRun} from './types.js';

export const usage = `Usage:
  smsdeck keywords list --origination ID
  smsdeck keywords set --origination ID --keyword K --message M [--action AUTOMATIC_RESPONSE|OPT_OUT|OPT_IN] [--yes]
  smsdeck keywords delete --origination ID --keyword K [--yes]

ID is a phone number (E.164, e.g. +12065550100, its phone-… id or ARN), a pool (pool-… id, ARN or its Name
tag) or a sender ID (or its ARN). "set" adds the keyword or replaces its message and action.
HELP and STOP are never deleted; their messages can be set, their actions stay (HELP AUTOMATIC_RESPONSE,
STOP OPT_OUT), and on a US toll-free number neither can be changed. The mandatory opt-out keywords (ARRET,
CANCEL, END, OPT-OUT, OPTOUT, QUIT, REMOVE, STOP, TD, UNSUBSCRIBE) keep OPT_OUT and are never deleted.
Without --action, set keeps the fixed action of these keywords, else AUTOMATIC_RESPONSE. Changes ask for
confirmation on a terminal; --yes confirms without asking (needed when stdin is not a terminal).

Options: --region CODE, --profile NAME, --endpoint-url URL, --local, --json (list), --read-only (refuses changes).
Exit code 0; 1 when the service refuses (its reason on stderr); 2 on bad input, a rule broken before any call,
or a change without confirmation.
`;

const must = (r: {ok: true} | {ok: false; reason: string}) => {
	if (!r.ok) throw new RuleError(r.reason);
};

export const run: SubcommandRun = async (args, globals, io) =>
	runChange(io, async () => {
		const [action, ...rest] = args;
		const command = `keywords ${action ?? ''}`.trim();
		if (action === 'list') {
			const parsed = parseChangeArgs(command, rest, ['origination'], []);
			const typed = required(command, parsed, 'origination');
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
		}
		if (action === 'set') {
			const parsed = parseChangeArgs(command, rest, ['origination', 'keyword', 'message', 'action']);
			const typed = required(command, parsed, 'origination');
			const keyword = required(command, parsed, 'keyword');
			const message = required(command, parsed, 'message');
			const kwAction = parsed.options.action ?? fixedKeywordAction(keyword) ?? 'AUTOMATIC_RESPONSE';
			// Every rule that needs no call, before connecting.
			must(checkKeyword(keyword));
			must(checkKeywordMessage(message));
			must(checkKeywordChange(keyword, kwAction));
			await refuseReadOnly(command, globals, io.env);
			requireConfirmable(command, parsed.flags.has('yes'));
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
				const ok = await confirm(command, io, {yes: parsed.flags.has('yes'), summary: [`Keyword ${keyword} on ${label}: ${was || '(new)'} → ${now}`, `$ ${cli}`]});
				if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
				const out = await putKeyword(clients, origination, keyword, message, kwAction);
				await auditChange(io.env, changeLine(clients.connection.region, `Keyword ${keyword} on ${label}`, was, now, out.requestId), io);
				io.stdout.write(renderLines([`Keyword ${keyword} on ${label}: ${now}${out.requestId ? ` (request id ${out.requestId})` : ''}`]));
			});
		}
		if (action === 'delete') {
			const parsed = parseChangeArgs(command, rest, ['origination', 'keyword']);
			const typed = required(command, parsed, 'origination');
			const keyword = required(command, parsed, 'keyword');
			must(checkKeyword(keyword));
			must(checkKeywordDelete(keyword));
			await refuseReadOnly(command, globals, io.env);
			requireConfirmable(command, parsed.flags.has('yes'));
			return withChangeClients(globals, io, async clients => {
				const {id: origination, label} = await resolveIdentity(clients, 'origination', typed);
				const cli = awsCli(clients.connection, 'pinpoint-sms-voice-v2', 'delete-keyword', {'origination-identity': origination, keyword});
				const ok = await confirm(command, io, {yes: parsed.flags.has('yes'), typed: 'delete', summary: [`Delete keyword ${keyword} on ${label}`, `$ ${cli}`]});
				if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
				const out = await deleteKeyword(clients, origination, keyword);
				await auditChange(io.env, changeLine(clients.connection.region, `Delete keyword ${keyword} on ${label}`, keyword, '', out.requestId), io);
				io.stdout.write(renderLines([`Deleted keyword ${keyword} on ${label}${out.requestId ? ` (request id ${out.requestId})` : ''}`]));
			});
		}
		throw new UsageError(`keywords: say list, set or delete (see smsdeck keywords --help)`);
	});
