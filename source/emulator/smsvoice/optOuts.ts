// Opt-out lists and opted-out numbers.
import {parseE164} from '../../domain/e164.js';
import type {Handler} from '../types.js';
import {conflict, notFound, quota, validation} from './errors.js';
import {applyFilters, type Filter} from './filters.js';
import {idempotent} from './idempotency.js';
import {requireOptOutList} from './lookup.js';
import type {OptOutListRec, Tag} from './model.js';
import {paginate, withToken, type PageInput} from './pagination.js';
import {tagsOut} from './shapes.js';
import {DEFAULT_OPT_OUT_LIST, seconds, type Svc} from './state.js';
import {checkTags} from './tagRules.js';

function listInfo(l: OptOutListRec): Record<string, unknown> {
	return {OptOutListArn: l.arn, OptOutListName: l.name, CreatedTimestamp: seconds(l.created)};
}

function e164(value: string, field: string): string {
	const parsed = parseE164(value);
	if (!parsed.ok) throw validation('INVALID_PARAMETER', `${value} is not an E.164 phone number: ${parsed.reason}`, field);
	return parsed.e164;
}

export function optOutHandlers(svc: Svc): Record<string, Handler> {
	return {
		CreateOptOutList(input: {OptOutListName: string; Tags?: Tag[]; ClientToken?: string}, ctx) {
			const rs = svc.region(ctx);
			return idempotent(rs, 'CreateOptOutList', input.ClientToken, () => {
				const name = input.OptOutListName;
				if (Object.hasOwn(rs.optOutLists, name)) throw conflict('RESOURCE_ALREADY_EXISTS', 'opt-out-list', name, `The opt-out list ${name} already exists.`);
				if (Object.keys(rs.optOutLists).length >= rs.limits.OPT_OUT_LISTS) {
					throw quota('OPT_OUT_LISTS_PER_ACCOUNT', `You can have at most ${rs.limits.OPT_OUT_LISTS} opt-out lists in ${rs.region} (Default included).`);
				}
				if (input.Tags) checkTags(rs, input.Tags);
				const list: OptOutListRec = {name, arn: svc.arn(rs, `opt-out-list/${name}`), created: svc.now(), tags: input.Tags ? tagsOut(input.Tags) : [], numbers: {}};
				rs.optOutLists[name] = list;
				svc.dirty();
				return {...listInfo(list), Tags: tagsOut(list.tags)};
			});
		},

		DescribeOptOutLists(input: PageInput & {OptOutListNames?: string[]; Owner?: string}, ctx) {
			const rs = svc.region(ctx);
			let items: OptOutListRec[];
			if (input.Owner === 'SHARED') items = [];
			else if (input.OptOutListNames && input.OptOutListNames.length > 0) items = input.OptOutListNames.map(n => requireOptOutList(rs, n));
			else items = Object.values(rs.optOutLists);
			const {page, NextToken} = paginate('DescribeOptOutLists', items, input);
			return withToken({OptOutLists: page.map(listInfo)}, NextToken);
		},

		DeleteOptOutList(input: {OptOutListName: string}, ctx) {
			const rs = svc.region(ctx);
			const list = requireOptOutList(rs, input.OptOutListName);
			if (list.name === DEFAULT_OPT_OUT_LIST) {
				throw conflict('RESOURCE_DELETION_NOT_ALLOWED', 'opt-out-list', list.name, 'The Default opt-out list cannot be deleted.');
			}
			const user =
				Object.values(rs.phoneNumbers).find(p => p.optOutListName === list.name) ?? Object.values(rs.pools).find(p => p.optOutListName === list.name);
			if (user) {
				throw conflict('RESOURCE_DELETION_NOT_ALLOWED', 'opt-out-list', list.name, `The opt-out list is in use by ${user.id}.`);
			}
			delete rs.optOutLists[list.name];
			svc.dirty();
			return listInfo(list);
		},

		DescribeOptedOutNumbers(input: PageInput & {OptOutListName: string; OptedOutNumbers?: string[]; Filters?: Filter[]}, ctx) {
			const rs = svc.region(ctx);
			const list = requireOptOutList(rs, input.OptOutListName);
			let numbers = Object.keys(list.numbers);
			if (input.OptedOutNumbers && input.OptedOutNumbers.length > 0) {
				numbers = input.OptedOutNumbers.map(n => {
					if (!Object.hasOwn(list.numbers, n)) throw notFound('opted-out-number', n);
					return n;
				});
			}
			const entries = numbers.map(n => ({n, rec: list.numbers[n]}));
			const filtered = applyFilters(entries, input.Filters, {'end-user-opted-out': e => e.rec.endUser});
			const {page, NextToken} = paginate('DescribeOptedOutNumbers', filtered, input);
			return withToken(
				{
					OptOutListArn: list.arn,
					OptOutListName: list.name,
					OptedOutNumbers: page.map(e => ({OptedOutNumber: e.n, OptedOutTimestamp: seconds(e.rec.at), EndUserOptedOut: e.rec.endUser})),
				},
				NextToken,
			);
		},

		PutOptedOutNumber(input: {OptOutListName: string; OptedOutNumber: string}, ctx) {
			const rs = svc.region(ctx);
			const list = requireOptOutList(rs, input.OptOutListName);
			const number = e164(input.OptedOutNumber, 'OptedOutNumber');
			const rec = list.numbers[number] ?? {at: svc.now(), endUser: false};
			list.numbers[number] = rec;
			svc.dirty();
			return {OptOutListArn: list.arn, OptOutListName: list.name, OptedOutNumber: number, OptedOutTimestamp: seconds(rec.at), EndUserOptedOut: rec.endUser};
		},

		DeleteOptedOutNumber(input: {OptOutListName: string; OptedOutNumber: string}, ctx) {
			const rs = svc.region(ctx);
			const list = requireOptOutList(rs, input.OptOutListName);
			const number = e164(input.OptedOutNumber, 'OptedOutNumber');
			const rec = list.numbers[number];
			if (!rec) throw notFound('opted-out-number', number);
			delete list.numbers[number];
			svc.dirty();
			return {OptOutListArn: list.arn, OptOutListName: list.name, OptedOutNumber: number, OptedOutTimestamp: seconds(rec.at), EndUserOptedOut: rec.endUser};
		},
	};
}

/** Adds a number to a list as an end-user opt-out (inbound STOP). */
export function optOutNumber(list: OptOutListRec, number: string, now: number): void {
	list.numbers[number] = {at: now, endUser: true};
}
